import { describe, expect, it } from 'vitest';
import { check } from '../../checker/index.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import { always } from '../../spec/index.ts';
import { lamportMutex, type LamportMutexState, lamportMutexSpec } from './lamport-mutex.ts';

// The full MCLamportMutex.cfg (N = 3, maxClock = 6) takes a minute or two; TLC: 724,274
// distinct, 2,729,079 generated, depth 61 — run it with `kripke check lamport-mutex`.
describe('lamport-mutex (LamportMutex.tla, MCLamportMutex.cfg)', () => {
  it('two processes, maxClock 4: 401 states, 787 generated, depth 28; DFS agrees', () => {
    const spec = lamportMutex.instantiate({ n: '2', maxClock: '4', maxNat: '5' });
    const bfs = check(spec, { strict: true });
    const dfs = check(spec, { engine: 'dfs' });
    expect(bfs.status).toBe('pass');
    expect(bfs.stats).toMatchObject({ distinctStates: 401, generatedStates: 787, depth: 28 });
    expect(dfs.stats).toMatchObject({ distinctStates: 401, generatedStates: 787 });
  });

  it('three processes, maxClock 3: 10,209 states, 41,533 generated, depth 31; DFS agrees', () => {
    const spec = lamportMutexSpec({ n: 3, maxClock: 3, maxNat: 4 });
    const bfs = check(spec);
    const dfs = check(spec, { engine: 'dfs' });
    expect(bfs.status).toBe('pass');
    expect(bfs.stats).toMatchObject({ distinctStates: 10209, generatedStates: 41533, depth: 31 });
    expect(dfs.stats).toMatchObject({ distinctStates: 10209, generatedStates: 41533 });
  });

  it('checks states beyond the clock constraint against the invariants (TLC CONSTRAINT semantics)', () => {
    const base = lamportMutexSpec({ n: 2, maxClock: 2, maxNat: 3 });
    const spec = {
      ...base,
      properties: [always<LamportMutexState>('clocks stay within 2', (s) => s.clock.every((c) => c <= 2))],
    };
    const result = check(spec);
    expect(result.status).toBe('violation');
    if (result.status !== 'violation') return;
    const trace = buildTrace(spec, result.violations[0]!.path!);
    const clocks = trace.steps.map((s) => Math.max(...s.state.clock));
    expect(clocks.at(-1)).toBe(3); // a successor outside the constraint: generated and checked
    expect(clocks.slice(0, -1).every((c) => c <= 2)).toBe(true);
    expect(trace.steps).toHaveLength(6);
  });

  it('lets only the request with the smaller clock (ties: the lower id) enter', () => {
    const base = lamportMutexSpec({ n: 2, maxClock: 3, maxNat: 4 });
    const spec = { ...base, properties: [always<LamportMutexState>('nobody enters', (s) => s.crit.length === 0)] };
    const result = check(spec);
    expect(result.status).toBe('violation');
    if (result.status !== 'violation') return;
    const trace = buildTrace(spec, result.violations[0]!.path!);
    expect(trace.steps.map((s) => (s.action ? [s.action.name, s.action.param] : 'init'))).toEqual([
      'init',
      ['request', 0],
      ['receiveRequest', [1, 0]],
      ['receiveAck', [0, 1]],
      ['enter', 0],
    ]);
  });
});
