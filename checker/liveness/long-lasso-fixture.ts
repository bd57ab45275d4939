/**
 * A liveness counterexample as long as asked for (the lasso-reconstruction benchmark and test):
 * `cycle` — x runs round a ring of n states under weak fairness, so the lasso is one n-step cycle;
 * `prefix` — x counts up to n and stops, so the lasso is an n-step prefix, then stuttering.
 */
import { defineSpec } from '../../spec/define.ts';
import { weak } from '../../spec/fairness.ts';
import { eventually } from '../../spec/properties.ts';

export function longLasso(n: number, shape: 'cycle' | 'prefix') {
  return defineSpec({
    name: `long-lasso-${shape}`,
    init: () => [{ x: 0 }],
    actions: {
      tick: {
        next: (s: { x: number }) => (shape === 'cycle' ? { x: (s.x + 1) % n } : s.x < n ? { x: s.x + 1 } : undefined),
      },
    },
    properties: [eventually('goes negative', (s: { x: number }) => s.x < 0)],
    terminal: () => true,
    fairness: [weak('tick')],
  });
}
