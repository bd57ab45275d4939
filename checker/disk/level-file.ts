/**
 * One BFS level's states, in the order they were pushed: blocks of states kept in memory, or —
 * once the store spills — encoded and appended to a file of their own. Read back front to back
 * while the next level is written, then deleted.
 */
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import type { StateCodec } from './state-codec.ts';

/** States per block. */
export const BLOCK_STATES = 4096;

/** Where an encoded block lies in the file. */
export interface StoredBlock {
  readonly offset: number;
  readonly bytes: number;
  readonly count: number;
}
type Block<S> = { readonly states: S[] } | StoredBlock;

export class LevelFile<S> {
  private readonly blocks: Block<S>[] = [];
  private tail: S[] = [];
  private fd = -1;
  private written = 0;
  private count = 0;

  constructor(
    private readonly codec: StateCodec<S>,
    readonly path: string,
  ) {}

  /** A sealed level saved earlier (a checkpoint): its file at `path`, holding `blocks`. */
  static restore<S>(codec: StateCodec<S>, path: string, blocks: readonly StoredBlock[]): LevelFile<S> {
    const level = new LevelFile(codec, path);
    level.blocks.push(...blocks);
    level.count = blocks.reduce((n, b) => n + b.count, 0);
    level.written = blocks.reduce((n, b) => Math.max(n, b.offset + b.bytes), 0);
    if (blocks.length > 0) level.fd = openSync(path, 'r+');
    return level;
  }

  /** Puts every block on disk and says where each lies (a checkpoint links the file). */
  stored(): StoredBlock[] {
    this.spillAll();
    const stored = this.blocks.filter((b): b is StoredBlock => !('states' in b));
    if (stored.length !== this.blocks.length) throw new Error('internal: a block of a sealed level is still in memory');
    return stored;
  }

  get size(): number {
    return this.count;
  }

  get diskBytes(): number {
    return this.written;
  }

  push(state: S, toDisk: boolean): void {
    this.tail.push(state);
    this.count++;
    if (this.tail.length === BLOCK_STATES) this.endBlock(toDisk);
  }

  /** Closes the block being filled (at the end of the level). */
  seal(toDisk: boolean): void {
    if (this.tail.length > 0) this.endBlock(toDisk);
  }

  /** Encodes every block still in memory onto disk (the store is spilling). */
  spillAll(): void {
    for (let i = 0; i < this.blocks.length; i++) {
      const block = this.blocks[i]!;
      if ('states' in block) this.blocks[i] = this.write(block.states);
    }
  }

  /** The blocks in order, each decoded when reached; the file is gone once the last is read. */
  *read(): Generator<S[]> {
    for (let i = 0; i < this.blocks.length; i++) {
      const block = this.blocks[i]!;
      this.blocks[i] = { states: [] }; // let the states be collected once read
      yield 'states' in block ? block.states : this.codec.decode(this.readBlock(block.offset, block.bytes));
    }
    this.delete();
  }

  delete(): void {
    if (this.fd >= 0) {
      closeSync(this.fd);
      rmSync(this.path, { force: true });
      this.fd = -1;
    }
  }

  private endBlock(toDisk: boolean): void {
    this.blocks.push(toDisk ? this.write(this.tail) : { states: this.tail });
    this.tail = [];
  }

  private write(states: S[]): Block<S> {
    if (this.fd < 0) this.fd = openSync(this.path, 'w+');
    const bytes = this.codec.encode(states);
    const offset = this.written;
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done, offset + done);
    this.written += bytes.length;
    return { offset, bytes: bytes.length, count: states.length };
  }

  private readBlock(offset: number, length: number): Uint8Array {
    const bytes = new Uint8Array(length);
    let done = 0;
    while (done < length) {
      const n = readSync(this.fd, bytes, done, length - done, offset + done);
      if (n === 0) throw new Error(`internal: level file ${this.path} ended early`);
      done += n;
    }
    return bytes;
  }
}
