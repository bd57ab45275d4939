/**
 * The disk store gives the in-memory BFS's answer, exactly: on random specs of every kind (plain,
 * interned records, constraint, view, liveness, symmetry, actors, packed), with a budget so small
 * that the store goes to disk before the first state and flushes every few dozen fingerprints, the
 * whole result must be equal — status, distinct and generated states, depth, queued, per-action
 * coverage, every violation with its path (so the same shortest counterexample), every example —
 * with and without `continue`, and under a depth bound.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from '../check.ts';
import type { CheckOptions } from '../options.ts';
import type { CheckResult } from '../result.ts';
import { shapeOf } from '../equivalence/arbitraries.ts';
import { KINDS } from '../equivalence/part.ts';
import { partOf } from '../equivalence/random-specs.ts';
import { twoPhaseSpec } from '../../model/transaction-commit/two-phase.ts';

/** Everything a user reads off a result, but time, memory and the disk store's own figures. */
function answer(result: CheckResult) {
  const { elapsedMs: _t, storeBytes: _b, disk: _d, ...stats } = result.stats;
  return { ...result, stats };
}

const TINY = { store: 'disk', memoryBytes: 2048 } as const;

describe('the disk store', () => {
  it('gives the in-memory answer on random specs of every kind', () => {
    fc.assert(
      fc.property(
        fc.oneof(...KINDS.map((k) => shapeOf(k))),
        fc.option(fc.integer({ min: 2, max: 6 }), { nil: undefined }),
        fc.boolean(),
        (shape, maxDepth, keepGoing) => {
          const { spec } = partOf(shape, 1);
          // Liveness keeps its graph in memory: it is not checked once the store went to disk (below).
          const options: CheckOptions = { maxDepth, continue: keepGoing, liveness: false };
          const disk = check(spec, { ...options, ...TINY });
          expect(answer(disk)).toEqual(answer(check(spec, options)));
          if (disk.stats.distinctStates > 50) expect(disk.stats.disk!.flushes).toBeGreaterThan(0);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('puts the queue alone on disk when the heap outgrows its share, the fingerprints still in memory', () => {
    // A quarter of 64 MB is less than the heap of a test process: the queue goes to disk at the
    // first look (after 1,024 states), while 8,832 fingerprints are far from filling the table.
    const spec = twoPhaseSpec(5);
    const disk = check(spec, { store: 'disk', memoryBytes: 64 * 2 ** 20 });
    expect([disk.stats.disk!.spilledAtStates, disk.stats.disk!.queueBytes > 0]).toEqual([null, true]);
    expect(answer(disk)).toEqual(answer(check(spec)));
    expect([disk.stats.distinctStates, disk.stats.generatedStates, disk.stats.depth]).toEqual([8832, 58146, 17]);
  });
});
