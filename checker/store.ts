/**
 * The visited-state store: a set of 64-bit fingerprints that hands out dense ids (0, 1, 2, …) in
 * insertion order, so engines can keep per-state data (parent links) in typed arrays by id.
 * Behind this small interface a later store may keep fingerprints on disk.
 */
export interface FingerprintStore {
  /** Inserts the fingerprint; returns its id when new (`>= 0`), or `~id` (negative) when already present. */
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
      const h = this.hiOf[slot]!, l = this.loOf[slot]!;
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
      const hi = hiOf[i]!, lo = loOf[i]!;
      if (hi === 0 && lo === 0) continue;
      let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
      while (this.hiOf[slot] !== 0 || this.loOf[slot] !== 0) slot = (slot + 1) & this.mask;
      this.hiOf[slot] = hi;
      this.loOf[slot] = lo;
      this.idOf[slot] = idOf[i]!;
    }
  }
}
