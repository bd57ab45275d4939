/**
 * Every engine gives the same answer (issue 12), on random specs of every kind: plain (records,
 * arrays, Sets and Maps of records), interned records, a state constraint, a view, liveness
 * with fairness, symmetry, actor systems and packed layouts.
 *
 * Each random spec is checked alone by BFS and DFS against a reference explorer that keys states
 * by canonical strings (and, for liveness, the brute-force oracle); then a bundle of them — their
 * disjoint union, rebuilt by each worker from `random-specs.ts` — is checked by BFS and by two
 * workers, and each spec's share of the bundle (its actions' coverage, its verdicts) must equal
 * its own run. A worker takes about a second to start, so a bundle of five to eight specs makes
 * one parallel run: four bundles per group are 20 parallel runs, about 130 random specs
 * (roughly 10–25 of each kind, all also under two workers) in about half a minute — as many as
 * fit in the time `npm test` can spare. Each run draws new specs; a failure prints the seed to replay it.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { checkAlone, checkBundle } from './compare.ts';
import type { Kind } from './part.ts';
import { shapeOf } from './arbitraries.ts';
import { GROUPS, type Group, partNumber, partOf, type Shape } from './random-specs.ts';

const BUNDLES_PER_GROUP = 4;
/** Shrinking costs a worker start per try: after the first failure, shrink this long, then report the smallest bundle found. */
const SHRINK_MS = 10_000;

interface Bundle {
  readonly shapes: readonly Shape[];
  readonly maxDepth: number | undefined;
}

function bundle(kinds: readonly Kind[]): fc.Arbitrary<Bundle> {
  const shape = fc.oneof(...kinds.map((k) => shapeOf(k)));
  return fc.record({
    // One spec of each kind of the group, then more of any: five to eight in all.
    shapes: fc
      .tuple(
        fc.tuple(...kinds.map((k) => shapeOf(k))),
        fc.array(shape, { minLength: 5 - kinds.length, maxLength: 8 - kinds.length }),
      )
      .map(([each, more]) => [...each, ...more]),
    maxDepth: fc.option(fc.integer({ min: 2, max: 6 }), { nil: undefined, freq: 3 }),
  });
}

/** Every difference between the engines on one bundle, each naming the part, its kind and the engines. */
function disagreements({ shapes, maxDepth }: Bundle): string[] {
  const parts = shapes.map((s, i) => partOf(s, partNumber(i)));
  const alone = parts.map((p) => checkAlone(p, maxDepth));
  const found = alone.flatMap((a, i) => [
    ...a.differences.map((d) => `part ${i} (${parts[i]!.kind}), alone: ${d}`),
    ...(parts[i]!.kind === 'liveness' && a.undecided.length > 0
      ? [`part ${i} (liveness): the oracle cannot decide ${a.undecided.join(', ')}`]
      : []),
  ]);
  return [...found, ...checkBundle(shapes, parts, alone, maxDepth)];
}

function withShrinkBudget<T>(ms: number, property: (t: T) => void): (t: T) => void {
  let failedAt: number | undefined;
  return (t) => {
    if (failedAt !== undefined && performance.now() - failedAt > ms) return;
    try {
      property(t);
    } catch (e) {
      failedAt ??= performance.now();
      throw e;
    }
  };
}

describe('BFS, DFS, two workers and the liveness graph agree on random specs', () => {
  it.each(Object.entries(GROUPS) as [Group, readonly Kind[]][])(
    '%s specs (%j)',
    (group, kinds) => {
      fc.assert(
        fc.property(
          bundle(kinds),
          withShrinkBudget(SHRINK_MS, (b) => {
            const found = disagreements(b);
            if (found.length > 0) {
              throw new Error(
                `engines disagree on a bundle of ${group} specs${b.maxDepth ? ` (max depth ${b.maxDepth})` : ''}:\n  ${found.join('\n  ')}`,
              );
            }
          }),
        ),
        { numRuns: BUNDLES_PER_GROUP },
      );
    },
    120_000,
  );
});
