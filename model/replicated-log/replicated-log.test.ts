import { describe, expect, it } from 'vitest';
import { check } from '../../checker/index.ts';
import { fingerprintOf } from '../../checker/fingerprint/index.ts';
import { formatPath } from '../../checker/path.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import { replicatedLogSpec } from './replicated-log.ts';

describe('MCDistributedReplicatedLog (TLC: 37 distinct states, 271 generated, depth 4, InSync violated)', () => {
  it('reproduces the counts under VIEW DropCommonPrefix, and the safety properties hold', () => {
    const result = check(replicatedLogSpec(3, 1, 3), { liveness: false });
    expect(result.status).toBe('pass');
    expect(result.stats.distinctStates).toBe(37);
    expect(result.stats.generatedStates).toBe(271);
    expect(result.stats.depth).toBe(4);
  });

  it('InSync fails as TLC reports: a fair cycle on which n1 and n2 never agree, closed on the view', () => {
    const spec = replicatedLogSpec(3, 1, 3);
    const result = check(spec);
    expect(result.status).toBe('violation');
    if (result.status !== 'violation') return;
    const [v] = result.violations;
    expect(v).toMatchObject({ property: 'InSync(n1,n2)', kind: 'liveness', propertyKind: 'alwaysEventually', loop: 1 });
    expect(formatPath(v!.path!)).toBe('0/3:3/0:0/4:0/4:1/3:2');
    expect(result.stats.liveness).toMatchObject({ graphStates: 37, graphEdges: 186 });
    const trace = buildTrace(spec, v!.path!, { loop: v!.loop });
    const cycle = trace.steps.slice(v!.loop);
    expect(cycle.every((s) => s.state.cLogs.n1!.length !== s.state.cLogs.n2!.length)).toBe(true);
    expect(fingerprintOf(spec.view!(cycle[0]!.state))).toBe(fingerprintOf(spec.view!(cycle.at(-1)!.state)));
    // The leader extends, the followers copy all but one entry: they never catch up.
    expect(cycle.slice(1).map((s) => s.action!.label)).toEqual([
      'n1.copy({ from: "n2", count: 2 })',
      'n3.copy({ from: "n1", count: 1 })',
      'n3.copy({ from: "n1", count: 1 })',
      'n2.extend(["v", "v"])',
    ]);
  });
});
