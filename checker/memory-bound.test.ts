/**
 * `memoryBytes`: BFS on one worker goes on with the store on disk beyond the bound, with the same
 * answer; the in-memory store (`store: 'table'`, DFS, workers) stops cleanly as `incomplete`,
 * with the statistics so far and advice — never a JavaScript out-of-memory crash.
 */
import { describe, expect, it } from 'vitest';
import { check } from './check.ts';
import { ring } from './parallel/fixture-spec.ts';

describe('memory bound', () => {
  it('moves BFS to disk beyond it, with the same counts, and says so', () => {
    const spec = ring.instantiate({ size: 10, tokens: 3 });
    const result = check(spec, { memoryBytes: 1 << 20 });
    expect([result.status, result.stats.distinctStates, result.stats.generatedStates]).toEqual([
      'pass',
      12_495,
      55_417,
    ]);
    expect(result.stats.disk!.flushes).toBeGreaterThan(0);
    expect(result.notes).toEqual([
      expect.stringMatching(
        /^the store reached the memory bound \(1 MB\) at [\d,]+ states and went on with fingerprints, parent links and the queue on disk$/,
      ),
    ]);
  });

  it('stops the in-memory store as incomplete with statistics and advice', () => {
    const spec = ring.instantiate({ size: 10, tokens: 3 });
    const result = check(spec, { memoryBytes: 1 << 20, store: 'table' });
    if (result.status !== 'incomplete') throw new Error(`expected incomplete, got ${result.status}`);
    expect(result.reason).toMatch(
      /^memory bound 1 MB reached \(store \d+ MB, queue and heap \d+ MB\); use --workers, a smaller configuration, symmetry, or a larger --memory$/,
    );
    expect(result.stats.distinctStates).toBeGreaterThan(1000);
    expect(result.stats.distinctStates).toBeLessThan(12_495);
    expect(result.stats.queued).toBeGreaterThan(0);
  });

  it('stops DFS as incomplete (the disk store is for BFS)', () => {
    const result = check(ring.instantiate({ size: 10, tokens: 3 }), { memoryBytes: 1 << 20, engine: 'dfs' });
    expect(result.status).toBe('incomplete');
  });

  it('leaves a run that fits alone', () => {
    const result = check(ring.instantiate({ size: 10, tokens: 3 }), { memoryBytes: 2 ** 34 });
    expect([result.status, result.stats.distinctStates, result.stats.disk!.spilledAtStates, result.notes]).toEqual([
      'pass',
      12_495,
      null,
      undefined,
    ]);
  });
});
