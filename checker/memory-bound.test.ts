/**
 * `memoryBytes`: reaching the bound stops the search cleanly as `incomplete`, with the statistics
 * so far and advice — never a JavaScript out-of-memory crash.
 */
import { describe, expect, it } from 'vitest';
import { check } from './check.ts';
import { ring } from './parallel/fixture-spec.ts';

describe('memory bound', () => {
  it('stops as incomplete with statistics and advice', () => {
    const spec = ring.instantiate({ size: 10, tokens: 3 });
    const result = check(spec, { memoryBytes: 1 << 20 });
    if (result.status !== 'incomplete') throw new Error(`expected incomplete, got ${result.status}`);
    expect(result.reason).toMatch(/^memory bound 1 MB reached \(store \d+ MB, queue and heap \d+ MB\); use --workers, a smaller configuration, symmetry, or a larger --memory$/);
    expect(result.stats.distinctStates).toBeGreaterThan(1000);
    expect(result.stats.distinctStates).toBeLessThan(12_495);
    expect(result.stats.queued).toBeGreaterThan(0);
  });

  it('leaves a run that fits alone', () => {
    const result = check(ring.instantiate({ size: 10, tokens: 3 }), { memoryBytes: 2 ** 34 });
    expect([result.status, result.stats.distinctStates]).toEqual(['pass', 12_495]);
  });
});
