/**
 * The visited set shared by all threads of a parallel search, in growable SharedArrayBuffers
 * that every thread sees grow in place — so no thread ever waits for a table to be handed out:
 *
 * - fingerprints: 256 segments chosen by the top 8 bits, each an open-addressing table (8 bytes a
 *   slot, linear probing) kept 68–85% full by growing it 25% at a time under the segment's lock —
 *   the single-thread `CompactStore`'s layout, shared. Here a growth also holds the segment's lock
 *   and stalls the other threads: growing by 10% (moving each entry 10 times instead of 4) spent
 *   half the time in growing and in waiting for locks (measured on MCBoulanger's former
 *   hand-packed port), for 15.2 bytes a state instead of 16.5;
 * - parent links by id (4 bytes of parent, 1 byte of successor position, larger positions in an
 *   overflow list). Each thread takes ids in blocks of `ID_BLOCK` from one shared counter, so the
 *   threads neither contend for the counter nor write links into the same cache lines; the few
 *   ids left unused at the end of a thread's last block are never linked nor counted.
 * About 15–17 bytes a state in all.
 */
import type { Lineage } from '../parents.ts';
import type { Visited } from '../search.ts';
import { int32View, uint8View } from './fixed-view.ts';

// Indices into the control array. NEXT_BLOCK: the first id not yet handed out in a block.
const NEXT_BLOCK = 0;
export const STOP = 1;
const LINKS_LOCK = 2;
const LINKS_CAPACITY = 3;
const OVERFLOW_COUNT = 4;
const CONTROL_WORDS = 8;

const SEGMENT_BITS = 8;
const SEGMENTS = 1 << SEGMENT_BITS;
const INITIAL_SLOTS = 64;
const MAX_LOAD = 0.85;
const GROWTH = 1.25;
/**
 * Per segment in `meta`: its lock and how many slots are filled, one cache line (16 words) a
 * segment, so that a thread taking one segment's lock does not evict its neighbours' from the
 * other core. Capacities are read on every look-up and written only when a segment grows, so
 * they live apart, in `capacities`.
 */
const LOCK = 0,
  FILLED = 1,
  META_WORDS = 16;
const INITIAL_LINKS = 1 << 12;
const LINKS_GROWTH = 1.125;
/** A growable SharedArrayBuffer holds at most 4 GiB. */
const MAX_BYTES = 2 ** 32;
const BIG = 255;
const ID_BLOCK = 1024;
/** Words between two threads' state counts in `counts`: one cache line each. */
const COUNT_STRIDE = 16;

export interface SharedBuffers {
  readonly segments: readonly SharedArrayBuffer[];
  readonly meta: SharedArrayBuffer;
  /** Each segment's capacity in slots (negative while it grows). */
  readonly capacities: SharedArrayBuffer;
  readonly parents: SharedArrayBuffer;
  readonly choices: SharedArrayBuffer;
  /** (id, position) pairs for positions of 255 and above. */
  readonly overflow: SharedArrayBuffer;
  readonly control: SharedArrayBuffer;
  /** Each thread's count of the states it inserted, `COUNT_STRIDE` words apart. */
  readonly counts: SharedArrayBuffer;
}

/** Thrown when the shared set cannot grow (4 GiB in one buffer): the run ends as incomplete. */
export class StoreFull extends Error {}

export function allocateShared(threads: number): SharedBuffers {
  const growable = (bytes: number) => new SharedArrayBuffer(bytes, { maxByteLength: MAX_BYTES });
  const meta = new SharedArrayBuffer(SEGMENTS * META_WORDS * 4);
  const capacities = new SharedArrayBuffer(SEGMENTS * 4);
  new Int32Array(capacities).fill(INITIAL_SLOTS);
  const control = new SharedArrayBuffer(CONTROL_WORDS * 4);
  new Int32Array(control)[LINKS_CAPACITY] = INITIAL_LINKS;
  return {
    segments: Array.from({ length: SEGMENTS }, () => growable(INITIAL_SLOTS * 8)),
    meta,
    capacities,
    parents: growable(INITIAL_LINKS * 4),
    choices: growable(INITIAL_LINKS),
    overflow: growable(64),
    control,
    counts: new SharedArrayBuffer(threads * COUNT_STRIDE * 4),
  };
}

export class SharedVisited implements Visited {
  private readonly meta: Int32Array;
  private readonly capacities: Int32Array;
  private readonly control: Int32Array;
  /** This thread's view of each segment, remade when the segment has grown. */
  private readonly views: Int32Array[] = [];
  private parents: Int32Array;
  private choices: Uint8Array;
  private readonly counts: Int32Array;
  /** This thread's states inserted so far (published in `counts`), and its block of ids. */
  private inserted = 0;
  private nextId = 0;
  private blockEnd = 0;
  /** Room to copy a growing segment's entries into (a growable buffer's `slice()` is 50× slower than `set`). */
  private scratch = new Int32Array(0);

