/**
 * Which candidates (action, parameter) a walk found disabled in a state, by the state's
 * fingerprint: random walks come back to the same states again and again, and most candidates
 * tried there are disabled. The chooser skips a candidate known to be disabled instead of running
 * its guard again — it would return undefined again, since actions are functions of the state — so
 * every choice takes the same step as without the memo. A direct-mapped table: a state whose slot
 * is taken by another replaces it and starts with nothing known.
 *
 * Only where the fingerprint is the whole value: with a `view` or a symmetry, two states with one
 * fingerprint may differ, and so may what is enabled in them.
 */
const SLOTS = 1 << 12;

export class DisabledMemo {
  private readonly prints = new Int32Array(SLOTS * 2);
  /** Per slot, `words` words of bits: bit r set when candidate r is known disabled. */
  private readonly bits: Int32Array;
  private readonly words: number;
  /** The first word of the current state's bits, or -1 when it has no slot. */
  private at = -1;

  constructor(candidates: number) {
    this.words = Math.max(1, Math.ceil(candidates / 32));
    this.bits = new Int32Array(SLOTS * this.words);
  }

  /** Makes (hi, lo) the current state; what was known of an earlier state in its slot is dropped. */
  enter(hi: number, lo: number): void {
    const slot = lo & (SLOTS - 1);
    this.at = slot * this.words;
    if (this.prints[slot * 2] === hi && this.prints[slot * 2 + 1] === lo && (hi | lo) !== 0) return;
    this.prints[slot * 2] = hi;
    this.prints[slot * 2 + 1] = lo;
    this.bits.fill(0, this.at, this.at + this.words);
  }

  /** The current state is not known (not fingerprinted): nothing is skipped or recorded. */
  leave(): void {
    this.at = -1;
  }

  isDisabled(candidate: number): boolean {
    return this.at >= 0 && (this.bits[this.at + (candidate >>> 5)]! & (1 << (candidate & 31))) !== 0;
  }

  markDisabled(candidate: number): void {
    if (this.at < 0) return;
    const w = this.at + (candidate >>> 5);
    this.bits[w] = this.bits[w]! | (1 << (candidate & 31));
  }
}
