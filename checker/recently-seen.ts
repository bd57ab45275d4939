/**
 * The fingerprints a search met most recently, in a small direct-mapped table that stays in the
 * core's cache. Most successors are states seen before, and many were seen a moment ago (two
 * actions that commute reach the same state from neighbouring parents): such a successor is
 * answered here, without a probe of the large visited set — a cache miss in memory, and on
 * shared sets a look-up in memory both cores are using. Only fingerprints already given to the
 * visited set are kept, so a hit is always a state it holds: the counts do not change.
 */
const SLOTS = 1 << 15; // 256 KB: within a core's L2

export class RecentlySeen {
  private readonly slots = new Int32Array(SLOTS * 2);

  /** Whether (hi, lo) was added and not displaced since. */
  has(hi: number, lo: number): boolean {
    const at = (lo & (SLOTS - 1)) << 1;
    // (0, 0) is an empty slot's content: never reported as seen.
    return this.slots[at] === hi && this.slots[at + 1] === lo && (hi | lo) !== 0;
  }

  /** Keeps (hi, lo), a fingerprint the visited set now holds, displacing the one in its slot. */
  add(hi: number, lo: number): void {
    const at = (lo & (SLOTS - 1)) << 1;
    this.slots[at] = hi;
    this.slots[at + 1] = lo;
  }
}
