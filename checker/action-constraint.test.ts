/**
 * Action constraints with TLC's semantics, found by running TLC (tla2tools 1.8.0, one worker) on the
 * specs of `tlc-fixtures.ts` with and without `ACTION_CONSTRAINT ActCon`, and pinned here for every
 * engine: BFS, DFS, two workers, random walks, and the liveness graph. What TLC showed:
 * - a step the constraint rejects is counted as generated (and in its action's coverage), and its
 *   successor is checked against invariants and action properties — but not stored, not explored;
 * - a state whose only steps are rejected is not a deadlock;
 * - for fairness the rejected step's action stays enabled (ENABLED ignores the constraint), while
 *   no behaviour can take the step (it is not an edge of the liveness graph).
 */
import { describe, expect, it } from 'vitest';
import { buildTrace } from '../counterexamples/trace.ts';
import type { Spec } from '../spec/types.ts';
import { check } from './check.ts';
import type { CheckOptions } from './options.ts';
import type { CheckResult } from './result.ts';
import * as fixtures from './tlc-fixtures.ts';

const MODULE = new URL('./tlc-fixtures.ts', import.meta.url).href;

/** The same check on BFS, DFS and two workers: the options for each, the worker one loading `exportName`. */
function engines(exportName: string): CheckOptions[] {
  return [
    { engine: 'bfs' },
    { engine: 'dfs' },
    { engine: 'bfs', workers: 2, specSource: { module: MODULE, exportName } },
  ];
}

const figures = (r: CheckResult) => ({
  status: r.status,
  distinct: r.stats.distinctStates,
  generated: r.stats.generatedStates,
  depth: r.stats.depth,
});
const labels = <S>(spec: Spec<S>, r: CheckResult) =>
  r.status === 'violation' ? buildTrace(spec, r.violations[0]!.path!).steps.map((s) => s.action?.name ?? 'init') : [];

describe('ACTION_CONSTRAINT as TLC does it (AC.tla: IncX, IncY on a 4 x 4 grid; ActCon forbids x: 1 -> 2)', () => {
  it('without it: 16 distinct, 25 generated, depth 7, and the deadlock at (3, 3)', () => {
    for (const options of engines('gridSpec')) {
      expect(figures(check(fixtures.gridSpec, { ...options, checkDeadlock: false }))).toEqual({
        status: 'pass',
        distinct: 16,
        generated: 25,
        depth: 7,
      });
      const deadlock = check(fixtures.gridSpec, options);
      expect(deadlock.status === 'violation' && deadlock.violations[0]!.kind).toBe('deadlock');
    }
  });

  it('with it: 8 distinct, 15 generated (rejected steps count), depth 5, and no deadlock at (1, 3)', () => {
    for (const options of engines('gridConstrained')) {
      const result = check(fixtures.gridConstrained, options);
      expect(figures(result)).toEqual({ status: 'pass', distinct: 8, generated: 15, depth: 5 });
      // TLC -coverage 1: IncX 1:8 (its 4 rejected steps included), IncY 6:6.
      expect(result.stats.coverage.map((c) => [c.action, c.fired])).toEqual([
        ['incX', 8],
        ['incY', 6],
      ]);
    }
    expect(check(fixtures.gridConstrained).stats.coverage).toEqual([
      { action: 'incX', fired: 8, found: 1 },
      { action: 'incY', fired: 6, found: 6 },
    ]);
  });

  it('is not the same as disabling the step: that generates fewer states and deadlocks at (1, 3)', () => {
    expect(figures(check(fixtures.gridDisabled, { checkDeadlock: false }))).toEqual({
      status: 'pass',
      distinct: 8,
      generated: 11,
      depth: 5,
    });
    const result = check(fixtures.gridDisabled);
    expect(
      result.status === 'violation' &&
        buildTrace(fixtures.gridDisabled, result.violations[0]!.path!).steps.at(-1)!.state,
    ).toEqual({ x: 1, y: 3 });
  });

  it('checks invariants on the successor of a rejected step (TLC: NotTwo violated, 4 generated, 3 distinct, depth 2)', () => {
    for (const options of engines('gridConstrainedInvariant').filter((o) => o.engine === 'bfs')) {
      const result = check(fixtures.gridConstrainedInvariant, options);
      expect(figures(result)).toEqual({ status: 'violation', distinct: 3, generated: 4, depth: 2 });
      expect(labels(fixtures.gridConstrainedInvariant, result)).toEqual(['init', 'incX', 'incX']);
    }
    expect(check(fixtures.gridConstrainedInvariant, { engine: 'dfs' }).status).toBe('violation');
    expect(check(fixtures.gridConstrainedInvariant, { engine: 'random', seed: 3 }).status).toBe('violation');
  });

  it('checks action properties on a rejected step (TLC: StepProp violated, 3 generated, 2 distinct, depth 2)', () => {
    const result = check(fixtures.counterWeakConstrained, { properties: ['StepProp'] });
    expect(figures(result)).toEqual({ status: 'violation', distinct: 2, generated: 3, depth: 2 });
    expect(labels(fixtures.counterWeakConstrained, result)).toEqual(['init', 'incX', 'incX']);
  });
});

describe('action constraints and fairness, as TLC does it', () => {
  it('a rejected step keeps its action enabled: under WF or SF of IncX, <>(x = 3) holds vacuously (TLC: success)', () => {
    for (const spec of [fixtures.counterWeakConstrained, fixtures.counterStrongConstrained]) {
      const result = check(spec, { properties: ['Reach3'] });
      expect(figures(result)).toEqual({ status: 'pass', distinct: 2, generated: 3, depth: 2 });
      expect(result.notes?.join(' ')).toMatch(/the action constraint excluded 1 step: .* a pass may be vacuous/);
      expect(result.stats.liveness?.excludedSteps).toBe(1);
    }
    // Without the constraint: 4 / 4 / 4, pass; without fairness: the system stops at x = 1 (TLC: 0 -> 1, stuttering).
    expect(figures(check(fixtures.counterWeak, { properties: ['Reach3'] }))).toEqual({
      status: 'pass',
      distinct: 4,
      generated: 4,
      depth: 4,
    });
    const unfair = check(fixtures.counterUnfairConstrained, { properties: ['Reach3'] });
    expect(
      unfair.status === 'violation' && [unfair.violations[0]!.path!.steps.length, unfair.violations[0]!.loop],
    ).toEqual([0, 0]);
  });

  it('a rejected step is no edge: WF(A) with A: 0 -> 1 rejected forces B: 0 -> 2, so <>(x = 2) holds (TLC: success)', () => {
    expect(figures(check(fixtures.detourFairConstrained))).toEqual({
      status: 'pass',
      distinct: 3,
      generated: 4,
      depth: 3,
    });
    // Without the constraint A can be taken: 0 -> 1, then stuttering (TLC's counterexample exactly).
    const free = check(fixtures.detourFair);
    expect(free.status).toBe('violation');
    expect(labels(fixtures.detourFair, free)).toEqual(['init', 'a']);
    // Without fairness the system may stay at 0 (TLC: State 1, then stuttering).
    const unfair = check(fixtures.detourUnfairConstrained);
    expect(unfair.status === 'violation' && unfair.violations[0]!.path!.steps.length).toBe(0);
  });
});
