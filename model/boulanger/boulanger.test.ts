import { describe, expect, it } from 'vitest';
import { check } from '../../checker/index.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import { always } from '../../spec/index.ts';
import { boulanger, type BoulangerState, boulangerSpec } from './boulanger.ts';

// The full MCBoulanger.cfg (N = 3, MaxNat = 3) takes several minutes; TLC: 7,866,982 distinct,
// 63,482,135 generated, depth 84 — run it with `kripke check boulanger`.
describe('boulanger (Boulanger.tla, MCBoulanger.cfg)', () => {
  it('two processes, MaxNat 3: 8,574 states, 51,897 generated, depth 51; DFS agrees', () => {
    const spec = boulanger.instantiate({ n: '2', maxNat: '3' });
    const bfs = check(spec);
    const dfs = check(spec, { engine: 'dfs' });
    expect(bfs.status).toBe('pass');
    expect(bfs.stats).toMatchObject({ distinctStates: 8574, generatedStates: 51897, depth: 51 });
    expect(dfs.stats).toMatchObject({ distinctStates: 8574, generatedStates: 51897 });
  });

  it('is pure: strict mode (frozen inputs, every action run twice) finds nothing', () => {
    expect(check(boulangerSpec({ n: 2, maxNat: 2 }), { strict: true }).status).toBe('pass');
  });

  it('three processes, MaxNat 2: 68,616 states, 434,233 generated, depth 61', () => {
    const result = check(boulangerSpec({ n: 3, maxNat: 2 }));
    expect(result.status).toBe('pass');
    expect(result.stats).toMatchObject({ distinctStates: 68616, generatedStates: 434233, depth: 61 });
  });

  it('reaches the critical section in the fewest steps through every label', () => {
    const base = boulangerSpec({ n: 2, maxNat: 3 });
    const spec = { ...base, properties: [always<BoulangerState>('nobody in cs', (s) => !s.pc.includes('cs'))] };
    const result = check(spec);
    expect(result.status).toBe('violation');
    if (result.status !== 'violation') return;
    const trace = buildTrace(spec, result.violations[0]!.path!);
    expect(trace.steps.map((s) => (s.action ? [s.action.name, s.action.param] : 'init'))).toEqual([
      'init',
      ['ncs', 0],
      ['e1', 0],
      ['e2', [0, 1]],
      ['e2Done', 0],
      ['e3', 0],
      ['e4', 0],
      ['w1Done', 0],
    ]);
  });
});
