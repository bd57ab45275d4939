import { describe, expect, it } from 'vitest';
import { RecentlySeen } from './recently-seen.ts';

describe('RecentlySeen', () => {
  it('answers only for fingerprints added, until one with the same slot displaces them', () => {
    const recent = new RecentlySeen();
    expect(recent.has(7, 42)).toBe(false);
    recent.add(7, 42);
    expect(recent.has(7, 42)).toBe(true);
    expect(recent.has(8, 42)).toBe(false); // same slot, another fingerprint
    recent.add(8, 42);
    expect(recent.has(8, 42)).toBe(true);
    expect(recent.has(7, 42)).toBe(false);
  });

  it('never takes an empty slot for the fingerprint (0, 0)', () => {
    expect(new RecentlySeen().has(0, 0)).toBe(false);
  });
});
