import { describe, expect, it } from 'vitest';
import { check } from '../../checker/index.ts';
import { checkDefault, counterexample } from '../test-support.ts';
import { autoscaler, autoscalerSpec, type AutoscalerConfig } from './autoscaler.ts';

const defaults: AutoscalerConfig = { maxNodes: 3, tasks: 3, window: 2, threshold: 60 };

describe('autoscaler (up to 3 nodes, tasks t1…t3, a window of 2 ticks)', () => {
  it('the default passes safety and liveness: 1,814 states, BFS = DFS, strict', () => {
    expect(checkDefault(autoscaler, { strict: true })).toEqual({
      status: ['pass', 'pass'],
      bfs: [1814, 5985, 21],
      dfs: [1814, 5985],
    });
  });

  it('no-drain: n1 is deleted with t3 on it (5 steps)', () => {
    const { property, steps } = counterexample(autoscalerSpec(defaults, 'no-drain'));
    expect(property).toBe('a drained node runs nothing when removed');
    expect(steps).toEqual(['schedule("t3")', 'scaleUp', 'tick', 'tick', 'scaleDown("n1")']);
  });

  it('flapping-thresholds: under steady load n3 is drained and added back for ever (a lasso)', () => {
    const found = counterexample(autoscalerSpec(defaults, 'flapping-thresholds'));
    expect(found).toMatchObject({ property: 'the autoscaler converges', kind: 'liveness', loop: 3 });
    expect(found.steps).toEqual([
      'schedule("t1")',
      'scaleUp',
      'schedule("t2")', // the cycle starts after these
      'scaleUp',
      'schedule("t3")',
      'tick',
      'tick',
      'scaleDown("n3")',
      'evict("t3")',
      'remove("n3")',
    ]);
    expect(check(autoscalerSpec(defaults, 'flapping-thresholds'), { liveness: false }).status).toBe('pass'); // safe, only never settles
  });

  it('window-reset (#16275): the status update clears the last scale time and n2 goes inside the window (4 steps)', () => {
    const { property, steps } = counterexample(autoscalerSpec(defaults, 'window-reset'));
    expect(property).toBe('no scale-down inside the stabilisation window');
    expect(steps).toEqual(['schedule("t1")', 'scaleUp', 'statusUpdate', 'scaleDown("n2")']);
  });

  it('without a window the correct autoscaler still converges, and may scale down at once', () => {
    expect(check(autoscalerSpec({ ...defaults, window: 0 })).status).toBe('pass');
  });
});

describe('the autoscaler protocol', () => {
  it('lists the variants of the issue', () => {
    expect(Object.keys(autoscaler.variants)).toEqual(['correct', 'no-drain', 'flapping-thresholds', 'window-reset']);
  });
});
