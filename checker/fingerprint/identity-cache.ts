/**
 * Symmetry's canonical representative costs several walks of the state; the same concrete state
 * is generated again and again (from every state that leads to it). This direct-mapped cache maps
 * a concrete state's fingerprint to its identity's (the representative's, through the view), so
 * a state seen recently costs one hash instead. A slot keeps one entry, replaced on a clash: the
 * answer is the computed one either way, so the cache changes no count.
 *
 * Identity then rests on the concrete fingerprint as well as the representative's: two concrete
 * states with equal 64-bit fingerprints would share one identity — the same chance, and the same
 * kind of error, as two states sharing a slot in the visited set.
 */
export class IdentityCache {
  private readonly keyHi: Int32Array;
  private readonly keyLo: Int32Array;
  private readonly valueHi: Int32Array;
  private readonly valueLo: Int32Array;
  private readonly used: Uint8Array;
  private readonly mask: number;
  /** The identity found by the last `has`. */
  hi = 0;
  lo = 0;

  constructor(bits = 16) {
    const size = 1 << bits;
    this.keyHi = new Int32Array(size);
    this.keyLo = new Int32Array(size);
    this.valueHi = new Int32Array(size);
    this.valueLo = new Int32Array(size);
    this.used = new Uint8Array(size);
    this.mask = size - 1;
  }

  /** Whether the concrete fingerprint (hi, lo) is cached; if so its identity is in `hi`/`lo`. */
  has(hi: number, lo: number): boolean {
    const slot = (lo ^ hi) & this.mask;
    if (this.used[slot] === 0 || this.keyHi[slot] !== hi || this.keyLo[slot] !== lo) return false;
    this.hi = this.valueHi[slot]!;
    this.lo = this.valueLo[slot]!;
    return true;
  }

  set(hi: number, lo: number, identityHi: number, identityLo: number): void {
    const slot = (lo ^ hi) & this.mask;
    this.used[slot] = 1;
    this.keyHi[slot] = hi;
    this.keyLo[slot] = lo;
    this.valueHi[slot] = identityHi;
    this.valueLo[slot] = identityLo;
  }
}
