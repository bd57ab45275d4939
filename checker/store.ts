/**
 * The visited-state store: a set of 64-bit fingerprints that hands out dense ids (0, 1, 2, …) in
 * insertion order, so engines can keep per-state data (parent links) in typed arrays by id.
 * Behind this small interface a later store may keep fingerprints on disk.
 */
export interface FingerprintStore {
  /**
   * Inserts the fingerprint; returns its id when new (`>= 0`, ids are dense: 0, 1, 2, …), or a
   * negative number when already present: `~id` for stores that remember ids (`MapStore`,
   * `TableStore`), -1 for `CompactStore`.
   */
  insert(hi: number, lo: number): number;
  /** The number of distinct fingerprints held. */
  readonly size: number;
  /** Bytes held by the store's tables, for statistics. */
  readonly bytes: number;
}

/** A `Map`-backed store: simple and obviously right, for tests and cross-checks. */
export class MapStore implements FingerprintStore {
  private readonly ids = new Map<bigint, number>();

  insert(hi: number, lo: number): number {
    const key = (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
    const found = this.ids.get(key);
    if (found !== undefined) return ~found;
    const id = this.ids.size;
    this.ids.set(key, id);
    return id;
  }

  get size(): number {
    return this.ids.size;
  }

  get bytes(): number {
    return this.ids.size * 48; // a rough figure for Map entries with bigint keys
  }
}

/**
 * Open addressing with linear probing over typed arrays: 8 bytes of fingerprint and 4 bytes of
 * id per slot, grown by doubling at a load factor of 1/2. Fingerprint 0 marks an empty slot, so
 * the (vanishingly rare) real fingerprint 0 is stored as 1 — one more collision pair, no more.
 */
export class TableStore implements FingerprintStore {
  private hiOf: Int32Array;
  private loOf: Int32Array;
  private idOf: Int32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1 << 16) {
    let capacity = 1024;
    while (capacity < initialCapacity) capacity *= 2;
    this.hiOf = new Int32Array(capacity);
    this.loOf = new Int32Array(capacity);
    this.idOf = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  insert(hi: number, lo: number): number {
    if (hi === 0 && lo === 0) lo = 1;
    let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    for (;;) {
      const h = this.hiOf[slot]!,
        l = this.loOf[slot]!;
      if (h === 0 && l === 0) break;
      if (h === hi && l === lo) return ~this.idOf[slot]!;
      slot = (slot + 1) & this.mask;
    }
    const id = this.count++;
    this.hiOf[slot] = hi;
    this.loOf[slot] = lo;
    this.idOf[slot] = id;
    if (this.count * 2 > this.mask) this.grow();
    return id;
  }

  get size(): number {
    return this.count;
  }

  get bytes(): number {
    return this.hiOf.byteLength * 3;
  }

  private grow(): void {
    const { hiOf, loOf, idOf } = this;
    const capacity = hiOf.length * 2;
    this.hiOf = new Int32Array(capacity);
    this.loOf = new Int32Array(capacity);
    this.idOf = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let i = 0; i < hiOf.length; i++) {
      const hi = hiOf[i]!,
        lo = loOf[i]!;
      if (hi === 0 && lo === 0) continue;
      let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
      while (this.hiOf[slot] !== 0 || this.loOf[slot] !== 0) slot = (slot + 1) & this.mask;
      this.hiOf[slot] = hi;
      this.loOf[slot] = lo;
      this.idOf[slot] = idOf[i]!;
    }
  }
}

const SEGMENT_BITS = 8;
const SEGMENTS = 1 << SEGMENT_BITS;
const INITIAL_SLOTS = 64;
/**
 * A segment grows when this full, by GROWTH: its load stays between 0.71 and 0.85. Growing by 20%
 * moves each entry about 6 times over the search (by 10%: 11 times, for 4% fewer bytes a state).
 */
const MAX_LOAD = 0.85;
const GROWTH = 1.2;

