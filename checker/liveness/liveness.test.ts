import { describe, expect, it } from 'vitest';
import { strong, weak } from '../../spec/fairness.ts';
import { check } from '../check.ts';
import { formatPath } from '../path.ts';
import type { CheckResult, Violation } from '../result.ts';
import { flicker, fork, namedToken, pair, ring, server, token, unbounded } from './fixtures.ts';

function violations(result: CheckResult): readonly Violation[] {
  return result.status === 'violation' ? result.violations : [];
}

const lasso = (v: Violation | undefined) => v && { path: formatPath(v.path!), loop: v.loop };

describe('liveness: stuttering and fairness', () => {
  it('without fairness every property fails by stuttering, and the note says so plainly', () => {
    const result = check(ring(), { continue: true });
    expect(result.status).toBe('violation');
    const [often, reaches, settles] = violations(result);
    expect(lasso(often)).toEqual({ path: '0/0:0', loop: 1 });
    expect(often?.note).toMatch(/can stop here forever: no fairness assumption forces an action/);
    expect(lasso(reaches)).toEqual({ path: '0', loop: 0 });
    expect(settles?.kind).toBe('liveness');
    expect(settles?.propertyKind).toBe('eventuallyAlways');
  });

  it('weak fairness makes []<> and <> hold; <>[] still fails on a real cycle through the bad state', () => {
    const result = check(ring([weak('tick')]), { continue: true });
    const found = violations(result);
    expect(found.map((v) => v.property)).toEqual(['settles at zero']);
    expect(lasso(found[0])).toEqual({ path: '0/0:0/0:0/0:0', loop: 0 });
    expect(result.stats.liveness).toMatchObject({ graphStates: 3, graphEdges: 3 });
  });

  it('a property that merely restates weak fairness holds with it and fails without it', () => {
    expect(check(server([weak('serve')])).status).toBe('pass');
    const [v] = violations(check(server([])));
    expect(lasso(v)).toEqual({ path: '0/0:0', loop: 1 });
  });

  it('strong fairness where weak is not enough: go is disabled infinitely often on the toggle cycle', () => {
    const [v] = violations(check(flicker([weak('toggle'), weak('go')])));
    expect(lasso(v)).toEqual({ path: '0/0:0/0:0', loop: 0 });
    // The note says why the cycle is fair, assumption by assumption: go is disabled in b.
    expect(v?.note).toBe(
      'a fair behaviour in which it never holds; fair: weak(toggle) is taken by the step into state 2; weak(go) is disabled in state 2',
    );
    expect(check(flicker([weak('toggle'), strong('go')])).status).toBe('pass');
  });

  it('a deadlocked state is an infinite stutter, even with every action weakly fair', () => {
    const [v] = violations(check(fork([weak('finish'), weak('jam')])));
    expect(lasso(v)).toEqual({ path: '0/1:0', loop: 1 });
    expect(v?.note).toMatch(/no action is enabled \(a deadlock is an infinite stutter\)/);
  });

  it('fairness about one action instance covers that instance only', () => {
    const result = check(pair([weak('flip', 'a')]), { continue: true });
    const found = violations(result);
    expect(found.map((v) => v.property)).toEqual(['b flips']);
    expect(lasso(found[0])).toEqual({ path: '0/0:0/0:0', loop: 0 });
  });
});

describe('liveness: symmetry, constraints, options', () => {
  it('under symmetry the lasso is concrete: the quotient self-loop is followed twice until the state repeats', () => {
    const result = check(token([weak('pass')], true));
    expect(result.stats.distinctStates).toBe(2);
    const [v] = violations(result);
    expect(lasso(v)).toEqual({ path: '0/0:0/0:0', loop: 0 });
    expect(v?.note).toMatch(/followed 2 times/);
    expect(check(token([weak('pass'), weak('work'), weak('rest')], true)).status).toBe('pass');
  });

  it('on a ring of three, the concrete cycle goes round the quotient self-loop three times', () => {
    const [v] = violations(check(token([weak('pass')], true, 3)));
    expect(lasso(v)).toEqual({ path: '0/0:0/0:0/0:0', loop: 0 });
    expect(v?.note).toMatch(/followed 3 times/);
  });

  it('a property that is not symmetric is caught when the concrete lasso does not violate it', () => {
    expect(check(namedToken(false)).status).toBe('pass');
    const [v] = violations(check(namedToken(true)));
    expect(v?.note).toMatch(
      /caution: on the concrete states this behaviour does not violate the property; the property is not symmetric/,
    );
  });

  it('symmetry and no symmetry agree on the verdicts', () => {
    for (const fairness of [[weak('pass')], [weak('pass'), weak('work'), weak('rest')], []]) {
      expect(check(token(fairness, true)).status).toBe(check(token(fairness, false)).status);
    }
  });

  it('a state constraint that cuts behaviours makes a pass possibly vacuous, and the result says so', () => {
    const result = check(unbounded([weak('inc')]));
    expect(result.status).toBe('pass');
    expect(result.stats.liveness?.cutSuccessors).toBe(1);
    expect(result.notes?.join(' ')).toMatch(/state constraint cut 1 successor.*a pass may be vacuous/);
  });

  it('depth-first safety search is followed by the same liveness verdicts', () => {
    const bfs = check(ring([weak('tick')]), { continue: true });
    const dfs = check(ring([weak('tick')]), { continue: true, engine: 'dfs' });
    expect(violations(dfs).map(lasso)).toEqual(violations(bfs).map(lasso));
  });

  it('liveness can be skipped, and is not run after a safety search that stopped early', () => {
    expect(check(ring(), { liveness: false }).status).toBe('pass');
    const bounded = check(ring(), { maxDepth: 2 });
    expect(bounded.status).toBe('incomplete');
    expect(bounded.notes?.join(' ')).toMatch(/liveness properties not checked/);
  });

  it('a fairness parameter that no value of a fixed domain matches is an error before the run', () => {
    expect(() => pair([weak('flip', 'c'), weak('flip', 'a')])).toThrow(
      'weak fairness of \'flip\': parameter "c" matches no value of the action\'s domain; domain: "a", "b"',
    );
  });

  it('a predicate that throws is a model error naming the property', () => {
    const boom = (s: { x: number }) => {
      if (s.x === 2) throw new Error('bad');
      return false;
    };
    const spec = { ...ring(), properties: [{ kind: 'eventually' as const, name: 'boom', holds: boom }] };
    const result = check(spec);
    expect(result.status).toBe('error');
    if (result.status !== 'error') return;
    expect(result.error.message).toBe("property 'boom' threw: bad");
    expect(result.error.where.property).toBe('boom');
    expect(formatPath(result.at!)).toBe('0/0:0'); // the state whose successor x = 2 was being discovered
  });
});
