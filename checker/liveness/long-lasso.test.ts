/** Long lassos are rebuilt exactly (their cost is in `npm run bench -- long-lasso`). */
import { describe, expect, it } from 'vitest';
import { check } from '../check.ts';
import { longLasso } from './long-lasso-fixture.ts';

const lassoOf = (shape: 'cycle' | 'prefix', n: number) => {
  const result = check(longLasso(n, shape));
  if (result.status !== 'violation') throw new Error(`expected a violation, got ${result.status}`);
  const [v] = result.violations;
  return { steps: v!.path!.steps.length, loop: v!.loop, actions: new Set(v!.path!.steps.map((s) => s.action)) };
};

describe('long lassos', () => {
  it('a cycle of 50,000 steps: every step taken once, looping back to the first state', () => {
    expect(lassoOf('cycle', 50_000)).toEqual({ steps: 50_000, loop: 0, actions: new Set([0]) });
  });

  it('a prefix of 50,000 steps, then stuttering at the last state', () => {
    expect(lassoOf('prefix', 50_000)).toEqual({ steps: 50_000, loop: 50_000, actions: new Set([0]) });
  });
});
