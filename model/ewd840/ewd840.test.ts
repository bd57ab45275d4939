import { describe, expect, it } from 'vitest';
import { check } from '../../checker/index.ts';
import { formatPath } from '../../checker/path.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import { ewd840Spec } from './ewd840.ts';

describe('ewd840 (TLC, N = 3: 302 distinct states, depth 9, Liveness holds)', () => {
  it('passes every invariant and the liveness property under weak fairness of the token moves', () => {
    const result = check(ewd840Spec(3));
    expect(result.status).toBe('pass');
    expect(result.stats.distinctStates).toBe(302);
    expect(result.stats.depth).toBe(9);
    // TLC reports 2001 generated: 184 more. Distinct states and depth agree; where TLC's extra
    // successors come from is not known (an open question, not a claim that TLC is wrong).
    expect(result.stats.generatedStates).toBe(1817);
    expect(result.stats.liveness).toMatchObject({ graphStates: 302, graphEdges: 1284, fairComponents: 0 });
  });

  it('without fairness the token may stop: a terminated ring stutters forever, undetected', () => {
    const spec = ewd840Spec(3, 'no-fairness');
    const result = check(spec);
    expect(result.status).toBe('violation');
    if (result.status !== 'violation') return;
    const [v] = result.violations;
    expect(v).toMatchObject({ property: 'Liveness', kind: 'liveness', propertyKind: 'leadsTo', loop: 0 });
    expect(formatPath(v!.path!)).toBe('0');
    expect(v!.note).toMatch(/can stop here forever: no fairness assumption forces an action \(enabled here: initiateProbe/);
    expect(buildTrace(spec, v!.path!).steps[0]!.state).toEqual({
      active: [false, false, false], color: ['white', 'white', 'white'], tpos: 0, tcolor: 'orange',
    });
  });
});
