/**
 * The identity cache gives back exactly what was stored for a fingerprint, and nothing for one it
 * does not hold — also when two fingerprints share a slot (the later one replaces the earlier).
 */
import { describe, expect, it } from 'vitest';
import { IdentityCache } from './identity-cache.ts';

describe('the identity cache', () => {
  it('answers only for the fingerprint it holds in a slot', () => {
    const cache = new IdentityCache(4);
    expect(cache.has(0, 0)).toBe(false); // an empty slot, even for the all-zero key
    cache.set(7, 9, 100, 200);
    expect([cache.has(7, 9), cache.hi, cache.lo]).toEqual([true, 100, 200]);
    expect(cache.has(7, 10)).toBe(false);
    cache.set(7 ^ 16, 9, 300, 400); // the same slot (only the low 4 bits of hi ^ lo choose it)
    expect(cache.has(7, 9)).toBe(false);
    expect([cache.has(7 ^ 16, 9), cache.hi, cache.lo]).toEqual([true, 300, 400]);
  });
});
