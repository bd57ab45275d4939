import { describe, expect, it } from 'vitest';
import { check } from '../../checker/index.ts';
import { fingerprintOf } from '../../checker/fingerprint/index.ts';
import { formatPath } from '../../checker/path.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import { allocatorSpec } from './allocator.ts';

describe('SimpleAllocator (TLC, 3 clients, 2 resources: 400 distinct states, 1633 generated, depth 6)', () => {
  it('every client returns, obtains and is satisfied infinitely often under strong fairness of allocation', () => {
    const spec = allocatorSpec(3, 2);
    // The spec's three families, each one property, and SF_vars(\E S : Allocate(c, S)) as a predicate on allocate's parameter.
    expect([...new Set(spec.properties.map((p) => p.name))]).toEqual([
      'TypeInvariant',
      'ResourceMutex',
      'ClientsWillReturn',
      'ClientsWillObtain',
      'InfOftenSatisfied',
    ]);
    expect(spec.properties.filter((p) => p.name === 'ClientsWillObtain').map((p) => p.instance)).toEqual([
      'c1, r1',
      'c1, r2',
      'c2, r1',
      'c2, r2',
      'c3, r1',
      'c3, r2',
    ]);
    expect(spec.fairness.map((f) => [f.kind, f.members.map((m) => m.action)])).toEqual([
      ['weak', ['returnAll']],
      ['strong', ['allocate']],
      ['weak', ['returnAll']],
      ['strong', ['allocate']],
      ['weak', ['returnAll']],
      ['strong', ['allocate']],
    ]);
    const result = check(spec);
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
    // One property over every client and resource (TLA+'s \A c, r : …), its failing instance named.
    expect(v).toMatchObject({ property: 'ClientsWillObtain', instance: 'c1, r1', propertyKind: 'leadsTo', loop: 1 });
    expect(formatPath(v!.path!)).toBe('0/0:0/0:3/1:3/2:1');
    const trace = buildTrace(spec, v!.path!, { loop: v!.loop });
    const cycle = trace.steps.slice(v!.loop);
    expect(cycle.every((s) => s.state.unsat.c1!.has('r1') && !s.state.alloc.c1!.has('r1'))).toBe(true);
    expect(fingerprintOf(cycle[0]!.state)).toBe(fingerprintOf(cycle.at(-1)!.state));
    // The cycle shows why: r1 is free again and again (c2 returns it), yet c1 never gets it.
    expect(cycle.slice(1).map((s) => s.action?.label)).toEqual([
      'request({ c: "c2", S: {"r1"} })',
      'allocate({ c: "c2", S: {"r1"} })',
      'returnAll("c2")',
    ]);
  });
});
