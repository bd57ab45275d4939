/**
 * TwoPhase written against views of a packed layout, against the object model: the same shortest
 * counterexamples and trace text in every variant. (Its counts — TLC's, and the object model's with
 * every engine and store — and its reachable states are tested beside the hand-packed port's, in
 * `two-phase-packed.test.ts`.)
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../checker/index.ts';
import { renderTraceText } from '../../counterexamples/text.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import type { Spec } from '../../spec/index.ts';
import { TWO_PHASE_VARIANTS, twoPhaseCommit } from './two-phase.ts';

function traceOf<S>(spec: Spec<S>) {
  const result = check(spec);
  if (result.status !== 'violation') throw new Error(`expected a violation, got ${result.status}`);
  return buildTrace(spec, result.violations[0]!.path!);
}

describe('two-phase-commit written against views', () => {
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

  it('rejects symmetry on the hand-packed port, and a second layout, naming the setting', () => {
    expect(() => twoPhaseCommit.instantiate({ packed: true, symmetric: true })).toThrow(/symmetric=true needs/);
    expect(() => twoPhaseCommit.instantiate({ views: true, packed: true })).toThrow(/choose one/);
  });
});
