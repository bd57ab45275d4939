/**
 * TwoPhase written against views of a packed layout, against the object model: the same reachable
 * states (decoded, compared as values), the same counts with every engine, the same shortest
 * counterexamples and trace text in every variant.
 */
import { describe, expect, it } from 'vitest';
import { check, type CheckResult } from '../../checker/index.ts';
import { fingerprintOf } from '../../checker/fingerprint/index.ts';
import { exploreStateGraph } from '../../counterexamples/state-graph.ts';
import { renderTraceText } from '../../counterexamples/text.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import type { Spec } from '../../spec/index.ts';
import { TWO_PHASE_VARIANTS, twoPhaseCommit, twoPhaseSpec } from './two-phase.ts';

const counts = (r: CheckResult) => ({
  status: r.status,
  distinct: r.stats.distinctStates,
  generated: r.stats.generatedStates,
  depth: r.stats.depth,
});

function traceOf<S>(spec: Spec<S>) {
  const result = check(spec);
  if (result.status !== 'violation') throw new Error(`expected a violation, got ${result.status}`);
  return buildTrace(spec, result.violations[0]!.path!);
}

const reachable = <S>(spec: Spec<S>) =>
  new Set(exploreStateGraph(spec, 100_000).states.map((s) => fingerprintOf(spec.display(s))));

describe('two-phase-commit written against views', () => {
  it('matches TLC with 3 RMs in strict mode (288 distinct, 1,146 generated, depth 11)', () => {
    expect(counts(check(twoPhaseCommit.instantiate({ views: true }), { strict: true }))).toEqual({
      status: 'pass',
      distinct: 288,
      generated: 1146,
      depth: 11,
    });
  });

  it("reaches exactly the object model's states, decoded (5 RMs: 8,832 states)", () => {
    const objects = reachable(twoPhaseSpec(5));
    expect(objects.size).toBe(8832);
    expect(reachable(twoPhaseCommit.instantiate({ rms: 5, views: true }))).toEqual(objects);
  });

  it("gives the object model's counts with BFS, DFS, two workers and the disk store", () => {
    const expected = counts(check(twoPhaseSpec(5)));
    const spec = twoPhaseCommit.instantiate({ rms: 5, views: true });
    const specSource = {
      module: new URL('./two-phase.ts', import.meta.url).href,
      exportName: 'twoPhaseCommit',
      settings: { rms: 5, views: true },
    };
    expect(counts(check(spec))).toEqual(expected);
    expect(counts(check(spec, { workers: 2, specSource }))).toEqual(expected);
    expect(check(spec, { engine: 'dfs' }).stats.distinctStates).toBe(expected.distinct);
    expect(counts(check(spec, { store: 'disk' }))).toEqual(expected);
  });

  it("finds each variant's bug with the object model's shortest trace, shown alike", () => {
    for (const variant of Object.keys(TWO_PHASE_VARIANTS).filter((v) => v !== 'correct')) {
      const views = traceOf(twoPhaseCommit.instantiate({ views: true }, variant));
      const objects = traceOf(twoPhaseCommit.instantiate({}, variant));
      expect(views.steps.map((s) => s.action?.label ?? 'init')).toEqual(
        objects.steps.map((s) => s.action?.label ?? 'init'),
      );
      expect(renderTraceText(views)).toBe(renderTraceText(objects));
    }
  });

  it('rejects symmetry, and a second layout, naming the setting', () => {
    expect(() => twoPhaseCommit.instantiate({ views: true, symmetric: true })).toThrow(/symmetric=true needs/);
    expect(() => twoPhaseCommit.instantiate({ views: true, packed: true })).toThrow(/choose one/);
  });
});