  constructor(
    private readonly buffers: SharedBuffers,
    /** This thread's index: 0 for the coordinator. */
    private readonly thread: number,
  ) {
    this.counts = new Int32Array(buffers.counts);
    this.meta = new Int32Array(buffers.meta);
    this.capacities = new Int32Array(buffers.capacities);
    this.control = new Int32Array(buffers.control);
    for (const segment of buffers.segments) this.views.push(int32View(segment));
    this.parents = int32View(buffers.parents);
    this.choices = uint8View(buffers.choices);
  }

  insert(hi: number, lo: number, parentId: number, choice: number): number {
    if (!this.claim(hi, lo)) return -1;
    if (this.nextId === this.blockEnd) this.takeBlock();
    const id = this.nextId++;
    this.link(id, parentId, choice);
    Atomics.store(this.counts, this.thread * COUNT_STRIDE, ++this.inserted);
    return id;
  }

  insertRoot(hi: number, lo: number, initIndex: number): number {
    return this.insert(hi, lo, -1 - initIndex, 0);
  }

  lineage(id: number): Lineage {
    this.refreshLinks();
    const choices: number[] = [];
    let big: Map<number, number> | undefined;
    let at = id;
    for (let parent = this.parents[at]!; parent >= 0; parent = this.parents[at]!) {
      const choice = this.choices[at]!;
      choices.push(choice === BIG ? (big ??= this.overflowChoices()).get(at)! : choice);
      at = parent;
    }
    return { init: -1 - this.parents[at]!, choices: choices.reverse() };
  }

  get size(): number {
    let n = 0;
    for (let at = 0; at < this.counts.length; at += COUNT_STRIDE) n += Atomics.load(this.counts, at);
    return n;
  }

  get bytes(): number {
    let slots = 0;
    for (let s = 0; s < SEGMENTS; s++) slots += Math.abs(Atomics.load(this.capacities, s)); // negative while growing
    return slots * 8 + Atomics.load(this.control, LINKS_CAPACITY) * 5 + this.buffers.overflow.byteLength;
  }

  /**
   * Inserts the fingerprint into its segment; false when present. Neither word is ever 0 (a 0 word
   * is stored as 1: one more collision pair per word, no more), so an empty slot is (0, 0) and a
   * slot being written is seen with a 0 word: never taken for a stored fingerprint.
   */
  private claim(hi: number, lo: number): boolean {
    if (hi === 0) hi = 1;
    if (lo === 0) lo = 1;
    const segment = hi >>> (32 - SEGMENT_BITS);
    if (this.seenWithoutLock(segment, hi, lo)) return false;
    const base = segment * META_WORDS;
    lock(this.meta, base + LOCK);
    try {
      const capacity = this.capacities[segment]!;
      const slots = this.viewOf(segment, capacity);
      if (!probeInsert(slots, capacity, hi, lo)) return false;
      const filled = ++this.meta[base + FILLED]!;
      if (filled >= Math.floor(capacity * MAX_LOAD)) this.grow(segment, slots, capacity);
      return true;
    } finally {
      unlock(this.meta, base + LOCK);
    }
  }

  /**
   * Whether the fingerprint is already in its segment, looked up without the lock: most look-ups
   * find a state seen before. A growing segment has a negative capacity, and capacities only
   * increase, so the same positive capacity before and after the probe means no growth moved
   * entries under it; a slot being filled shows a 0 word and matches nothing. Not found (or not
   * sure) is answered under the lock.
   */
  private seenWithoutLock(segment: number, hi: number, lo: number): boolean {
    const capacity = Atomics.load(this.capacities, segment);
    if (capacity <= 0) return false;
    return (
      find(this.viewOf(segment, capacity), capacity, hi, lo) >= 0 && Atomics.load(this.capacities, segment) === capacity
    );
  }

  /** This thread's view of a segment of `capacity` slots, remade when the segment has grown. */
  private viewOf(segment: number, capacity: number): Int32Array {
    const slots = this.views[segment]!;
    if (slots.length === capacity * 2) return slots;
    return (this.views[segment] = int32View(this.buffers.segments[segment]!, capacity * 2));
  }

  /** Grows a segment by 25% in place (its lock held): entries are copied out, then inserted again. */
  private grow(segment: number, slots: Int32Array, capacity: number): void {
    if (this.scratch.length < slots.length) this.scratch = new Int32Array(Math.ceil(slots.length * GROWTH));
    const entries = this.scratch.subarray(0, slots.length);
    entries.set(slots);
    const grown = Math.ceil(capacity * GROWTH);
    if (grown * 8 > MAX_BYTES) throw new StoreFull();
    // Look-ups without the lock see a negative capacity until the entries are in place again.
    Atomics.store(this.capacities, segment, -capacity);
    this.buffers.segments[segment]!.grow(grown * 8);
    const view = (this.views[segment] = int32View(this.buffers.segments[segment]!, grown * 2));
    view.fill(0);
    for (let i = 0; i < entries.length; i += 2) {
      const h = entries[i]!,
        l = entries[i + 1]!;
      if (h !== 0 || l !== 0) probeInsert(view, grown, h, l);
    }
    Atomics.store(this.capacities, segment, grown);
  }

