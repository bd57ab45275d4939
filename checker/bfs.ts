/**
 * Breadth-first search: states are expanded level by level, so the first violation found has a
 * shortest trace, and `depth` is TLC's diameter.
 */
import type { Spec } from '../spec/types.ts';
import type { ResolvedOptions } from './options.ts';
import type { CheckResult } from './result.ts';
import { runSearch, type TakingFrontier } from './run-search.ts';
import { loadWords, queuedWidth, storeWords } from './queued-words.ts';
import type { ExplorationObserver } from './search.ts';

/** Entries a chunk of the queue holds. */
const CHUNK = 8192;

/** One run of queued entries: states (or their words), with their ids and depths in typed arrays. */
interface Chunk<S> {
  readonly states: (S | undefined)[];
  /** Packed states: `width` words per entry. */
  readonly words: Int32Array;
  readonly ids: Int32Array;
  readonly depths: Int32Array;
}

/**
 * A FIFO of fixed-size chunks: pushing writes at the tail chunk, taking reads from the head chunk
 * and releases each state as it goes; a drained chunk is reused for the tail (no array of all
 * queued states to grow or to shift, so no copying as the queue moves).
 *
 * With `width > 0` the states are packed (`width` int32 words each, already checked by the
 * fingerprint) and the queue keeps their words, not the arrays: a frontier of millions of states
 * is then a few typed arrays the garbage collector never walks, and each state is an array again
 * only when it is taken, to be expanded and dropped young.
 */
class Queue<S> implements TakingFrontier<S> {
  private readonly chunks: Chunk<S>[];
  private spare: Chunk<S> | undefined;
  /** Position in the first chunk of the next entry to take. */
  private head = 0;
  /** Position in the last chunk of the next entry to push. */
  private tail = 0;
  private count = 0;
  state!: S;
  id = 0;
  depth = 0;

  constructor(private readonly width: number) {
    this.chunks = [this.newChunk()];
  }

  push(state: S, id: number, depth: number): void {
    if (this.tail === CHUNK) {
      this.chunks.push(this.spare ?? this.newChunk());
      this.spare = undefined;
      this.tail = 0;
    }
    const chunk = this.chunks[this.chunks.length - 1]!;
    const width = this.width;
    if (width === 0) chunk.states[this.tail] = state;
    else storeWords(state, chunk.words, this.tail * width, width);
    chunk.ids[this.tail] = id;
    chunk.depths[this.tail] = depth;
    this.tail++;
    this.count++;
  }

  take(): boolean {
    if (this.count === 0) return false;
    if (this.head === CHUNK) {
      this.spare = this.chunks.shift();
      this.head = 0;
    }
    const chunk = this.chunks[0]!;
    const width = this.width;
    if (width === 0) {
      this.state = chunk.states[this.head]!;
      chunk.states[this.head] = undefined; // let the state be collected
    } else this.state = loadWords(chunk.words, this.head * width, width) as S; // a packed spec's states are its words
    this.id = chunk.ids[this.head]!;
    this.depth = chunk.depths[this.head]!;
    this.head++;
    this.count--;
    return true;
  }

  get size(): number {
    return this.count;
  }

  private newChunk(): Chunk<S> {
    return {
      states: this.width === 0 ? new Array<S | undefined>(CHUNK).fill(undefined) : [],
      words: new Int32Array(CHUNK * this.width),
      ids: new Int32Array(CHUNK),
      depths: new Int32Array(CHUNK),
    };
  }
}

/** With an observer, which sees states expanded in id order (the liveness graph's recorder). */
export function bfs<S>(spec: Spec<S>, options: ResolvedOptions, observer?: ExplorationObserver<S>): CheckResult {
  return runSearch(spec, options, new Queue<S>(queuedWidth(spec, options)), observer);
}
