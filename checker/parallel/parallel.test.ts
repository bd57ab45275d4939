/**
 * Parallel BFS (two threads) against one thread on the ring fixture: identical distinct and
 * generated counts, depth and per-action firings; a shortest counterexample (same length as
 * one thread's) that replays to a violating state; clear errors when the spec cannot be rebuilt.
 */
import { describe, expect, it } from 'vitest';
import { buildTrace } from '../../counterexamples/trace.ts';
import { check } from '../check.ts';
import { grid, packedGrid, ring } from './fixture-spec.ts';

const module = new URL('./fixture-spec.ts', import.meta.url).href;
const source = (settings: Record<string, number | boolean>) => ({ module, exportName: 'ring', settings });

describe('parallel BFS', () => {
  it('finds exactly the states, steps and depth of one thread (the shared store grows on the way)', () => {
    const settings = { size: 12, tokens: 3 };
    const spec = ring.instantiate(settings);
    const one = check(spec);
    const two = check(spec, { workers: 2, specSource: source(settings) });
    expect(one.status).toBe('pass');
    expect(two.status).toBe('pass');
    expect([two.stats.distinctStates, two.stats.generatedStates, two.stats.depth]).toEqual([39_695, 185_475, 25]);
    expect([one.stats.distinctStates, one.stats.generatedStates, one.stats.depth]).toEqual([39_695, 185_475, 25]);
    // Each action fires as often; which action first finds a state depends on which thread got there first.
    expect(two.stats.coverage.map((c) => c.fired)).toEqual(one.stats.coverage.map((c) => c.fired));
    const found = (r: typeof one) => r.stats.coverage.reduce((n, c) => n + c.found, 0);
    expect(found(two)).toBe(found(one));
    expect(two.stats.engine).toBe('bfs (2 workers)');
  }, 30_000);

  it('takes an initial level of 62,500 states, larger than the store starts with', () => {
    const spec = grid.instantiate({ side: 250 });
    const one = check(spec);
    const two = check(spec, { workers: 2, specSource: { module, exportName: 'grid', settings: { side: 250 } } });
    expect(two.status).toBe('pass');
    // (side + 2)² points, generated: the initial states plus every step right or up inside the grid
    expect([two.stats.distinctStates, two.stats.generatedStates, two.stats.depth]).toEqual([
      63_504,
      62_500 + 2 * 251 * 252,
      5,
    ]);
    expect([one.stats.distinctStates, one.stats.generatedStates, one.stats.depth]).toEqual([
      63_504,
      62_500 + 2 * 251 * 252,
      5,
    ]);
    // The shared store costs about what one thread's does: 15–17 bytes a state (fingerprint table and parent links).
    expect(two.stats.storeBytes / two.stats.distinctStates).toBeLessThan(16);
  }, 30_000);

  it('reports a shortest counterexample that replays', () => {
    const settings = { size: 10, tokens: 3, bug: true };
    const spec = ring.instantiate(settings);
    const one = check(spec);
    const two = check(spec, { workers: 2, specSource: source(settings) });
    if (one.status !== 'violation' || two.status !== 'violation')
      throw new Error(`expected violations, got ${one.status}, ${two.status}`);
    const path = two.violations[0]!.path!;
    expect(two.violations[0]!.property).toBe('NotAllVisited');
    expect(path.steps.length).toBe(one.violations[0]!.path!.steps.length);
    expect(path.steps.length).toBe(7);
    const trace = buildTrace(spec, path, { property: 'NotAllVisited' });
    const last = trace.steps.at(-1)!.state as { visited: ReadonlySet<number> };
    expect(last.visited.size).toBe(10);
  }, 30_000);

  describe('a packed spec (the threads share each level)', () => {
    const side = 150;
    const settings = (s: Record<string, number>) => ({ side, ...s });
    const run = (s: Record<string, number>, workers: number) =>
      check(packedGrid.instantiate(settings(s)), {
        workers,
        specSource: { module, exportName: 'packedGrid', settings: settings(s) },
      });
    const counts = (r: ReturnType<typeof check>) => [r.stats.distinctStates, r.stats.generatedStates, r.stats.depth];

    it('counts what one thread counts with two and three threads, though every initial state is in one share', () => {
      // (side + 2)² points; generated: the initial states plus every step right or up inside the grid
      const expected = [(side + 2) ** 2, side ** 2 + 2 * (side + 1) * (side + 2), 5];
      expect(counts(run({}, 1))).toEqual(expected);
      for (const workers of [2, 3]) {
        const many = run({}, workers);
        expect(many.status).toBe('pass');
        expect(counts(many)).toEqual(expected);
      }
    }, 60_000);

    it('reports a shortest counterexample, and a model error with the path to the state it came from', () => {
      // Only the far corner (side + 1, side + 1) violates: 4 steps from the nearest start.
      const violation = run({ failAt: 2 * side + 2 }, 2);
      if (violation.status !== 'violation') throw new Error(`expected a violation, got ${violation.status}`);
      expect(violation.violations[0]!.property).toBe('BelowFailAt');
      expect(violation.violations[0]!.path!.steps.length).toBe(4);
      // The model throws on the points next to the corner, 3 steps from the nearest start.
      const failed = run({ throwAt: 2 * side + 1 }, 2);
      if (failed.status !== 'error') throw new Error(`expected an error, got ${failed.status}`);
      expect(failed.error.message).toMatch(/no step from \((150, 151|151, 150)\)/);
      expect(failed.at?.steps.length).toBe(3);
    }, 60_000);

    it('names a worker that rebuilt another spec, though the coordinator went on without it', () => {
      // The coordinator explores while the workers start; whatever it finds, a worker that cannot
      // rebuild the very same spec makes the run an error.
      for (const failAt of [-1, 2 * side + 2]) {
        const wrong = check(packedGrid.instantiate(settings({ failAt })), {
          workers: 2,
          specSource: { module, exportName: 'packedGrid', settings: { side: side + 1, failAt } },
        });
        expect(wrong.status === 'error' && wrong.error.message).toMatch(
          /^worker thread 1 rebuilt 'packed-grid' from .* differently from the main thread: /,
        );
      }
    }, 60_000);
  });

  it('needs a spec source, and names a module that cannot rebuild the spec', () => {
    const spec = ring.instantiate({ size: 5, tokens: 2 });
    const missing = check(spec, { workers: 2 });
    expect(missing.status === 'error' && missing.error.message).toMatch(/workers=2 needs a spec source/);
    const wrong = check(spec, { workers: 2, specSource: { module, exportName: 'nothing' } });
    expect(wrong.status === 'error' && wrong.error.message).toMatch(
      /cannot rebuild the spec from .*fixture-spec.ts: it has no export 'nothing'/,
    );
    // Same name and actions, other settings: the same initial state, but its successors differ.
    const other = check(spec, { workers: 2, specSource: source({ size: 6, tokens: 2 }) });
    expect(other.status === 'error' && other.error.message).toBe(
      `worker thread 1 rebuilt 'ring' from ${module} differently from the ` +
        'main thread: successor 3 of initial state #0 (left, parameter #0) has another fingerprint. The spec source must rebuild the very same spec (same ' +
        'settings and variant), and the model must not depend on anything but its state (no clock, no randomness, no module-level state)',
    );
    expect(check(spec, { workers: 2, engine: 'dfs', specSource: source({}) }).status).toBe('error');
  }, 30_000);
});
