import { describe, expect, it } from 'vitest';
import { checkDefault, counterexample } from '../test-support.ts';
import { omega, omegaSpec } from './omega.ts';

describe('omega (3 nodes, tasks t1…t4 over two schedulers)', () => {
  it('the default passes safety and liveness, with conflicts: 225 states, BFS = DFS, strict', () => {
    expect(checkDefault(omega, { strict: true })).toEqual({
      status: ['pass', 'pass'],
      bfs: [225, 383, 16],
      dfs: [225, 383],
    });
  });

  it('no-version-check: both schedulers place on n1 from the same snapshot (6 steps)', () => {
    const { property, steps } = counterexample(omegaSpec({ nodes: 3, tasks: 4 }, 'no-version-check'));
    expect(property).toBe('no node is over-committed');
    expect(steps).toEqual([
      'Deliver batch → cell: sync',
      'Deliver cell → batch: snapshot(n1@0 n2@0 n3@0)',
      'Deliver service → cell: sync',
      'Deliver batch → cell: commit(t1 → n1@0)',
      'Deliver cell → service: snapshot(n1@0 n2@0 n3@0)', // taken before t1's commit
      'Deliver service → cell: commit(t2 → n1@0)', // accepted although n1 is at version 1
    ]);
  });
});
