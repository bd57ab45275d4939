/**
 * Breadth-first search: states are expanded level by level, so the first violation found has a
 * shortest trace, and `depth` is TLC's diameter.
 */
import type { Spec } from '../spec/types.ts';
import type { ResolvedOptions } from './options.ts';
import type { CheckResult } from './result.ts';
import { runSearch, type TakingFrontier } from './run-search.ts';
import type { ExplorationObserver } from './search.ts';

/** Entries a chunk of the queue holds. */
const CHUNK = 8192;

/** One run of queued entries: states, with their ids and depths in typed arrays. */
interface Chunk<S> {
  readonly states: (S | undefined)[];
  readonly ids: Int32Array;
  readonly depths: Int32Array;
}

/**
 * A FIFO of fixed-size chunks: pushing writes at the tail chunk, taking reads from the head chunk
 * and releases each state as it goes; a drained chunk is reused for the tail (no array of all
 * queued states to grow or to shift, so no copying as the queue moves).
 */
class Queue<S> implements TakingFrontier<S> {
  private readonly chunks: Chunk<S>[] = [newChunk<S>()];
  private spare: Chunk<S> | undefined;
  /** Position in the first chunk of the next entry to take. */
  private head = 0;
  /** Position in the last chunk of the next entry to push. */
  private tail = 0;
  private count = 0;
  state!: S;
  id = 0;
  depth = 0;

  push(state: S, id: number, depth: number): void {
    if (this.tail === CHUNK) {
      this.chunks.push(this.spare ?? newChunk<S>());
      this.spare = undefined;
      this.tail = 0;
    }
    const chunk = this.chunks[this.chunks.length - 1]!;
    chunk.states[this.tail] = state;
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
    this.state = chunk.states[this.head]!;
    chunk.states[this.head] = undefined; // let the state be collected
    this.id = chunk.ids[this.head]!;
    this.depth = chunk.depths[this.head]!;
    this.head++;
    this.count--;
    return true;
  }

  get size(): number {
    return this.count;
  }
}

function newChunk<S>(): Chunk<S> {
  return {
    states: new Array<S | undefined>(CHUNK).fill(undefined),
    ids: new Int32Array(CHUNK),
    depths: new Int32Array(CHUNK),
  };
}

/** With an observer, which sees states expanded in id order (the liveness graph's recorder). */
export function bfs<S>(spec: Spec<S>, options: ResolvedOptions, observer?: ExplorationObserver<S>): CheckResult {
  return runSearch(spec, options, new Queue<S>(), observer);
}
