/**
 * The hash primitives every fingerprint is built from: 32-bit multiply-xorshift mixing (murmur3's
 * finaliser), and the tags that keep values of different kinds apart (`[]`, `{}`, `new Set()`,
 * `0`, `''` and `null` all hash differently). Changing any constant changes every fingerprint:
 * `hasher.test.ts` pins a few, so that saved fingerprints stay valid across runs of one version.
 */

export const K1 = 0x9e3779b1;
export const K2 = 0x85ebca6b;
export const K3 = 0xc2b2ae35;
export const K4 = 0x27d4eb2f;
export const K5 = 0x165667b1;

export const TAG_NULL = 0x7feb352d;
export const TAG_FALSE = 0x846ca68b;
export const TAG_TRUE = 0x6c8e9cf5;
export const TAG_INT = 0x1b873593;
export const TAG_FLOAT = 0xcc9e2d51;
export const TAG_BIGINT = 0xe6546b64;
export const TAG_ARRAY = 0x52dce729;
export const TAG_RECORD = 0x38495ab5;
export const TAG_SET = 0x3c6ef372;
export const TAG_MAP = 0xa54ff53a;
export const TAG_MEMBER = 0x510e527f;

/** murmur3's 32-bit finaliser: every input bit affects every output bit. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, K2);
  h ^= h >>> 13;
  h = Math.imul(h, K3);
  return h ^ (h >>> 16);
}

/** One step of an ordered chain (arrays, strings, words): lane A. */
export function chainA(a: number, w: number): number {
  a = Math.imul(a ^ w, 0xcc9e2d51);
  return ((a << 15) | (a >>> 17)) + 0xe6546b64;
}

/** One step of an ordered chain: lane B. */
export function chainB(b: number, w: number): number {
  b = Math.imul(b ^ w, K2);
  return ((b << 13) | (b >>> 19)) + 0x52dce729;
}

/** The final 64 bits (two lanes) of a value whose part hash is (a, b). */
export function finalHi(a: number, b: number): number {
  return fmix(a ^ Math.imul(b, K5) ^ 0x243f6a88);
}

export function finalLo(b: number, hi: number): number {
  return fmix(b + Math.imul(hi, K1) + 0x85a308d3);
}

/** Two 32-bit lanes as one unsigned 64-bit bigint (for tests, messages and maps off the hot path). */
export function toBigint(hi: number, lo: number): bigint {
  return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
}
