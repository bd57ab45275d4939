/**
 * The chooser skips candidates it found disabled before in the same state (`disabled-memo.ts`);
 * strict mode runs every action at every step and never skips. On random specs of every kind,
 * both must take exactly the same walks: the same verdict and path, the same steps and coverage.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shapeOf } from '../equivalence/arbitraries.ts';
import { KINDS } from '../equivalence/part.ts';
import { partOf } from '../equivalence/random-specs.ts';
import { formatPath } from '../path.ts';
import type { CheckResult } from '../result.ts';
import { defineSpec } from '../../spec/define.ts';
import { check } from '../check.ts';

function walks(result: CheckResult) {
  const sim = result.stats.simulation;
  return {
    status: result.status,
    violations: 'violations' in result ? result.violations.map((v) => [v.property, v.path && formatPath(v.path)]) : [],
    runs: sim?.runs,
    steps: sim?.steps,
    distinct: result.stats.distinctStates,
    coverage: result.stats.coverage.map((c) => [c.action, c.fired, c.found]),
  };
}

describe('the disabled-candidate memo', () => {
  it('takes the same walks as strict mode, which runs every guard', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KINDS).chain(shapeOf), fc.nat(1000), (shape, seed) => {
        const { spec } = partOf(shape, 0);
        const options = { engine: 'random', seed, runs: 150, depth: 12 } as const;
        expect(walks(check(spec, options))).toEqual(walks(check(spec, { ...options, strict: true })));
      }),
      { numRuns: 60 },
    );
  });

  it('is not used where the fingerprint leaves out what a guard reads (a view)', () => {
    // The view drops `armed`, which `fire`'s guard reads: (0, false) and (0, true) share a fingerprint.
    const spec = defineSpec({
      name: 'hidden-guard',
      init: () => [{ x: 0, armed: false }],
      view: (s) => s.x,
      actions: {
        arm: { next: (s) => ({ ...s, armed: true }) },
        fire: { next: (s) => (s.armed ? { x: s.x + 1, armed: false } : undefined) },
      },
      properties: ({ always }) => [always('never fired', (s) => s.x === 0)],
    });
    const options = { engine: 'random', seed: 3, runs: 20, depth: 6 } as const;
    const plain = check(spec, options);
    expect(plain.status).toBe('violation');
    expect(walks(plain)).toEqual(walks(check(spec, { ...options, strict: true })));
  });
});
