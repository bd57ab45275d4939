/**
 * A BFS level of packed states that every thread reads: each thread writes the states it finds
 * (their words and ids) into a SharedArrayBuffer of its own, and all threads then expand the level together,
 * taking chunks from their own share first and then from the others', through one cursor per
 * share. No thread waits at the barrier for another's longer share (at most one chunk), and no
 * state is copied from thread to thread.
 */
import { loadWords, storeWords } from '../queued-words.ts';
import { int32View } from './fixed-view.ts';
import { StoreFull } from './shared-visited.ts';

/** One thread's part of a level: `count` states, each as its words followed by its id. */
export interface Share {
  readonly words: SharedArrayBuffer;
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
/** A growable SharedArrayBuffer holds at most 4 GiB. */
const MAX_BYTES = 2 ** 32;

export const EMPTY_SHARE: Share = { words: new SharedArrayBuffer(0), count: 0 };

/**
 * A thread's share of the next level as it finds the states, written straight into a growable
 * SharedArrayBuffer that grows in place (no copy to publish it, none to grow it). A thread keeps
 * two and alternates: the one it fills for level d + 1 is not the one the others read in level d.
 */
export class ShareWriter {
  private readonly buffer = new SharedArrayBuffer(1 << 16, { maxByteLength: MAX_BYTES });
  private view = int32View(this.buffer);
  count = 0;

  constructor(private readonly width: number) {}

  push(state: unknown, id: number): void {
    const stride = this.width + 1;
    const at = this.count * stride;
    if (at + stride > this.view.length) this.grow(at + stride);
    storeWords(state, this.view, at, this.width);
    this.view[at + this.width] = id;
    this.count++;
  }

  /** The states written so far, for every thread to read. */
  share(): Share {
    return { words: this.buffer, count: this.count };
  }

  /** Starts a new level (after every thread has finished reading the share this writer held). */
  reset(): void {
    this.count = 0;
  }

  private grow(words: number): void {
    let bytes = this.buffer.byteLength;
    while (bytes < words * 4) bytes *= 2;
    if (bytes > MAX_BYTES) throw new StoreFull();
    this.buffer.grow(bytes);
    this.view = int32View(this.buffer);
  }
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
  private readonly stride: number;
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
    this.words = level.shares.map((s) => int32View(s.words));
    this.stride = width + 1;
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
    return loadWords(this.words[this.share]!, i * this.stride, this.width);
  }

  id(i: number): number {
    return this.words[this.share]![i * this.stride + this.width]!;
  }
}
