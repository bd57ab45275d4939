/**
 * Cross-check of the liveness engine against a brute-force oracle on random small systems.
 *
 * The oracle uses the textbook characterisation directly: a property fails iff some set S of
 * states in its bad region, strongly connected by edges inside S (a single state counts: it can
 * stutter), admits a fair infinite behaviour visiting exactly S and taking every edge inside S —
 * weak(A): A taken inside S or disabled somewhere in S; strong(A): taken inside S or disabled
 * everywhere in S. Each A is a group: the disjunction of some (action, parameter) instances,
 * whole actions, instances with an odd parameter, or every action (`allActions`). An action
 * constraint rejects some steps: they are not edges (no behaviour takes them) but still make
 * their action enabled (TLC's ENABLED ignores the constraint). The oracle tries every subset S,
 * so it shares no code or refinement logic with the engine. Each lasso the engine reports is
 * replayed and checked: real, allowed steps, the right states on the cycle, and a fair cycle.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../spec/define.ts';
import { allActions, type Fairness, type FairMember, strong, weak } from '../../spec/fairness.ts';
import { alwaysEventually, eventually, eventuallyAlways, leadsTo } from '../../spec/properties.ts';
import { check } from '../check.ts';
import { Successors } from '../successors.ts';

/** One member of a fairness group: an action, one instance of it (`param`), or its odd-parameter instances. */
interface Member { readonly action: number; readonly param: number | undefined; readonly odd: boolean }

interface System {
  readonly n: number;
  /** table[action][param][state]: the successor, or -1 when not enabled. */
  readonly table: number[][][];
  /** excluded[action][param][state]: the action constraint rejects that step. */
  readonly excluded: boolean[][][];
  readonly fairness: { kind: 'weak' | 'strong'; members: Member[]; every: boolean }[];
  readonly p: boolean[];
  readonly q: boolean[];
}

const memberArb: fc.Arbitrary<Member> = fc.record({ action: fc.nat(2), param: fc.option(fc.nat(2), { nil: undefined }), odd: fc.boolean() })
  .map((m) => ({ ...m, odd: m.param === undefined && m.odd }));

const systemArb: fc.Arbitrary<System> = fc.integer({ min: 1, max: 5 }).chain((n) => fc.record({
  n: fc.constant(n),
  table: fc.array(fc.array(fc.array(fc.integer({ min: -2, max: n - 1 }).map((t) => Math.max(t, -1)), { minLength: n, maxLength: n }),
    { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
  excluded: fc.array(fc.array(fc.array(fc.integer({ min: 0, max: 5 }).map((x) => x === 0), { minLength: n, maxLength: n }),
    { minLength: 3, maxLength: 3 }), { minLength: 3, maxLength: 3 }),
  fairness: fc.array(fc.record({ kind: fc.constantFrom('weak' as const, 'strong' as const), members: fc.array(memberArb, { minLength: 1, maxLength: 3 }),
    every: fc.integer({ min: 0, max: 7 }).map((x) => x === 0) }), { maxLength: 3 }),
  p: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
  q: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
})).map((sys) => ({ ...sys, fairness: sys.fairness.map((f) => ({ ...f, members: f.members.filter((m) => valid(sys.table, m)) }))
  .filter((f) => f.every || f.members.length > 0) }));

/** A member the spec can state: a real action, and a parameter (or odd parameter) its domain has. */
function valid(table: number[][][], m: Member): boolean {
  const params = table[m.action]?.length ?? 0;
  return m.action < table.length && (m.param ?? 0) < params && (!m.odd || params > 1);
}

type St = { readonly s: number };
const KINDS = ['eventually', 'alwaysEventually', 'eventuallyAlways', 'leadsTo'] as const;
type Kind = (typeof KINDS)[number];

function fairnessOf(f: System['fairness'][number]): Fairness {
  const build = f.kind === 'weak' ? weak : strong;
  if (f.every) return build(allActions);
  return build(f.members.map((m): FairMember => (m.param !== undefined ? { action: `a${m.action}`, param: m.param }
    : m.odd ? { action: `a${m.action}`, where: (p: number) => p % 2 === 1 } : { action: `a${m.action}` })));
}

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
    fairness: sys.fairness.map(fairnessOf),
    actionConstraint: (before: St, _after: St, step) => !sys.excluded[Number(step.action.slice(1))]![step.param as number]![before.s]!,
    terminal: () => true,
  });
}

