import { describe, expect, it } from 'vitest';
import { check } from '../../checker/index.ts';
import { fingerprintOf } from '../../checker/fingerprint/index.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import { diningSpec } from './dining-philosophers.ts';

describe('dining philosophers (TLC, NP = 5: 67 distinct states, 336 generated, depth 29)', () => {
  it('nobody starves when every philosopher is a fair process', () => {
    const result = check(diningSpec(5), { strict: true });
    expect(result.status).toBe('pass');
    expect(result.stats.distinctStates).toBe(67);
    expect(result.stats.generatedStates).toBe(336);
    expect(result.stats.depth).toBe(29);
  });

  it('with one unfair philosopher, its neighbour starves: a lasso that replays and stays hungry', () => {
    const spec = diningSpec(5, 'one-unfair');
    const result = check(spec);
    expect(result.status).toBe('violation');
    if (result.status !== 'violation') return;
    const [v] = result.violations;
    expect(v).toMatchObject({ property: 'NobodyStarves', instance: '1', kind: 'liveness', loop: 14 });
    expect(v!.path!.steps).toHaveLength(14);
    expect(v!.note).toMatch(/enabled here: Loop\(5\)\)/);
    const trace = buildTrace(spec, v!.path!, { loop: v!.loop });
    const last = trace.steps.at(-1)!.state;
    expect(last.hungry[0]).toBe(true);
    expect(fingerprintOf(trace.steps[v!.loop!]!.state)).toBe(fingerprintOf(last));
  });

  it('with no fair process at all, the philosophers may stop at the very start', () => {
    const result = check(diningSpec(5, 'unfair-process'));
    expect(result.status === 'violation' && result.violations[0]).toMatchObject({
      property: 'NobodyStarves',
      instance: '1',
      loop: 0,
    });
  });
});