  /** The next block of ids for this thread, with room for its links. */
  private takeBlock(): void {
    this.nextId = Atomics.add(this.control, NEXT_BLOCK, ID_BLOCK);
    this.blockEnd = this.nextId + ID_BLOCK;
    if (this.blockEnd > this.parents.length) this.growLinks(this.blockEnd - 1);
  }

  private link(id: number, parentId: number, choice: number): void {
    this.parents[id] = parentId;
    if (choice < BIG) {
      this.choices[id] = choice;
      return;
    }
    this.choices[id] = BIG;
    lock(this.control, LINKS_LOCK);
    try {
      const at = this.control[OVERFLOW_COUNT]!;
      const overflow = this.buffers.overflow;
      if ((at + 1) * 8 > overflow.byteLength) {
        if (overflow.byteLength * 2 > MAX_BYTES) throw new StoreFull();
        overflow.grow(overflow.byteLength * 2);
      }
      const pairs = int32View(overflow);
      pairs[at * 2] = id;
      pairs[at * 2 + 1] = choice;
      this.control[OVERFLOW_COUNT] = at + 1;
    } finally {
      unlock(this.control, LINKS_LOCK);
    }
  }

  /** Makes room for link `id`: grows the shared arrays (under their lock) or sees another thread's growth. */
  private growLinks(id: number): void {
    lock(this.control, LINKS_LOCK);
    try {
      let capacity = this.control[LINKS_CAPACITY]!;
      if (id >= capacity) {
        while (id >= capacity) capacity = Math.ceil(capacity * LINKS_GROWTH);
        if (capacity * 4 > MAX_BYTES) throw new StoreFull();
        this.buffers.parents.grow(capacity * 4);
        this.buffers.choices.grow(capacity);
        this.control[LINKS_CAPACITY] = capacity;
      }
    } finally {
      unlock(this.control, LINKS_LOCK);
    }
    this.refreshLinks();
  }

  private refreshLinks(): void {
    const capacity = Atomics.load(this.control, LINKS_CAPACITY);
    if (this.parents.length === capacity) return;
    this.parents = int32View(this.buffers.parents, capacity);
    this.choices = uint8View(this.buffers.choices, capacity);
  }

  private overflowChoices(): Map<number, number> {
    const pairs = int32View(this.buffers.overflow);
    const count = Atomics.load(this.control, OVERFLOW_COUNT);
    const big = new Map<number, number>();
    for (let i = 0; i < count; i++) big.set(pairs[i * 2]!, pairs[i * 2 + 1]!);
    return big;
  }
}

/**
 * Linear probing from the fingerprint's home slot: the word position of the fingerprint when
 * present, else `~position` of the empty slot where it belongs.
 */
function find(slots: Int32Array, capacity: number, hi: number, lo: number): number {
  let at = Math.floor(((lo >>> 0) * capacity) / 4294967296) << 1;
  const end = capacity << 1;
  for (;;) {
    const h = slots[at]!,
      l = slots[at + 1]!;
    if (h === hi && l === lo) return at;
    if (h === 0 && l === 0) return ~at;
    at += 2;
    if (at === end) at = 0;
  }
}

/** Inserts the fingerprint at the empty slot where it belongs; false when already present. */
function probeInsert(slots: Int32Array, capacity: number, hi: number, lo: number): boolean {
  const at = find(slots, capacity, hi, lo);
  if (at >= 0) return false;
  slots[~at] = hi;
  slots[~at + 1] = lo;
  return true;
}

/**
 * A lock on one word (0 free, 1 held, 2 held with waiters — a futex mutex): a few spins, then
 * sleep on the word, so a thread growing a large segment does not keep the other spinning.
 */
function lock(words: Int32Array, at: number): void {
  let c = Atomics.compareExchange(words, at, 0, 1);
  for (let spins = 0; c !== 0 && spins < 64; spins++) c = Atomics.compareExchange(words, at, 0, 1);
  if (c === 0) return;
  if (c !== 2) c = Atomics.exchange(words, at, 2);
  while (c !== 0) {
    Atomics.wait(words, at, 2);
    c = Atomics.exchange(words, at, 2);
  }
}

function unlock(words: Int32Array, at: number): void {
  if (Atomics.sub(words, at, 1) !== 1) {
    Atomics.store(words, at, 0);
    Atomics.notify(words, at, 1);
  }
}
