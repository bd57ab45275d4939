/**
 * Proof that a worker rebuilt the spec being checked: the fingerprints of the initial states and
 * of the first initial states' successors, computed by the coordinator and again by each worker
 * before it explores. A spec rebuilt from other settings, a model that reads the clock or
 * module-level state, or identity that depends on the thread — each shows up here, named, before
 * it can change a count.
 */
import type { Successors } from '../successors.ts';
import { formatValue } from '../format-value.ts';

/** How many initial states are compared one by one (all of them are compared through a chained hash). */
const LISTED_INITS = 1000;
/** How many initial states have their successors compared. */
const EXPANDED_INITS = 16;

export interface SpecDigest {
  readonly initCount: number;
  /** Identity fingerprints (hi, lo pairs) of the first initial states. */
  readonly inits: readonly number[];
  /** A chain over every initial state's fingerprint. */
  readonly initChain: string;
  /** Per expanded initial state: (action, param, hi, lo) of each successor in order. */
  readonly successors: readonly (readonly number[])[];
}

export function specDigest<S>(successors: Successors<S>): SpecDigest {
  const states = successors.initialStates();
  const inits: number[] = [];
  let chain = 0n;
  states.forEach((state, i) => {
    const print = successors.identityOf(state, () => ({ init: String(i) }));
    chain = (chain * 1_000_003n + print) & 0xffff_ffff_ffff_ffffn;
    if (i < LISTED_INITS) inits.push(successors.hasher.hi, successors.hasher.lo);
  });
  const expanded = states.slice(0, EXPANDED_INITS).map((state) => {
    const found: number[] = [];
    const collected: { next: S; action: number; param: number }[] = [];
    successors.forEach(state, (next, action, param) => collected.push({ next, action, param }));
    for (const { next, action, param } of collected) {
      successors.identify(next, () => ({}));
      found.push(action, param, successors.hasher.hi, successors.hasher.lo);
    }
    return found;
  });
  return { initCount: states.length, inits, initChain: chain.toString(16), successors: expanded };
}

/** Says how the worker's digest differs from the coordinator's, or undefined when they agree. */
export function digestDifference(
  expected: SpecDigest,
  actual: SpecDigest,
  actionNames: readonly string[],
): string | undefined {
  if (expected.initCount !== actual.initCount)
    return `it has ${actual.initCount} initial states where the main thread has ${expected.initCount}`;
  const init = firstDiffering(expected.inits, actual.inits, 2);
  if (init >= 0) return `initial state #${init} has another fingerprint`;
  if (expected.initChain !== actual.initChain)
    return `an initial state after #${LISTED_INITS - 1} has another fingerprint`;
  for (let i = 0; i < expected.successors.length; i++) {
    const want = expected.successors[i]!,
      got = actual.successors[i] ?? [];
    if (want.length !== got.length)
      return `initial state #${i} has ${got.length / 4} successors where the main thread has ${want.length / 4}`;
    const step = firstDiffering(want, got, 4);
    if (step >= 0) {
      const action = actionNames[want[step * 4]!] ?? `#${want[step * 4]}`;
      return `successor ${step + 1} of initial state #${i} (${action}, parameter #${formatValue(want[step * 4 + 1])}) has another fingerprint`;
    }
  }
  return undefined;
}

function firstDiffering(a: readonly number[], b: readonly number[], width: number): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += width) {
    for (let j = 0; j < width; j++) if (a[i + j] !== b[i + j]) return i / width;
  }
  return -1;
}
