/**
 * TLC's counting rules, each shown by a tiny spec (`tlc-fixtures.ts`, the README's examples) and
 * the figures TLC reported for its TLA+ original (tla2tools 1.8.0, one worker, -coverage 1).
 * Generated = initial states + every successor computed; an action's `fired` is TLC's coverage
 * "generated" for it, `found` its "distinct".
 */
import { describe, expect, it } from 'vitest';
import { buildTrace } from '../counterexamples/trace.ts';
import { check } from './check.ts';
import type { CheckResult } from './result.ts';
import { choices, guards, nested, nextXY, nextYX, pick } from './tlc-fixtures.ts';

const figures = (r: CheckResult) => ({
  status: r.status,
  distinct: r.stats.distinctStates,
  generated: r.stats.generatedStates,
  depth: r.stats.depth,
});
const fired = (r: CheckResult) => Object.fromEntries(r.stats.coverage.map((c) => [c.action, c.fired]));

describe("TLC's counting rules", () => {
  it('one successor per true disjunct and per \\E witness, also in guards (TLC: 9 distinct, 18 generated, depth 5; Either 2:5, Witness 6:12)', () => {
    const result = check(guards);
    expect(figures(result)).toEqual({ status: 'pass', distinct: 9, generated: 18, depth: 5 });
    expect(result.stats.coverage).toEqual([
      { action: 'either', fired: 5, found: 2 },
      { action: 'witness', fired: 12, found: 6 },
    ]);
  });

  it("x' \\in S takes each member once, \\E i \\in S : x' = f(i) each witness (TLC: 2 distinct, 7 generated; InSet 1:2, Exists 0:4)", () => {
    const result = check(choices);
    expect(figures(result)).toEqual({ status: 'pass', distinct: 2, generated: 7, depth: 2 });
    expect(result.stats.coverage).toEqual([
      { action: 'inSet', fired: 2, found: 1 },
      { action: 'exists', fired: 4, found: 0 },
    ]);
  });

  it('every way a guard holds counts: \\E under \\A multiplies, => and IF and LET and definitions too, CHOOSE once (TLC: 7 distinct, 19 generated)', () => {
    const result = check(nested);
    expect(figures(result)).toEqual({ status: 'pass', distinct: 7, generated: 19, depth: 2 });
    expect(fired(result)).toEqual({
      forallExists: 6,
      impliesTrue: 3,
      impliesFalse: 1,
      ifGuard: 2,
      viaOp: 2,
      viaLet: 3,
      choose: 1,
    });
  });

  it("at a violation the counts depend on the order of Next's disjuncts, which TLC tries left to right (TLC: 4 / 4 / 3 and 7 / 6 / 3)", () => {
    const xy = check(nextXY);
    const yx = check(nextYX);
    expect(figures(xy)).toEqual({ status: 'violation', distinct: 4, generated: 4, depth: 3 });
    expect(figures(yx)).toEqual({ status: 'violation', distinct: 6, generated: 7, depth: 3 });
    // The same shortest counterexample either way: IncX twice.
    for (const [spec, result] of [
      [nextXY, xy],
      [nextYX, yx],
    ] as const) {
      expect(
        result.status === 'violation' &&
          buildTrace(spec, result.violations[0]!.path!).steps.map((s) => s.action?.name ?? 'init'),
      ).toEqual(['init', 'incX', 'incX']);
    }
  });

  it('TLC tries the members of a set in sorted order, whatever order it is written in (TLC, \\E s \\in {"c", "a", "b"}: 3 generated at the violation)', () => {
    expect(figures(check(pick(['a', 'b', 'c'])))).toEqual({ status: 'violation', distinct: 3, generated: 3, depth: 2 });
    expect(figures(check(pick(['c', 'a', 'b'])))).toEqual({ status: 'violation', distinct: 4, generated: 4, depth: 2 });
  });
});
