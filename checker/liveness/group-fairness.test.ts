/**
 * Fairness over groups of action instances: the group is enabled when any member is, taken when
 * any member is; written with action names, parameter values, predicates on the parameter, or
 * `allActions`; checked against the spec before the run. (The brute-force oracle in
 * `liveness.property.test.ts` cross-checks groups on random systems.)
 */
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../spec/define.ts';
import { allActions, type Fairness, strong, weak } from '../../spec/fairness.ts';
import { check } from '../check.ts';
import type { CheckResult } from '../result.ts';
import { fork, pair } from './fixtures.ts';

type Side = 'p' | 'q';

const firstNote = (result: CheckResult) => (result.status === 'violation' ? result.violations[0]!.note : undefined);

/** A light that `there` moves from p to q and `back` moves from q to p. */
function pendulum(fairness: readonly Fairness[]) {
  return defineSpec({
    name: 'pendulum',
    init: (): { at: Side }[] => [{ at: 'p' }],
    actions: {
      there: { next: (s) => (s.at === 'p' ? { at: 'q' as const } : undefined) },
      back: { next: (s) => (s.at === 'q' ? { at: 'p' as const } : undefined) },
    },
    properties: ({ alwaysEventually }) => [alwaysEventually('often at p', (s) => s.at === 'p')],
    fairness,
  });
}

describe('fairness over a group of actions', () => {
  it('is the disjunction: weak(there ∨ back) forces a move wherever one is enabled, weak(there) does not', () => {
    expect(check(pendulum([weak(['there', 'back'])])).status).toBe('pass');
    const alone = check(pendulum([weak('there')]));
    expect(alone.status).toBe('violation');
    expect(alone.status === 'violation' && alone.violations[0]!.note).toMatch(
      /no fairness assumption forces an action \(enabled here: back\)/,
    );
  });

  it('is weaker than fairness of each member: a group over both flips may always flip the same one', () => {
    expect(check(pair([weak('flip', 'a'), weak('flip', 'b')])).status).toBe('pass');
    const group = check(pair([weak('flip')]), { continue: true });
    expect(group.status === 'violation' && group.violations.map((v) => v.property)).toEqual(['a flips', 'b flips']);
    expect(check(pair([weak('flip', (side: 'a' | 'b') => side === 'b')]), { properties: ['b flips'] }).status).toBe(
      'pass',
    );
  });

  it('a lasso says why its cycle is fair, naming each group by its members', () => {
    expect(firstNote(check(fork([strong(['finish', 'jam'])])))).toMatch(
      /fair: strong\(finish ∨ jam\) is never enabled on the cycle$/,
    );
    expect(firstNote(check(pendulum([weak('there')])))).toMatch(/fair: weak\(there\) is disabled in state 2$/);
  });

  it('over every action (WF_vars(Next)) and over the same parameter of several actions', () => {
    expect(check(pendulum([weak(allActions)])).status).toBe('pass');
    expect(pendulum([weak(allActions)]).fairness).toEqual([
      { kind: 'weak', members: [{ action: 'there' }, { action: 'back' }], everyAction: true },
    ]);
    const spec = pair([weak(['flip'], 'b')]);
    expect(spec.fairness[0]!.members).toEqual([{ action: 'flip', param: 'b' }]);
  });
});

describe('fairness arguments are checked before the run', () => {
  const counter = (fairness: readonly Fairness[]) =>
    defineSpec({
      name: 'counter',
      init: () => [{ n: 0 }],
      actions: {
        add: { params: [1, 2, 3], next: (s: { n: number }, k: number) => ({ n: (s.n + k) % 4 }) },
        reset: { next: () => ({ n: 0 }) },
        take: { params: (s: { n: number }) => [s.n], next: () => ({ n: 0 }) },
      },
      properties: ({ alwaysEventually }) => [alwaysEventually('zero', (s) => s.n === 0)],
      fairness,
    });

  it('an argument that no value of a fixed domain matches is an error naming the action and listing the domain', () => {
    expect(() => counter([weak('add', '2')])).toThrow(
      "weak fairness of 'add': parameter \"2\" matches no value of the action's domain; domain: 1, 2, 3",
    );
    expect(() => counter([weak('add', (k: number) => k > 3)])).toThrow(
      "weak fairness of 'add': the predicate matches no value of the action's domain; domain: 1, 2, 3",
    );
    expect(() => counter([weak(['reset', 'ad'])])).toThrow(
      "weak fairness names unknown action 'ad'; actions: add, reset, take",
    );
    expect(() => counter([weak('reset', 1)])).toThrow(
      "weak fairness of 'reset': the action has no parameter, so the assumption cannot name one",
    );
    expect(() =>
      counter([
        weak('add', () => {
          throw new Error('oops');
        }),
      ]),
    ).toThrow("weak fairness of 'add': the predicate threw on 1: oops");
    try {
      counter([weak('add', 7)]);
    } catch (e) {
      expect(e).toMatchObject({ code: 'invalid-spec', where: { model: 'counter', action: 'add' } });
    }
  });

  it('a state-dependent domain is checked after the run: an assumption no step matches is pointed out', () => {
    const result = check(counter([weak('take', 9), weak('reset')]));
    expect(result.status).toBe('pass');
    expect(result.notes).toEqual(['fairness weak(take(9)) never applies: no reachable step matches it']);
  });
});
