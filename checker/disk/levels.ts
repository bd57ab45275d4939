/**
 * The frontier of the disk store's BFS: the level being expanded and the next one, each a
 * `LevelFile`. The next level receives every state the search discovers — pending ones too — and
 * a bit per state says whether it is new; pending states get their bit when resolved. Reading a
 * level skips the states that turned out seen, and numbers the others from the level's first id:
 * the store gives ids in the same order.
 */
import { join } from 'node:path';
import type { Frontier } from '../search.ts';
import { type DiskVisited, PROVISIONAL } from './disk-visited.ts';
import { LevelFile } from './level-file.ts';
import type { StateCodec } from './state-codec.ts';

/** One level: its states and which of them are new. */
export interface Level<S> {
  readonly file: LevelFile<S>;
  /** Bit p: the p-th state pushed is new. */
  news: Uint8Array;
  pushes: number;
  /** How many are new. */
  count: number;
  /** The id of its first new state. */
  readonly firstId: number;
}

export class Levels<S> implements Frontier<S> {
  current: Level<S>;
  next: Level<S>;
  /** The state taken last, its id, and the level's depth (set by the engine). */
  state!: S;
  id = 0;
  private taken = 0;
  private position = 0;
  private block: S[] = [];
  private at = 0;
  private blocks: Iterator<S[]> | undefined;
  private serial = 0;
  /** Bytes of the queue on disk at most, over the run. */
  peakDiskBytes = 0;
  /** The queue outgrew its share of memory before the store did (see `spill`). */
  private queueSpilled = false;

  constructor(
    private readonly codec: StateCodec<S>,
    private readonly dir: string,
    private readonly visited: DiskVisited,
  ) {
    this.current = this.newLevel(0);
    this.next = this.newLevel(0);
  }

  push(state: S, id: number): void {
    const next = this.next;
    const p = next.pushes++;
    if (p >>> 3 >= next.news.length) next.news = grown(next.news);
    next.file.push(state, this.onDisk);
    if (id >= PROVISIONAL) this.visited.pushedPending(id, p);
    else this.confirm(p);
  }

  /** The `push`-th state of the next level is new. */
  confirm(push: number): void {
    const news = this.next.news;
    news[push >>> 3] = news[push >>> 3]! | (1 << (push & 7));
    this.next.count++;
  }

  /**
   * The next level goes to disk, and every level after it: when the store first flushes, or
   * earlier when the queue's states fill the heap (millions of live objects make every major
   * garbage collection slow, long before the fingerprints fill their table).
   */
  spill(): void {
    this.queueSpilled = true;
    this.next.file.spillAll();
  }

  /** Whether states pushed now are written to disk. */
  get onDisk(): boolean {
    return this.queueSpilled || this.visited.spilled;
  }

  /** States new and not yet expanded. */
  get size(): number {
    return this.current.count - this.taken + this.next.count;
  }

  /** The next level becomes the one to expand (call after the store resolved every pending state). */
  advance(): void {
    this.next.file.seal(this.onDisk);
    this.peakDiskBytes = Math.max(this.peakDiskBytes, this.current.file.diskBytes + this.next.file.diskBytes);
    this.current.file.delete();
    this.begin(this.next);
    this.next = this.newLevel(this.visited.confirmed);
  }

  /** Starts expanding `level` from its first state. */
  begin(level: Level<S>): void {
    this.current = level;
    this.taken = 0;
    this.position = 0;
    this.block = [];
    this.at = 0;
    this.blocks = undefined;
  }

  /** Takes the next new state of the current level into `state` and `id`; false at its end. */
  take(): boolean {
    for (;;) {
      if (this.at === this.block.length) {
        this.blocks ??= this.current.file.read();
        const next = this.blocks.next();
        if (next.done) return false;
        this.block = next.value;
        this.at = 0;
        continue;
      }
      const state = this.block[this.at++]!;
      const p = this.position++;
      if ((this.current.news[p >>> 3]! & (1 << (p & 7))) === 0) continue;
      this.state = state;
      this.id = this.current.firstId + this.taken++;
      return true;
    }
  }

  /** An empty level whose first new state will have id `firstId`. */
  newLevel(firstId: number): Level<S> {
    return {
      file: new LevelFile(this.codec, this.freshPath()),
      news: new Uint8Array(1024),
      pushes: 0,
      count: 0,
      firstId,
    };
  }

  /** A name for a level file not used yet. */
  freshPath(): string {
    return join(this.dir, `level-${this.serial++}.bin`);
  }

  close(): void {
    this.current.file.delete();
    this.next.file.delete();
  }
}

function grown(bits: Uint8Array): Uint8Array {
  const more = new Uint8Array(bits.length * 2);
  more.set(bits);
  return more;
}
