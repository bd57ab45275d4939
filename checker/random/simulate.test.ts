import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../spec/define.ts';
import { check } from '../check.ts';
import { formatPath } from '../path.ts';
import type { CheckResult } from '../result.ts';
import { boundedSpec, counterSpec, jumpSpec, stopsAtThreeSpec, throwingSpec } from './fixtures.ts';

function only(result: CheckResult) {
  if (result.status !== 'violation') throw new Error(`expected a violation, got ${result.status}`);
  expect(result.violations).toHaveLength(1);
  return result.violations[0]!;
}

describe('random engine', () => {
  it('finds a violation and shrinks it to a shortest walk, the same for the same seed', () => {
    const first = check(counterSpec(), { engine: 'random', seed: 1 });
    const again = check(counterSpec(), { engine: 'random', seed: 1 });
    const violation = only(first);
    expect(violation.property).toBe('below10');
    expect(violation.kind).toBe('invariant');
    // add(2) add(3) add(2) add(3): four steps is the fewest that reach 10.
    expect(formatPath(violation.path!)).toBe('0/2:0/2:1/2:0/2:1');
    expect(first.stats.simulation?.shrink).toEqual({
      property: 'below10',
      originalSteps: 7,
      shrunkSteps: 4,
      attempts: 483,
      foundInWalk: 1,
    });
    expect(formatPath(only(again).path!)).toBe('0/2:0/2:1/2:0/2:1');
    expect(again.stats.simulation?.shrink).toEqual(first.stats.simulation?.shrink);
  });

  it('pins the walks a seed draws (the generator is part of the contract)', () => {
    const result = check(counterSpec(), { engine: 'random', seed: 2, properties: ['five'], runs: 50, depth: 20 });
    expect(result.status).toBe('incomplete');
    const sim = result.stats.simulation!;
    expect([sim.runs, sim.steps, sim.deepestWalk]).toEqual([50, 990, 20]);
    expect(result.stats.coverage.map((c) => [c.action, c.fired, c.found])).toEqual([
      ['inc', 199, 4],
      ['dec', 137, 4],
      ['add', 456, 18],
      ['reset', 198, 0],
    ]);
    expect(result.stats.distinctStates).toBe(27);
    expect(sim.sometimes).toEqual([{ property: 'five', walks: 41 }]);
    expect(result.examples.map((e) => formatPath(e.path!))).toEqual(['0/2:1/2:0']);
  });

  it('reports coverage consistent with the walks taken', () => {
    const result = check(counterSpec(), { engine: 'random', seed: 3, properties: [], runs: 300, depth: 60 });
    const { stats } = result;
    const sim = stats.simulation!;
    expect(sim.runs).toBe(300);
    expect(stats.coverage.reduce((sum, c) => sum + c.fired, 0)).toBe(sim.steps);
    expect(stats.generatedStates).toBe(sim.steps + sim.runs);
    // Each distinct state is the initial one or was first found by one action.
    expect(stats.coverage.reduce((sum, c) => sum + c.found, 0)).toBe(stats.distinctStates - 1);
    expect(stats.distinctStates).toBeLessThanOrEqual(51);
    expect(stats.depth).toBe(sim.deepestWalk + 1);
    expect(result.status === 'incomplete' && result.reason).toMatch(/not exhaustive: 300 walks of up to 60 steps/);
  });

  it('reports a deadlock, unless the state is terminal or deadlocks are not checked', () => {
    const deadlock = only(check(stopsAtThreeSpec(false), { engine: 'random', seed: 5 }));
    expect(deadlock.kind).toBe('deadlock');
    expect(formatPath(deadlock.path!)).toBe('0/0:0/0:0/0:0');
    expect(check(stopsAtThreeSpec(true), { engine: 'random', seed: 5, runs: 20 }).status).toBe('incomplete');
    expect(check(stopsAtThreeSpec(false), { engine: 'random', seed: 5, runs: 20, checkDeadlock: false }).status).toBe(
      'incomplete',
    );
  });

  it('checks action properties on every step', () => {
    const violation = only(check(jumpSpec(), { engine: 'random', seed: 8 }));
    expect(violation).toMatchObject({ property: 'smallSteps', kind: 'step', propertyKind: 'alwaysStep' });
    expect(formatPath(violation.path!)).toBe('0/0:0/0:0/0:0/1:0');
  });

  it('stops a walk at a state outside the constraint, after checking it', () => {
    const result = check(boundedSpec(), { engine: 'random', seed: 9, runs: 100 });
    expect(result.status).toBe('incomplete');
    expect(result.stats.distinctStates).toBe(5); // x = 0..4; x = 5 is outside and never stored
    expect(result.stats.simulation!.deepestWalk).toBe(5);
  });

  it('turns a throwing action into an error naming the action and the path to it', () => {
    const result = check(throwingSpec(), { engine: 'random', seed: 1 });
    expect(result.status).toBe('error');
    if (result.status !== 'error') return;
    expect(result.error.code).toBe('action-threw');
    expect(result.error.where).toMatchObject({ model: 'throwing', action: 'inc' });
    expect(formatPath(result.at!)).toBe('0/0:0/0:0');
  });

  it('rejects bad random options with a named configuration error', () => {
    for (const options of [
      { seed: -1 },
      { seed: 1.5 },
      { runs: 0 },
      { depth: 2.5 },
      { shard: { index: 3, count: 2 } },
      { runs: Infinity },
    ]) {
      const result = check(counterSpec(), { engine: 'random', ...options });
      expect(result.status).toBe('error');
      if (result.status === 'error') expect(result.error.code).toBe('invalid-config');
    }
  });

  it('stops at the time limit when no run count is given', () => {
    const result = check(counterSpec(), { engine: 'random', seed: 4, properties: [], timeLimitMs: 200 });
    expect(result.status).toBe('incomplete');
    expect(result.stats.simulation!.runsRequested).toBeNull();
    expect(result.stats.simulation!.runs).toBeGreaterThan(0);
    expect(result.status === 'incomplete' && result.reason).toMatch(/time limit 200 ms/);
    // It ran the first `runs` walks of the seed, so `runs` alone repeats exactly those walks.
    const again = check(counterSpec(), {
      engine: 'random',
      seed: 4,
      properties: [],
      runs: result.stats.simulation!.runs,
    });
    expect(again.stats.coverage).toEqual(result.stats.coverage);
  });

  it('says which liveness properties random walks leave unchecked', () => {
    const spec = defineSpec({
      name: 'ticker',
      init: () => [{ x: 0 }],
      actions: { tick: { next: (s) => ({ x: (s.x + 1) % 3 }) } },
      properties: ({ always, eventually }) => [always('small', (s) => s.x < 3), eventually('wraps', (s) => s.x === 2)],
    });
    const result = check(spec, { engine: 'random', seed: 1, runs: 5 });
    expect(result.stats.simulation!.livenessNotChecked).toEqual(['wraps']);
    expect(result.status === 'incomplete' && result.reason).toMatch(
      /liveness properties are not checked by random walks: wraps$/,
    );
  });

  it('draws the same walks in strict mode, and catches an impure action there', () => {
    const plain = check(counterSpec(), { engine: 'random', seed: 1 });
    const strict = check(counterSpec(), { engine: 'random', seed: 1, strict: true });
    expect(strict.stats.simulation?.shrink).toEqual(plain.stats.simulation?.shrink);
    const impure = defineSpec({
      name: 'impure',
      init: () => [{ xs: [0] }],
      actions: {
        grow: {
          next: (s) => {
            s.xs.push(1);
            return { xs: s.xs };
          },
        },
      },
    });
    const result = check(impure, { engine: 'random', seed: 1, strict: true });
    expect(result.status === 'error' && result.error.code).toBe('state-mutated');
  });
});
