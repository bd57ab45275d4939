/**
 * The visited set shared by all threads of a parallel search, in SharedArrayBuffers: a
 * fingerprint table (open addressing, 8 bytes a slot, claimed with compare-and-swap), and
 * parent links by id (parent id, successor position). Ids come from one shared counter.
 *
 * Threads do not grow the table themselves: an insert that passes 3/4 load raises the GROW flag,
 * every thread pauses at its next check, and the coordinator doubles the table (`grown`) and hands
 * out the new buffers. Inserts go on until then; past 9/10 load `TableFull` would end the run as
 * incomplete rather than wrong (the pause comes long before).
 */
import type { Lineage } from '../parents.ts';
import type { Visited } from '../search.ts';

/** Indices into the control array: the id counter, the stop flag, the grow request. */
export const COUNT = 0;
export const STOP = 1;
export const GROW = 2;

export interface SharedBuffers {
  readonly table: SharedArrayBuffer;
  readonly parents: SharedArrayBuffer;
  readonly choices: SharedArrayBuffer;
  readonly control: SharedArrayBuffer;
}

/** Thrown when the table is too full to insert into safely. */
export class TableFull extends Error {}

const MAX_LOAD = 0.9;
const GROW_LOAD = 0.75;
const MAX_CHOICE = 0xffff;

export class SharedVisited implements Visited {
  private table!: Int32Array;
  private parents!: Int32Array;
  private choices!: Uint16Array;
  private control!: Int32Array;
  private mask = 0;
  private limit = 0;
  private growAt = 0;

  constructor(buffers: SharedBuffers) {
    this.attach(buffers);
  }

  /** Switches to (grown) buffers handed out by the coordinator. */
  attach(buffers: SharedBuffers): void {
    this.table = new Int32Array(buffers.table);
    this.parents = new Int32Array(buffers.parents);
    this.choices = new Uint16Array(buffers.choices);
    this.control = new Int32Array(buffers.control);
    this.mask = (this.table.length >>> 1) - 1;
    this.limit = Math.min(this.parents.length, Math.floor((this.mask + 1) * MAX_LOAD));
    this.growAt = Math.floor((this.mask + 1) * GROW_LOAD);
  }

  insert(hi: number, lo: number, parentId: number, choice: number): number {
    if (choice > MAX_CHOICE) throw new RangeError(`a state has more than ${MAX_CHOICE} successors`);
    const id = this.claim(hi, lo);
    if (id >= 0) {
      this.parents[id] = parentId;
      this.choices[id] = choice;
    }
    return id;
  }

  insertRoot(hi: number, lo: number, initIndex: number): number {
    return this.insert(hi, lo, -1 - initIndex, 0);
  }

  lineage(id: number): Lineage {
    const choices: number[] = [];
    let at = id;
    for (let parent = this.parents[at]!; parent >= 0; parent = this.parents[at]!) {
      choices.push(this.choices[at]!);
      at = parent;
    }
    return { init: -1 - this.parents[at]!, choices: choices.reverse() };
  }

  get size(): number {
    return Atomics.load(this.control, COUNT);
  }

  get bytes(): number {
    return this.table.byteLength + this.parents.byteLength + this.choices.byteLength;
  }

  /** Inserts the fingerprint; its new id, or -1 when present. Both words are made non-zero (0 marks empty). */
  private claim(hi: number, lo: number): number {
    if (hi === 0) hi = 1;
    if (lo === 0) lo = 1;
    const table = this.table;
    const mask = this.mask;
    let slot = hi & mask;
    for (;;) {
      const at = slot << 1;
      let l = table[at + 1]!;
      if (l === 0) {
        l = Atomics.compareExchange(table, at + 1, 0, lo);
        if (l === 0) {
          Atomics.store(table, at, hi);
          const id = Atomics.add(this.control, COUNT, 1);
          if (id >= this.limit) throw new TableFull();
          if (id === this.growAt) Atomics.store(this.control, GROW, 1);
          return id;
        }
      }
      if (l === lo) {
        let h = table[at]!;
        while (h === 0) h = Atomics.load(table, at); // the claiming thread is writing it
        if (h === hi) return -1;
      }
      slot = (slot + 1) & mask;
    }
  }
}

/** Shared buffers for a table of `capacity` slots (a power of 2) and ids up to its load limit. */
export function allocateShared(capacity: number, control?: SharedArrayBuffer): SharedBuffers {
  const ids = Math.floor(capacity * MAX_LOAD) + 1;
  return {
    table: new SharedArrayBuffer(capacity * 8),
    parents: new SharedArrayBuffer(ids * 4),
    choices: new SharedArrayBuffer(ids * 2),
    control: control ?? new SharedArrayBuffer(16),
  };
}

/**
 * The shared set grown (while no thread inserts) so that `incoming` more states fit below 3/4
 * load, at least doubled when `double`; the same buffers when there is room.
 */
export function grown(buffers: SharedBuffers, incoming: number, double = false): SharedBuffers {
  const control = new Int32Array(buffers.control);
  const count = Atomics.load(control, COUNT);
  let capacity = buffers.table.byteLength / 8;
  if (double) capacity *= 2;
  while ((count + incoming) > capacity * GROW_LOAD) capacity *= 2;
  Atomics.store(control, GROW, 0);
  if (capacity === buffers.table.byteLength / 8) return buffers;
  const grown = allocateShared(capacity, buffers.control);
  rehash(new Int32Array(buffers.table), new Int32Array(grown.table));
  new Int32Array(grown.parents).set(new Int32Array(buffers.parents).subarray(0, count));
  new Uint16Array(grown.choices).set(new Uint16Array(buffers.choices).subarray(0, count));
  return grown;
}

function rehash(from: Int32Array, to: Int32Array): void {
  const mask = (to.length >>> 1) - 1;
  for (let i = 0; i < from.length; i += 2) {
    const hi = from[i]!, lo = from[i + 1]!;
    if (lo === 0) continue;
    let slot = hi & mask;
    while (to[(slot << 1) + 1] !== 0) slot = (slot + 1) & mask;
    to[slot << 1] = hi;
    to[(slot << 1) + 1] = lo;
  }
}
