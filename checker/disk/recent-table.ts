/**
 * The in-memory half of the disk store: an open-addressing set of the fingerprints added since
 * the last flush to disk, on one typed array (8 bytes a slot), doubled while it fits its budget.
 * Once it cannot grow, `full` says so and the store flushes it: its fingerprints, sorted, are
 * merged into the file and the table starts empty again.
 */
const MAX_LOAD = 0.75;

export class RecentTable {
  /** (hi, lo) pairs; (0, 0) marks an empty slot. */
  private slots: Int32Array;
  private mask: number;
  private count = 0;
  private limit: number;

  /** `maxBytes`: the most the table may take (at least 512 bytes: 64 slots). */
  constructor(private readonly maxBytes: number, initialSlots = 1 << 16) {
    let slots = 64;
    while (slots < initialSlots && slots * 16 <= maxBytes) slots *= 2;
    this.slots = new Int32Array(slots * 2);
    this.mask = slots - 1;
    this.limit = Math.floor(slots * MAX_LOAD);
  }

  /** Adds the fingerprint; false when it was already here. */
  add(hi: number, lo: number): boolean {
    if (hi === 0 && lo === 0) lo = 1;
    const slots = this.slots;
    let at = ((lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask) << 1;
    const end = slots.length;
    for (;;) {
      const h = slots[at]!, l = slots[at + 1]!;
      if (h === hi && l === lo) return false;
      if (h === 0 && l === 0) break;
      at += 2;
      if (at === end) at = 0;
    }
    slots[at] = hi;
    slots[at + 1] = lo;
    if (++this.count >= this.limit && this.canGrow) this.grow();
    return true;
  }

  /** Whether it holds as many fingerprints as its budget allows. */
  get full(): boolean {
    return this.count >= this.limit;
  }

  get size(): number {
    return this.count;
  }

  get bytes(): number {
    return this.slots.byteLength;
  }

  /** The fingerprints held, ascending, as (lo, hi) pairs of unsigned words (see fingerprint-file.ts). */
  sorted(): Uint32Array {
    const out = new BigUint64Array(this.count);
    const words = new Uint32Array(out.buffer);
    const slots = this.slots;
    let k = 0;
    for (let at = 0; at < slots.length; at += 2) {
      const hi = slots[at]!, lo = slots[at + 1]!;
      if (hi === 0 && lo === 0) continue;
      words[k * 2] = lo;
      words[k * 2 + 1] = hi;
      k++;
    }
    out.sort();
    return words;
  }

  clear(): void {
    this.slots.fill(0);
    this.count = 0;
  }

  /** Adds fingerprints saved by `sorted()` (a checkpoint being resumed). */
  addAll(words: Uint32Array): void {
    for (let i = 0; i < words.length; i += 2) this.add(words[i + 1]! | 0, words[i]! | 0);
  }

  private get canGrow(): boolean {
    return this.slots.byteLength * 2 <= this.maxBytes;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = old.length - 1;
    this.limit = Math.floor(old.length * MAX_LOAD); // old.length words = the new table's slot count
    this.count = 0;
    for (let at = 0; at < old.length; at += 2) {
      const hi = old[at]!, lo = old[at + 1]!;
      if (hi !== 0 || lo !== 0) this.add(hi, lo);
    }
  }
}
