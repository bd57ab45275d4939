/**
 * Cross-check of the liveness engine against the brute-force oracle (`oracle.ts`) on random
 * small systems. Each lasso the engine reports is replayed and checked: real steps, the right states
 * on the cycle, and a cycle that is itself fair.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../spec/define.ts';
import type { Fairness } from '../../spec/fairness.ts';
import { alwaysEventually, eventually, eventuallyAlways, leadsTo } from '../../spec/properties.ts';
import { check } from '../check.ts';
import { Successors } from '../successors.ts';
import { fair, LIVENESS_KINDS, type LivenessKind, oracleFails, type System } from './oracle.ts';

const systemArb: fc.Arbitrary<System> = fc.integer({ min: 1, max: 5 }).chain((n) => fc.record({
  n: fc.constant(n),
  table: fc.array(fc.array(fc.array(fc.integer({ min: -2, max: n - 1 }).map((t) => Math.max(t, -1)), { minLength: n, maxLength: n }),
    { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 }),
  fairness: fc.array(fc.record({ kind: fc.constantFrom('weak' as const, 'strong' as const), action: fc.nat(2), param: fc.option(fc.nat(1), { nil: undefined }) }), { maxLength: 3 }),
  p: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
  q: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
})).map((sys) => ({ ...sys, fairness: sys.fairness.filter((f) => f.action < sys.table.length && (f.param ?? 0) < sys.table[f.action]!.length) }));

type St = { readonly s: number };

function specOf(sys: System) {
  const P = (st: St) => sys.p[st.s]!, Q = (st: St) => sys.q[st.s]!;
  return defineSpec({
    name: 'random',
    init: (): St[] => [{ s: 0 }],
    actions: Object.fromEntries(sys.table.map((byParam, a) => [`a${a}`, {
      params: byParam.map((_, i) => i),
      next: (st: St, p: number) => (byParam[p]![st.s]! < 0 ? undefined : { s: byParam[p]![st.s]! }),
    }])),
    properties: [eventually('eventually', P), alwaysEventually('alwaysEventually', P), eventuallyAlways('eventuallyAlways', P), leadsTo('leadsTo', P, Q)],
    fairness: sys.fairness.map((f): Fairness => (f.param === undefined ? { kind: f.kind, action: `a${f.action}` }
      : { kind: f.kind, action: `a${f.action}`, instance: { param: f.param } })),
    terminal: () => true,
  });
}

/** Replays a reported lasso and checks it is a real, fair counterexample of `kind`. */
function checkLasso(sys: System, kind: LivenessKind, path: { init: number; steps: readonly { action: number; param: number }[] }, loop: number) {
  const successors = new Successors(specOf(sys), false);
  const states = [0];
  for (const st of path.steps) states.push(successors.successor({ s: states.at(-1)! }, st.action, st.param)!.s);
  expect(states.at(-1)).toBe(states[loop]);
  const cycleStates = states.slice(loop);
  const cycleSteps = path.steps.slice(loop).filter((_, i) => cycleStates[i] !== cycleStates[i + 1]).map((st) => [st.action, st.param] as const);
  expect(fair(sys, cycleStates, cycleSteps)).toBe(true);
  if (kind === 'eventually') expect(states.every((s) => !sys.p[s])).toBe(true);
  if (kind === 'alwaysEventually') expect(cycleStates.every((s) => !sys.p[s])).toBe(true);
  if (kind === 'eventuallyAlways') expect(cycleStates.some((s) => !sys.p[s])).toBe(true);
  if (kind === 'leadsTo') {
    const trigger = states.findIndex((s, i) => i <= loop && sys.p[s] && states.slice(i).every((t) => !sys.q[t]));
    expect(trigger).toBeGreaterThanOrEqual(0);
  }
}

describe('liveness engine against a brute-force oracle', () => {
  it('agrees on every verdict, and every lasso replays as a real fair counterexample', () => {
    fc.assert(fc.property(systemArb, fc.constantFrom(...LIVENESS_KINDS), (sys, kind) => {
      const result = check(specOf(sys), { properties: [kind], checkDeadlock: false });
      expect(result.status === 'violation').toBe(oracleFails(sys, kind));
      if (result.status !== 'violation') return;
      checkLasso(sys, kind, result.violations[0]!.path!, result.violations[0]!.loop!);
      expect(result.violations[0]!.note).not.toMatch(/caution/);
    }), { numRuns: 500, seed: 20261128 });
  });
});
