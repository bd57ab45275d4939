/**
 * Paxos with two workers gives one worker's answer (issue 12): the same distinct and generated
 * states, depth and verdict, and the same shortest counterexamples for the bug variants.
 */
import { describe, expect, it } from 'vitest';
import { check, type CheckOptions } from '../../checker/index.ts';
import { summaryOf } from '../../checker/equivalence/figures.ts';
import { paxos } from './paxos.ts';

const module = new URL('./paxos.ts', import.meta.url).href;

/** One worker, then two: both must give `expected`. */
function bothGive(variant: string, options: CheckOptions, expected: ReturnType<typeof summaryOf>) {
  const spec = paxos.instantiate({}, variant);
  expect(summaryOf(check(spec, options)), `paxos --variant ${variant}, one worker`).toEqual(expected);
  const two = check(spec, { ...options, workers: 2, specSource: { module, exportName: 'paxos', variant } });
  expect(summaryOf(two), `paxos --variant ${variant} --workers 2`).toEqual(expected);
}

describe('paxos under two workers (default configuration)', () => {
  it('correct: 14,525 distinct, 215,817 generated, depth 21, pass', () => {
    bothGive('correct', {}, { status: 'pass', distinct: 14_525, generated: 215_817, depth: 21, violations: {} });
  }, 120_000);

  it('volatile-promise: agreement violated after 16 steps', () => {
    const spec = paxos.instantiate({}, 'volatile-promise');
    const one = summaryOf(check(spec));
    const two = summaryOf(
      check(spec, { workers: 2, specSource: { module, exportName: 'paxos', variant: 'volatile-promise' } }),
    );
    // BFS stops within the level of the first violation: the counts at that point depend on order.
    expect([one.status, one.violations]).toEqual(['violation', { agreement: '16 steps' }]);
    expect([two.status, two.violations], 'paxos --variant volatile-promise --workers 2').toEqual([
      'violation',
      { agreement: '16 steps' },
    ]);
  }, 120_000);

  it('ignore-promised-values, the whole state space (continue): 14,045 distinct, agreement violated after 14 steps', () => {
    bothGive(
      'ignore-promised-values',
      { continue: true },
      { status: 'violation', distinct: 14_045, generated: 206_913, depth: 21, violations: { agreement: '14 steps' } },
    );
  }, 120_000);
});
