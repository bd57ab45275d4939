/**
 * String hashes, with a bounded cache: short strings (record keys, enum-like values) recur in
 * every state, and a Map look-up (V8 keeps each string's own hash) costs less than walking the
 * characters. The cache is a memo of a pure function, owned by one hasher.
 */
import { chainA, chainB, fmix, K1, K4, K5 } from './mix.ts';

const CACHED_LENGTH = 40;
const CACHE_ENTRIES = 1 << 14;

export class StringHashes {
  /** The last string's hash. */
  a = 0;
  b = 0;
  private readonly slotOf = new Map<string, number>();
  private readonly cachedA = new Int32Array(CACHE_ENTRIES);
  private readonly cachedB = new Int32Array(CACHE_ENTRIES);

  hash(s: string): void {
    if (s.length > CACHED_LENGTH) return this.hashChars(s);
    const slot = this.slotOf.get(s);
    if (slot !== undefined) {
      this.a = this.cachedA[slot]!;
      this.b = this.cachedB[slot]!;
      return;
    }
    this.hashChars(s);
    const next = this.slotOf.size;
    if (next < CACHE_ENTRIES) {
      this.cachedA[next] = this.a;
      this.cachedB[next] = this.b;
      this.slotOf.set(s, next);
    }
  }

  private hashChars(s: string): void {
    const n = s.length;
    let a = 0x3c6ef372 ^ n,
      b = 0xa54ff53a ^ Math.imul(n, K1);
    let i = 0;
    for (; i + 1 < n; i += 2) {
      const w = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
      a = chainA(a, w);
      b = chainB(b, w);
    }
    if (i < n) {
      const w = s.charCodeAt(i);
      a = Math.imul(a ^ w, 0xcc9e2d51);
      b = Math.imul(b ^ w, 0x85ebca6b);
    }
    this.a = fmix(a ^ Math.imul(b, K4));
    this.b = fmix(b + Math.imul(this.a, K5));
  }
}
