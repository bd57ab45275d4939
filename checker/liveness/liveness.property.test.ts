/**
 * Cross-check of the liveness engine against the brute-force oracle (`oracle.ts`) on random small
 * systems with fairness over groups (actions, instances, odd parameters, every action) and an
 * action constraint. Each lasso the engine reports is replayed and checked: real, allowed steps,
 * the right states on the cycle, and a cycle that is itself fair.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../spec/define.ts';
import { allActions, type Fairness, type FairMember, strong, weak } from '../../spec/fairness.ts';
import { alwaysEventually, eventually, eventuallyAlways, leadsTo } from '../../spec/properties.ts';
import { check } from '../check.ts';
import { Successors } from '../successors.ts';
import {
  type FairGroup,
  fair,
  LIVENESS_KINDS,
  type LivenessKind,
  type Member,
  oracleFails,
  type System,
} from './oracle.ts';

/** A system whose action constraint rejects some steps. */
type Constrained = System & { readonly excluded: boolean[][][] };

const memberArb: fc.Arbitrary<Member> = fc
  .record({ action: fc.nat(2), param: fc.option(fc.nat(2), { nil: undefined }), odd: fc.boolean() })
  .map((m) => ({ ...m, odd: m.param === undefined && m.odd }));

const systemArb: fc.Arbitrary<Constrained> = fc
  .integer({ min: 1, max: 5 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      table: fc.array(
        fc.array(
          fc.array(
            fc.integer({ min: -2, max: n - 1 }).map((t) => Math.max(t, -1)),
            { minLength: n, maxLength: n },
          ),
          { minLength: 1, maxLength: 3 },
        ),
        { minLength: 1, maxLength: 3 },
      ),
      excluded: fc.array(
        fc.array(
          fc.array(
            fc.integer({ min: 0, max: 5 }).map((x) => x === 0),
            { minLength: n, maxLength: n },
          ),
          { minLength: 3, maxLength: 3 },
        ),
        { minLength: 3, maxLength: 3 },
      ),
      fairness: fc.array(
        fc.record({
          kind: fc.constantFrom('weak' as const, 'strong' as const),
          members: fc.array(memberArb, { minLength: 1, maxLength: 3 }),
          every: fc.integer({ min: 0, max: 7 }).map((x) => x === 0),
        }),
        { maxLength: 3 },
      ),
      p: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      q: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    }),
  )
  .map((sys) => ({
    ...sys,
    fairness: sys.fairness
      .map((f) => ({ ...f, members: f.members.filter((m) => valid(sys.table, m)) }))
      .filter((f) => f.every || f.members.length > 0),
  }));

/** A member the spec can state: a real action, and a parameter (or odd parameter) its domain has. */
function valid(table: number[][][], m: Member): boolean {
  const params = table[m.action]?.length ?? 0;
  return m.action < table.length && (m.param ?? 0) < params && (!m.odd || params > 1);
}

type St = { readonly s: number };

function fairnessOf(f: FairGroup): Fairness {
  const build = f.kind === 'weak' ? weak : strong;
  if (f.every) return build(allActions);
  return build(
    f.members.map(
      (m): FairMember =>
        m.param !== undefined
          ? { action: `a${m.action}`, param: m.param }
          : m.odd
            ? { action: `a${m.action}`, where: (p: number) => p % 2 === 1 }
            : { action: `a${m.action}` },
    ),
  );
}

function specOf(sys: Constrained) {
  const P = (st: St) => sys.p[st.s]!,
    Q = (st: St) => sys.q[st.s]!;
  return defineSpec({
    name: 'random',
    init: (): St[] => [{ s: 0 }],
    actions: Object.fromEntries(
      sys.table.map((byParam, a) => [
        `a${a}`,
        {
          params: byParam.map((_, i) => i),
          next: (st: St, p: number) => (byParam[p]![st.s]! < 0 ? undefined : { s: byParam[p]![st.s]! }),
        },
      ]),
    ),
    properties: [
      eventually('eventually', P),
      alwaysEventually('alwaysEventually', P),
      eventuallyAlways('eventuallyAlways', P),
      leadsTo('leadsTo', P, Q),
    ],
    fairness: sys.fairness.map(fairnessOf),
    actionConstraint: (before: St, _after: St, step) =>
      !sys.excluded[Number(step.action.slice(1))]![step.param as number]![before.s]!,
    terminal: () => true,
  });
}

/** Replays a reported lasso and checks it is a real, fair counterexample of `kind`. */
function checkLasso(
  sys: Constrained,
  kind: LivenessKind,
  path: { init: number; steps: readonly { action: number; param: number }[] },
  loop: number,
) {
  const successors = new Successors(specOf(sys), false);
  const states = [0];
  for (const st of path.steps) {
    expect(sys.excluded[st.action]![st.param]![states.at(-1)!]).toBe(false);
    states.push(successors.successor({ s: states.at(-1)! }, st.action, st.param)!.s);
  }
  expect(states.at(-1)).toBe(states[loop]);
  const cycleStates = states.slice(loop);
  const cycleSteps = path.steps
    .slice(loop)
    .filter((_, i) => cycleStates[i] !== cycleStates[i + 1])
    .map((st) => [st.action, st.param] as const);
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
    fc.assert(
      fc.property(systemArb, fc.constantFrom(...LIVENESS_KINDS), (sys, kind) => {
        const result = check(specOf(sys), { properties: [kind], checkDeadlock: false });
        expect(result.status === 'violation').toBe(oracleFails(sys, kind));
        if (result.status !== 'violation') return;
        checkLasso(sys, kind, result.violations[0]!.path!, result.violations[0]!.loop!);
        expect(result.violations[0]!.note).not.toMatch(/caution/);
      }),
      { numRuns: 500, seed: 20261128 },
    );
  });
});
