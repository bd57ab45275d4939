/**
 * The packed TwoPhase against the object one: the same reachable states (decoded, compared as
 * values), the same counts with every engine, the same shortest counterexamples, traces that read
 * like the object model's; and what the checker says when a packed model writes a bad word.
 */
import { describe, expect, it } from 'vitest';
import { check, type CheckResult } from '../../checker/index.ts';
import { fingerprintOf } from '../../checker/fingerprint/index.ts';
import { exploreStateGraph } from '../../counterexamples/state-graph.ts';
import { renderTraceText } from '../../counterexamples/text.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import { defineSpec, int, oneOf, packedLayout, type Spec, type Words } from '../../spec/index.ts';
import { twoPhaseCommit, twoPhaseSpec } from './two-phase.ts';

const counts = (r: CheckResult) => ({
  status: r.status,
  distinct: r.stats.distinctStates,
  generated: r.stats.generatedStates,
  depth: r.stats.depth,
});

function labels<S>(spec: Spec<S>, result: CheckResult): string[] {
  if (result.status !== 'violation') throw new Error(`expected a violation, got ${result.status}`);
  return buildTrace(spec, result.violations[0]!.path!).steps.map((step) => step.action?.label ?? 'init');
}

/** Reachable states as fingerprints of values a person reads (packed states decoded). */
function reachable<S>(spec: Spec<S>): Set<bigint> {
  return new Set(exploreStateGraph(spec, 100_000).states.map((s) => fingerprintOf(spec.display(s))));
}

describe('two-phase-commit with a packed layout', () => {
  // Both definitions over these words: the hand-packed port and the one written against views.
  it.each<Record<string, boolean>>([{ packed: true }, { views: true }])(
    'matches TLC with 3 RMs in strict mode (288 distinct, 1,146 generated, depth 11) (%o)',
    (layout) => {
      expect(counts(check(twoPhaseCommit.instantiate(layout), { strict: true }))).toEqual({
        status: 'pass',
        distinct: 288,
        generated: 1146,
        depth: 11,
      });
    },
  );

  it.each<Record<string, boolean>>([{ packed: true }, { views: true }])(
    "reaches exactly the object model's states, decoded (5 RMs: 8,832 states) (%o)",
    (layout) => {
      const objects = reachable(twoPhaseSpec(5));
      expect(objects.size).toBe(8832);
      expect(check(twoPhaseSpec(5)).stats.distinctStates).toBe(8832);
      expect(reachable(twoPhaseCommit.instantiate({ rms: 5, ...layout }))).toEqual(objects);
    },
  );

  it.each<Record<string, boolean>>([{ packed: true }, { views: true }])(
    "gives the object model's counts with BFS, DFS, two workers and each store (%o)",
    (layout) => {
      const expected = counts(check(twoPhaseSpec(5)));
      const settings = { rms: 5, ...layout };
      const spec = twoPhaseCommit.instantiate(settings);
      const specSource = {
        module: new URL('./two-phase.ts', import.meta.url).href,
        exportName: 'twoPhaseCommit',
        settings,
      };
      expect(counts(check(spec))).toEqual(expected);
      expect(counts(check(spec, { workers: 2, specSource }))).toEqual(expected);
      expect(check(spec, { engine: 'dfs' }).stats.distinctStates).toBe(expected.distinct);
      expect(check(spec, { engine: 'dfs', store: 'map' }).stats.distinctStates).toBe(expected.distinct);
      expect(counts(check(spec, { store: 'disk' }))).toEqual(expected);
    },
  );

  it("finds the bugs of both variants with the object model's shortest traces", () => {
    for (const variant of ['commit-on-majority', 'abort-after-prepare']) {
      const objects = twoPhaseCommit.instantiate({}, variant);
      const packed = twoPhaseCommit.instantiate({ packed: true }, variant);
      expect(labels(packed, check(packed, { strict: true }))).toEqual(labels(objects, check(objects)));
    }
  });

  it("shows trace states decoded into the object model's fields", () => {
    const packed = twoPhaseCommit.instantiate({ packed: true }, 'commit-on-majority');
    const objects = twoPhaseCommit.instantiate({}, 'commit-on-majority');
    const packedTrace = buildTrace(
      packed,
      (check(packed) as Extract<CheckResult, { status: 'violation' }>).violations[0]!.path!,
    );
    const objectTrace = buildTrace(
      objects,
      (check(objects) as Extract<CheckResult, { status: 'violation' }>).violations[0]!.path!,
    );
    expect(packedTrace.steps.map((s) => s.shown)).toEqual(objectTrace.steps.map((s) => s.state));
    expect(renderTraceText(packedTrace)).toBe(renderTraceText(objectTrace));
  });

  it('rejects symmetry with the packed layout, naming the setting', () => {
    expect(() => twoPhaseCommit.instantiate({ packed: true, symmetric: true })).toThrow(
      /symmetric=true needs the object layout/,
    );
  });
});

describe('a packed model that writes a bad word', () => {
  const layout = packedLayout({ mode: oneOf(['on', 'off']), count: int() });
  const broken = (next: (s: Words) => Words) =>
    defineSpec({
      name: 'broken',
      layout,
      init: (): Words[] => [layout.blank()],
      actions: { step: { next } },
    });

  it('is stopped with the field named: a word that is not an integer', () => {
    const result = check(
      broken((s) => {
        const t = s.slice();
        t[1] = 0.5;
        return t;
      }),
    );
    expect(result.status === 'error' && result.error.message).toBe(
      "action 'step' returned a state where count is 0.5, not an integer (write packed states through the layout's fields)",
    );
  });

  it('is stopped when a state has the wrong number of words', () => {
    const result = check(broken((s) => [...s, 0]));
    expect(result.status === 'error' && result.error.message).toBe(
      "action 'step' returned a state where $ has 3 words; the layout has 2",
    );
  });

  it('is caught modifying its input state in strict mode', () => {
    const result = check(
      broken((s) => {
        (s as number[])[1] = 1;
        return s;
      }),
      { strict: true },
    );
    expect(result.status === 'error' && result.error.code).toBe('state-mutated');
  });
});
