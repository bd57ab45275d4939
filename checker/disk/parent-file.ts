/**
 * Parent links of the disk store, by state id: 5 bytes a state as in `parents.ts` (the parent's
 * id, or `-1 - initIndex` for an initial state, and the successor's position), kept in memory
 * until `spill`, then appended to a file a block at a time. Ids are dense and links are set in
 * id order, so the file is written once, front to back; a lineage (needed only for a trace)
 * reads a record per step.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import type { Lineage } from '../parents.ts';

const RECORD = 5;
const BLOCK = 1 << 16;
/** Positions of 255 and above are kept in a Map, as in `parents.ts`. */
const BIG = 255;

export class ParentFile {
  /** Records not yet on disk: ids `onDisk`, `onDisk + 1`, …, in blocks. */
  private blocks: Uint8Array[] = [];
  private count = 0;
  private onDisk = 0;
  private fd = -1;
  private readonly bigChoices = new Map<number, number>();

  get size(): number {
    return this.count;
  }

  /** Bytes held in memory. */
  get bytes(): number {
    return this.blocks.length * BLOCK * RECORD + this.bigChoices.size * 16;
  }

  /** Bytes of the file (once spilled, every record ends up there). */
  get diskBytes(): number {
    return this.fd >= 0 ? this.count * RECORD : 0;
  }

  get spilled(): boolean {
    return this.fd >= 0;
  }

  /** Appends the link of state `id`, which must be the next id. */
  set(id: number, parentId: number, choice: number): void {
    if (id !== this.count) throw new Error(`internal: parent link ${id} set out of order (expected ${this.count})`);
    let at = id - this.onDisk;
    if (at === this.blocks.length * BLOCK) {
      if (this.fd >= 0 && this.blocks.length > 0) {
        this.writeBlocks();
        at = 0;
      }
      this.blocks.push(new Uint8Array(BLOCK * RECORD));
    }
    const bytes = this.blocks[Math.floor(at / BLOCK)]!;
    const offset = (at % BLOCK) * RECORD;
    writeInt32(bytes, offset, parentId);
    bytes[offset + 4] = choice < BIG ? choice : BIG;
    if (choice >= BIG) this.bigChoices.set(id, choice);
    this.count++;
  }

  setRoot(id: number, initIndex: number): void {
    this.set(id, -1 - initIndex, 0);
  }

  /** From now on, keep links on disk in `path`: a new file, or one holding the first `onDisk` records (resume). */
  spill(path: string, fresh = true): void {
    this.fd = openSync(path, fresh ? 'w+' : 'r+');
    this.writeBlocks();
  }

  /** Writes every record held in memory to the file (a checkpoint needs them there). */
  sync(): void {
    if (this.fd >= 0) this.writeBlocks();
  }

  lineage(id: number): Lineage {
    const choices: number[] = [];
    const record = new Uint8Array(RECORD);
    let at = id;
    for (;;) {
      this.read(at, record);
      const parent = readInt32(record, 0);
      if (parent < 0) return { init: -1 - parent, choices: choices.reverse() };
      choices.push(record[4] === BIG ? this.bigChoices.get(at)! : record[4]!);
      at = parent;
    }
  }

  /** Positions of 255 and above, for a checkpoint. */
  bigChoiceEntries(): [number, number][] {
    return [...this.bigChoices];
  }

  /** Resumes from a checkpoint: the file at `path` holds the first `count` records. */
  restore(path: string, count: number, big: readonly (readonly [number, number])[]): void {
    this.count = count;
    this.onDisk = count;
    this.blocks = [];
    for (const [id, choice] of big) this.bigChoices.set(id, choice);
    this.spill(path, false);
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }

  private read(id: number, into: Uint8Array): void {
    const at = id - this.onDisk;
    if (at >= 0) {
      const offset = (at % BLOCK) * RECORD;
      into.set(this.blocks[Math.floor(at / BLOCK)]!.subarray(offset, offset + RECORD));
    } else if (readSync(this.fd, into, 0, RECORD, id * RECORD) !== RECORD) {
      throw new Error(`internal: parent link ${id} missing on disk`);
    }
  }

  /**
   * Writes the records held in memory at their places in the file and drops the full blocks; a
   * partly filled last block stays in memory too (written again, identically, next time).
   */
  private writeBlocks(): void {
    let id = this.onDisk;
    for (const block of this.blocks) {
      const records = Math.min(BLOCK, this.count - id);
      const bytes = block.subarray(0, records * RECORD);
      let done = 0;
      while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done, id * RECORD + done);
      id += records;
    }
    const full = Math.floor((this.count - this.onDisk) / BLOCK);
    this.blocks.splice(0, full);
    this.onDisk += full * BLOCK;
  }
}

function writeInt32(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = value & 0xff;
  bytes[at + 1] = (value >>> 8) & 0xff;
  bytes[at + 2] = (value >>> 16) & 0xff;
  bytes[at + 3] = (value >>> 24) & 0xff;
}

function readInt32(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24);
}