/**
 * The store of exhaustive search: 64-bit fingerprints only, 8 bytes a slot, in 256 segments
 * chosen by the fingerprint's top 8 bits. Each segment is an open-addressing table with linear
 * probing, kept between 71% and 85% full by growing it 20% at a time, so a fingerprint costs
 * 9.4–11.3 bytes here and one growth step rehashes 1/256 of the set (no long stall).
 *
 * New fingerprints get dense ids (0, 1, 2, …) as everywhere, but ids are not stored: `insert`
 * returns -1 for a fingerprint already present. Engines that need a seen state's id (the
 * liveness graph) use `TableStore`.
 */
export class CompactStore implements FingerprintStore {
  private readonly slots: Int32Array[] = [];
  private readonly capacity = new Int32Array(SEGMENTS);
  private readonly filled = new Int32Array(SEGMENTS);
  private readonly limit = new Int32Array(SEGMENTS);
  private count = 0;
  private slotCount = 0;

  constructor() {
    for (let s = 0; s < SEGMENTS; s++) this.resize(s, INITIAL_SLOTS);
  }

  insert(hi: number, lo: number): number {
    if (hi === 0 && lo === 0) lo = 1;
    const segment = hi >>> (32 - SEGMENT_BITS);
    const slots = this.slots[segment]!;
    const capacity = this.capacity[segment]!;
    let at = homeSlot(lo, capacity) << 1;
    const end = capacity << 1;
    for (;;) {
      const h = slots[at]!,
        l = slots[at + 1]!;
      if (h === hi && l === lo) return -1;
      if (h === 0 && l === 0) break;
      at += 2;
      if (at === end) at = 0;
    }
    slots[at] = hi;
    slots[at + 1] = lo;
    if (++this.filled[segment]! >= this.limit[segment]!) this.grow(segment);
    return this.count++;
  }

  get size(): number {
    return this.count;
  }

  get bytes(): number {
    return this.slotCount * 8;
  }

  /**
   * The fingerprints held, ascending as unsigned 64-bit numbers, as runs of (lo, hi) pairs of
   * unsigned words: one run per segment, in segment order (the segment is the top 8 bits, so each
   * run lies above the one before). The disk store merges them into its file. Every run is the
   * same buffer refilled (valid until the next one), so a flush needs no copy of the whole table.
   */
  *sortedRuns(): Generator<Uint32Array> {
    let largest = 0;
    for (let s = 0; s < SEGMENTS; s++) largest = Math.max(largest, this.filled[s]!);
    const run = new BigUint64Array(largest);
    const words = new Uint32Array(run.buffer);
    for (let s = 0; s < SEGMENTS; s++) {
      const slots = this.slots[s]!;
      let k = 0;
      for (let at = 0; at < slots.length; at += 2) {
        const hi = slots[at]!,
          lo = slots[at + 1]!;
        if (hi === 0 && lo === 0) continue;
        words[k++] = lo;
        words[k++] = hi;
      }
      const filled = run.subarray(0, k / 2);
      filled.sort();
      yield words.subarray(0, k);
    }
  }

  /** Empties the store, keeping its tables' sizes (the disk store refills it after each flush). */
  clear(): void {
    for (const slots of this.slots) slots.fill(0);
    this.filled.fill(0);
    this.count = 0;
  }

  private grow(segment: number): void {
    const old = this.slots[segment]!;
    this.resize(segment, Math.ceil(this.capacity[segment]! * GROWTH));
    const slots = this.slots[segment]!;
    const capacity = this.capacity[segment]!;
    const end = capacity << 1;
    for (let i = 0; i < old.length; i += 2) {
      const hi = old[i]!,
        lo = old[i + 1]!;
      if (hi === 0 && lo === 0) continue;
      let at = homeSlot(lo, capacity) << 1;
      while (slots[at] !== 0 || slots[at + 1] !== 0) {
        at += 2;
        if (at === end) at = 0;
      }
      slots[at] = hi;
      slots[at + 1] = lo;
    }
  }

  private resize(segment: number, capacity: number): void {
    this.slotCount += capacity - this.capacity[segment]!;
    this.slots[segment] = new Int32Array(capacity * 2);
    this.capacity[segment] = capacity;
    this.limit[segment] = Math.floor(capacity * MAX_LOAD);
  }
}

/** Maps 32 hash bits onto [0, capacity) by multiplication (capacity need not be a power of 2). */
function homeSlot(lo: number, capacity: number): number {
  return Math.floor(((lo >>> 0) * capacity) / 4294967296);
}
