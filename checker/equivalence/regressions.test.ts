/**
 * Models that gave another answer with two workers than with one (issue 12), pinned with their
 * one-worker figures: a false pass on an actor model, a bogus violation on a Set of interned
 * records, and a counterexample longer than the shortest with `continue`.
 */
import { describe, expect, it } from 'vitest';
import { buildTrace } from '../../counterexamples/trace.ts';
import { check } from '../check.ts';
import type { CheckOptions } from '../options.ts';
import { summaryOf } from './figures.ts';
import { chains, echo, votes } from './regressions.ts';

const module = new URL('./regressions.ts', import.meta.url).href;
const twoWorkers = (exportName: string, options: CheckOptions = {}): CheckOptions => ({
  ...options,
  workers: 2,
  specSource: { module, exportName },
});

describe("two workers give one worker's answer", () => {
  it('echo (actor): the wrong answer one worker finds in 3 steps is found, not passed over', () => {
    const one = check(echo);
    expect(summaryOf(one).violations).toEqual({ 'no wrong answer': '3 steps' });
    expect(summaryOf(check(echo, twoWorkers('echo'))).violations, 'echo with two workers: a false pass').toEqual({
      'no wrong answer': '3 steps',
    });
    const all = {
      status: 'violation',
      distinct: 162,
      generated: 6641,
      depth: 6,
      violations: { 'no wrong answer': '3 steps' },
    };
    expect(summaryOf(check(echo, { continue: true }))).toEqual(all);
    expect(
      summaryOf(check(echo, twoWorkers('echo', { continue: true }))),
      'echo with two workers and continue',
    ).toEqual(all);
  }, 60_000);

  it('votes (a Set of interned records): passes, and no vote is counted twice', () => {
    const pass = { status: 'pass', distinct: 821, generated: 1641, depth: 3, violations: {} };
    expect(summaryOf(check(votes))).toEqual(pass);
    const two = check(votes, twoWorkers('votes'));
    if (two.status === 'violation') {
      const trace = buildTrace(votes, two.violations[0]!.path!);
      const replayed = votes.properties[0]!.kind === 'always' && votes.properties[0]!.holds(trace.steps.at(-1)!.state);
      expect.fail(
        `votes with two workers: a bogus violation of '${two.violations[0]!.property}' whose trace ${replayed ? 'holds when replayed' : 'violates it'}`,
      );
    }
    expect(summaryOf(two)).toEqual(pass);
  }, 60_000);

  it('chains (continue): each property is reported with a shortest counterexample', () => {
    const all = {
      status: 'violation',
      distinct: 200,
      generated: 200,
      depth: 5,
      violations: { 'off the mark': '1 steps' },
    };
    expect(summaryOf(check(chains, { continue: true }))).toEqual(all);
    expect(
      summaryOf(check(chains, twoWorkers('chains', { continue: true }))),
      'chains with two workers and continue',
    ).toEqual(all);
  }, 60_000);
});
