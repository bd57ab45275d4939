import { describe, expect, it } from 'vitest';
import { check } from '../../checker/index.ts';
import { fingerprintOf } from '../../checker/fingerprint/index.ts';
import { formatPath } from '../../checker/path.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import { allocatorSpec } from './allocator.ts';

describe('SimpleAllocator (TLC, 3 clients, 2 resources: 400 distinct states, 1633 generated, depth 6)', () => {
  it('every client returns, obtains and is satisfied infinitely often under strong fairness of allocation', () => {
    const result = check(allocatorSpec(3, 2));
    expect(result.status).toBe('pass');
    expect(result.stats.distinctStates).toBe(400);
    expect(result.stats.generatedStates).toBe(1633);
    expect(result.stats.depth).toBe(6);
  });

  it('weak fairness of allocation is not enough: c1 waits for r1 forever on a real cycle', () => {
    const spec = allocatorSpec(3, 2, 'weak-allocation');
    const result = check(spec);
    expect(result.status).toBe('violation');
    if (result.status !== 'violation') return;
    const [v] = result.violations;
    expect(v).toMatchObject({ property: 'ClientsWillObtain(c1,r1)', propertyKind: 'leadsTo', loop: 1 });
    expect(formatPath(v!.path!)).toBe('0/0:0/4:0/5:0/6:0');
    const trace = buildTrace(spec, v!.path!, { loop: v!.loop });
    const cycle = trace.steps.slice(v!.loop);
    expect(cycle.every((s) => s.state.unsat.c1!.has('r1') && !s.state.alloc.c1!.has('r1'))).toBe(true);
    expect(fingerprintOf(cycle[0]!.state)).toBe(fingerprintOf(cycle.at(-1)!.state));
    // The cycle shows why: r1 is free again and again (c2 returns it), yet c1 never gets it.
    expect(cycle.slice(1).map((s) => s.action?.label)).toEqual(['c2.request({"r1"})', 'c2.allocate({"r1"})', 'c2.returnAll']);
  });
});