/** Real steps (stutters excluded) out of `s`: [action, param, target]; with `allowed`, only those the action constraint allows. */
const steps = (sys: System, s: number, allowed = true) => sys.table.flatMap((byParam, a) => byParam.flatMap((row, p) =>
  (row[s]! >= 0 && row[s] !== s && (!allowed || !sys.excluded[a]![p]![s]) ? [[a, p, row[s]!] as const] : [])));
const matches = (f: System['fairness'][number], a: number, p: number) =>
  f.every || f.members.some((m) => m.action === a && (m.param === undefined || m.param === p) && (!m.odd || p % 2 === 1));

/** Whether a behaviour visiting exactly `states` forever and taking exactly `taken` steps is fair (enabled: excluded steps too). */
function fair(sys: System, states: readonly number[], taken: readonly (readonly [number, number])[]): boolean {
  return sys.fairness.every((f) => {
    if (taken.some(([a, p]) => matches(f, a, p))) return true;
    const enabled = (s: number) => steps(sys, s, false).some(([a, p]) => matches(f, a, p));
    return f.kind === 'weak' ? states.some((s) => !enabled(s)) : states.every((s) => !enabled(s));
  });
}

/** States reachable in phase 1 (the bad region) for a property kind. */
function region(sys: System, kind: Kind): Set<number> {
  const bad = (s: number) => (kind === 'leadsTo' ? !sys.q[s] : kind === 'eventuallyAlways' ? true : !sys.p[s]);
  const entry = (s: number) => bad(s) && (kind === 'leadsTo' ? sys.p[s]! : true);
  const reach = (from: number[], ok: (s: number) => boolean) => {
    const seen = new Set(from.filter(ok));
    for (const s of seen) for (const [, , t] of steps(sys, s)) if (ok(t)) seen.add(t);
    return seen;
  };
  const starts = kind === 'eventually' ? [0] : [...reach([0], () => true)];
  return reach(starts.filter(entry), bad);
}

function oracleFails(sys: System, kind: Kind): boolean {
  const r = [...region(sys, kind)];
  for (let mask = 1; mask < 1 << r.length; mask++) {
    const S = r.filter((_, i) => mask & (1 << i));
    const inside = (t: number) => S.includes(t);
    const edges = S.flatMap((s) => steps(sys, s).filter(([, , t]) => inside(t)).map(([a, p, t]) => ({ s, a, p, t })));
    const reaches = (from: number, forward: boolean) => {
      const seen = new Set([from]);
      for (const x of seen) for (const e of edges) if ((forward ? e.s : e.t) === x) seen.add(forward ? e.t : e.s);
      return seen.size === S.length;
    };
    if (!reaches(S[0]!, true) || !reaches(S[0]!, false)) continue;
    if (kind === 'eventuallyAlways' && S.every((s) => sys.p[s])) continue;
    if (fair(sys, S, edges.map((e) => [e.a, e.p] as const))) return true;
  }
  return false;
}

/** Replays a reported lasso and checks it is a real, fair counterexample of `kind`. */
function checkLasso(sys: System, kind: Kind, path: { init: number; steps: readonly { action: number; param: number }[] }, loop: number) {
  const successors = new Successors(specOf(sys), false);
  const states = [0];
  for (const st of path.steps) {
    expect(sys.excluded[st.action]![st.param]![states.at(-1)!]).toBe(false);
    states.push(successors.successor({ s: states.at(-1)! }, st.action, st.param)!.s);
  }
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
    fc.assert(fc.property(systemArb, fc.constantFrom(...KINDS), (sys, kind) => {
      const result = check(specOf(sys), { properties: [kind], checkDeadlock: false });
      expect(result.status === 'violation').toBe(oracleFails(sys, kind));
      if (result.status !== 'violation') return;
      checkLasso(sys, kind, result.violations[0]!.path!, result.violations[0]!.loop!);
      expect(result.violations[0]!.note).not.toMatch(/caution/);
    }), { numRuns: 500, seed: 20261128 });
  });
});
