/**
 * A BFS level of packed states that every thread reads: each thread publishes the states it found
 * (their words and ids, in SharedArrayBuffers) and all threads then expand the level together,
 * taking chunks from their own share first and then from the others', through one cursor per
 * share. No thread waits at the barrier for another's longer share (at most one chunk), and no
 * state is copied from thread to thread.
 */
import { loadWords } from '../queued-words.ts';

/** One thread's part of a level: `count` states of `width` words each, and their ids. */
export interface Share {
  readonly words: SharedArrayBuffer;
  readonly ids: SharedArrayBuffer;
  readonly count: number;
}

/** Every thread's share of one level and the cursors into them. */
export interface SharedLevel {
  readonly shares: readonly Share[];
  /** A cursor a share (the next state no thread has taken), one cache line apart. */
  readonly cursors: SharedArrayBuffer;
}

/** States a thread takes at a time: a few milliseconds of work, one atomic add. */
const CHUNK = 256;
const CURSOR_STRIDE = 16;

export const EMPTY_SHARE: Share = { words: new SharedArrayBuffer(0), ids: new SharedArrayBuffer(0), count: 0 };

/** A share holding these states' words (`count * width` of them) and ids. */
export function publishShare(words: Int32Array, ids: readonly number[]): Share {
  const sharedWords = new SharedArrayBuffer(words.byteLength);
  new Int32Array(sharedWords).set(words);
  const sharedIds = new SharedArrayBuffer(ids.length * 4);
  new Int32Array(sharedIds).set(ids);
  return { words: sharedWords, ids: sharedIds, count: ids.length };
}

export function sharedLevel(shares: readonly Share[]): SharedLevel {
  return { shares, cursors: new SharedArrayBuffer(shares.length * CURSOR_STRIDE * 4) };
}

export function levelSize(level: readonly Share[]): number {
  return level.reduce((n, share) => n + share.count, 0);
}

/** One thread's walk through a shared level: its own share first, then the others' in turn. */
export class LevelChunks {
  private readonly cursors: Int32Array;
  private readonly words: Int32Array[];
  private readonly ids: Int32Array[];
  private tried = 0;
  /** The chunk taken last: states `start` to `end` (exclusive) of share `share`. */
  share = 0;
  start = 0;
  end = 0;

  constructor(
    private readonly level: SharedLevel,
    private readonly own: number,
    private readonly width: number,
  ) {
    this.cursors = new Int32Array(level.cursors);
    this.words = level.shares.map((s) => new Int32Array(s.words));
    this.ids = level.shares.map((s) => new Int32Array(s.ids));
  }

  /** Takes the next chunk; false when every share is taken. */
  take(): boolean {
    const { shares } = this.level;
    while (this.tried < shares.length) {
      const share = (this.own + this.tried) % shares.length;
      const count = shares[share]!.count;
      const start = count === 0 ? count : Atomics.add(this.cursors, share * CURSOR_STRIDE, CHUNK);
      if (start < count) {
        this.share = share;
        this.start = start;
        this.end = Math.min(start + CHUNK, count);
        return true;
      }
      this.tried++;
    }
    return false;
  }

  /** The i-th state of the chunk's share (a fresh array of its words) and its id. */
  state(i: number): number[] {
    return loadWords(this.words[this.share]!, i * this.width, this.width);
  }

  id(i: number): number {
    return this.ids[this.share]![i]!;
  }
}
