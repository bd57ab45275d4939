import { describe, expect, it } from 'vitest';
import { check } from '../../checker/index.ts';
import { formatPath } from '../../checker/path.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import { dieHard, dieHardSpec } from './die-hard.ts';

describe('die-hard (TLC: 14 distinct states, depth 7, NotSolved violated)', () => {
  it('finds the puzzle solution as the shortest counterexample: 7 states, 6 steps', () => {
    const result = check(dieHardSpec(), { strict: true });
    expect(result.status).toBe('violation');
    if (result.status !== 'violation') return;
    expect(result.stats.distinctStates).toBe(14);
    expect(result.stats.generatedStates).toBe(73);
    expect(result.stats.depth).toBe(7);
    const [violation] = result.violations;
    expect(violation?.property).toBe('NotSolved');
    const trace = buildTrace(dieHardSpec(), violation!.path!);
    expect(trace.steps.map((s) => s.action?.name ?? 'init')).toEqual([
      'init',
      'fillBig',
      'bigToSmall',
      'emptySmall',
      'bigToSmall',
      'fillBig',
      'bigToSmall',
    ]);
    expect(trace.steps.at(-1)?.state).toEqual({ small: 3, big: 4 });
    expect(formatPath(violation!.path!)).toBe('0/1:0/5:0/2:0/5:0/1:0/5:0');
  });

  it('explores all 16 states when only TypeOK is checked, BFS and DFS alike', () => {
    const bfs = check(dieHardSpec(), { properties: ['TypeOK'] });
    const dfs = check(dieHardSpec(), { properties: ['TypeOK'], engine: 'dfs' });
    expect(bfs.status).toBe('pass');
    expect(dfs.status).toBe('pass');
    expect(bfs.stats.distinctStates).toBe(16);
    expect(dfs.stats.distinctStates).toBe(16);
    expect(bfs.stats.generatedStates).toBe(dfs.stats.generatedStates);
  });

  it('has no solution when the goal cannot be measured', () => {
    const result = check(dieHard.instantiate({ small: '2', big: '4', goal: '3' }), { strict: true });
    expect(result.status).toBe('pass');
  });
});
