import { describe, expect, it } from 'vitest';
import { check } from '../../checker/index.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import { peterson, petersonSpec } from './peterson.ts';

describe('peterson (Peterson.tla; TLC: 42 distinct, 77 generated, depth 11)', () => {
  it('matches TLC, in strict mode', () => {
    const result = check(petersonSpec(), { strict: true });
    expect(result.status).toBe('pass');
    expect(result.stats).toMatchObject({ distinctStates: 42, generatedStates: 77, depth: 11 });
  });

  it('explores the same states with BFS and DFS', () => {
    const dfs = check(petersonSpec(), { engine: 'dfs' });
    expect(dfs.status).toBe('pass');
    expect(dfs.stats).toMatchObject({ distinctStates: 42, generatedStates: 77 });
  });

  it('turn-to-self: both processes enter the critical section (8 steps)', () => {
    const spec = petersonSpec('turn-to-self');
    const result = check(spec, { strict: true, properties: ['MutualExclusion'] });
    expect(result.status).toBe('violation');
    if (result.status !== 'violation') return;
    expect(result.violations[0]!.property).toBe('MutualExclusion');
    const trace = buildTrace(spec, result.violations[0]!.path!);
    expect(trace.steps.map((s) => s.action?.label ?? 'init')).toEqual([
      'init',
      'a0(1)',
      'a0(2)',
      'a1(1)',
      'a1(2)',
      'a2(1)',
      'a3(1)',
      'a2(2)',
      'a3(2)',
    ]);
    expect(trace.steps.at(-1)?.state.pc).toEqual({ 1: 'cs', 2: 'cs' });
  });

  it('turn-to-self: Inv already fails one step earlier, when p2 takes the turn from p1 in its critical section', () => {
    const result = check(peterson.instantiate({}, 'turn-to-self'));
    expect(result.status === 'violation' && result.violations.map((v) => [v.property, v.path!.steps.length])).toEqual([
      ['Inv', 7],
    ]);
  });
});
