/**
 * Shrinks a violating walk with fast-check: the choices the walk consumed are given to `fc.check`
 * as its one example, and fast-check's shrinker (shorter arrays, choices toward 0 — see
 * `choices.ts`) keeps any smaller walk that still violates the same property.
 */
import { KripkeError } from '../../spec/errors.ts';
import { shrinkArbitrary, type WalkChoices } from './choices.ts';
import { fastCheck } from './fast-check.ts';
import type { Walker } from './walker.ts';

export interface Shrunk {
  readonly choices: WalkChoices;
  /** Walks replayed while shrinking. */
  readonly attempts: number;
}

export function shrinkWalk<S>(walker: Walker<S>, found: WalkChoices, property: string, seed: number): Shrunk {
  let attempts = 0;
  const stillViolates = ([init, steps]: WalkChoices): boolean => {
    attempts++;
    try {
      return walker.walk(init, steps)?.property !== property;
    } catch (e) {
      if (e instanceof KripkeError) return true; // a different failure is not this counterexample
      throw e;
    }
  };
  const fc = fastCheck();
  const details = fc.check(fc.property(shrinkArbitrary(found[1].length), stillViolates), {
    seed,
    numRuns: 1,
    examples: [[found]],
  });
  const shrunk = details.counterexample?.[0] ?? found;
  return { choices: shrunk, attempts };
}
