/**
 * A walk is a sequence of choices, and fast-check generates and shrinks that sequence:
 *
 * - the walk starts at initial state `init mod (number of initial states)`;
 * - at each state, choice `c > 0` takes one enabled (action, parameter) pair, each equally likely
 *   over random `c` (see `chooser.ts`): first candidate `(c - 1) mod C` of the state's `C`
 *   candidates in spec order (actions as declared, parameters in domain order), then candidates
 *   drawn from `c` by hashing until one is enabled;
 * - choice `0` is skipped: it takes no step.
 *
 * So fast-check's shrinking — shorter arrays, values toward 0 — means shorter walks (a choice
 * shrunk to 0 deletes its step) and, for small choices, earlier actions and parameters. This
 * interpretation is part of the contract: with fast-check pinned, a seed gives the same walks in
 * every version of Kripke (tests pin them).
 */
import type { Arbitrary } from 'fast-check';
import { fastCheck } from './fast-check.ts';

export const SKIP = 0;

/** An initial-state choice and `depth` step choices. */
export type WalkChoices = [init: number, steps: number[]];

export function walkArbitrary(depth: number): Arbitrary<WalkChoices> {
  const fc = fastCheck();
  return fc.tuple(fc.nat(), fc.array(fc.nat(), { minLength: depth, maxLength: depth }));
}

/** For shrinking: walks of at most `length` choices. */
export function shrinkArbitrary(length: number): Arbitrary<WalkChoices> {
  const fc = fastCheck();
  return fc.tuple(fc.nat(), fc.array(fc.nat(), { maxLength: length }));
}

/**
 * Which of the `n` enabled pairs choice `c` (> 0) takes. A swarm shard leaves `excluded` actions
 * out (`undefined`: none), unless they are all that is enabled (a walk never stops early because of its shard).
 */
export function pickEnabled(
  c: number,
  n: number,
  actions: readonly number[],
  excluded: readonly boolean[] | undefined,
): number {
  const k = (c - 1) % n;
  if (excluded === undefined) return k;
  let allowed = 0;
  for (let i = 0; i < n; i++) if (!excluded[actions[i]!]) allowed++;
  if (allowed === 0) return k;
  let wanted = (c - 1) % allowed;
  for (let i = 0; i < n; i++) {
    if (!excluded[actions[i]!] && wanted-- === 0) return i;
  }
  return k;
}
