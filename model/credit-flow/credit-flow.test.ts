import { describe, expect, it } from 'vitest';
import { check } from '../../checker/index.ts';
import { formatPath } from '../../checker/path.ts';
import { replayPath } from '../../checker/random/replay.ts';
import { creditFlow, creditFlowSpec } from './credit-flow.ts';

const seventeenSends = `0${'/0:0'.repeat(17)}`;

describe('credit-flow', () => {
  it('small configurations check exhaustively: every buffer of up to 3 messages from 2 senders', () => {
    const result = check(creditFlowSpec(2, 3, 'correct'), { strict: true });
    expect(result.status).toBe('pass');
    expect(result.stats.distinctStates).toBe(1 + 2 + 4 + 8);
    expect(result.stats.depth).toBe(4);
    const bug = check(creditFlowSpec(2, 3, 'off-by-one'));
    expect(bug.status === 'violation' && formatPath(bug.violations[0]!.path!)).toBe('0/0:0/0:0/0:0/0:0');
  });

  it('at the default size, the overflow is out of BFS reach: 100,000 states in, no violation yet', () => {
    const result = check(creditFlow.instantiate({}, 'off-by-one'), { maxStates: 100_000 });
    expect(result.status).toBe('incomplete');
    expect(result.status === 'incomplete' && result.violations).toEqual([]);
    expect(result.stats.depth).toBe(12); // the overflow is at depth 18, after ~64.6 million states
  });

  it('simulate finds it in the first walk with seed 42 and shrinks it to the 17 sends that cause it', () => {
    const spec = creditFlow.instantiate({}, 'off-by-one');
    const result = check(spec, { engine: 'random', seed: 42 });
    expect(result.status).toBe('violation');
    if (result.status !== 'violation') return;
    const [violation] = result.violations;
    expect(violation?.property).toBe('NoOverflow');
    expect(formatPath(violation!.path!)).toBe(seventeenSends);
    expect(result.stats.simulation?.shrink).toMatchObject({ originalSteps: 33, shrunkSteps: 17, foundInWalk: 1 });
    const replayed = replayPath(spec, seventeenSends);
    expect(replayed.status === 'violation' && replayed.violation.property).toBe('NoOverflow');
  });

  it('the correct variant never overflows in a simulated campaign, and the buffer fills', () => {
    const result = check(creditFlow.instantiate(), { engine: 'random', seed: 1, runs: 500, depth: 60 });
    expect(result.status).toBe('incomplete');
    expect(result.stats.simulation!.sometimes[0]!.walks).toBeGreaterThan(0);
  });
});
