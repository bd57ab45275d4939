/**
 * The shortest behaviour one spec allows and another forbids.
 *
 * Semantics: a behaviour is a finite path from an initial state; what it *shows* is the sequence
 * of its states' observations with repeats merged (a step that changes nothing observable is
 * invisible, as stuttering is in TLA+). `allowed` allows a behaviour that `forbidding` forbids when
 * no path of `forbidding` shows the same sequence. Finite traces only: deadlocks, fairness and
 * liveness play no part, and properties are not checked.
 *
 * The search is a BFS over pairs (a state of `allowed`, the set of states `forbidding` can be in
 * after showing the same observations) — a subset construction. The first step after which that
 * set is empty ends the shortest such behaviour, counted in steps of `allowed`. When the BFS runs
 * out of pairs, every behaviour of `allowed` is one of `forbidding` (trace inclusion).
 */
import { KripkeError } from '../../spec/errors.ts';
import type { Spec } from '../../spec/types.ts';
import type { ActionPath, PathStep } from '../path.ts';
import { Successors } from '../successors.ts';
import { Follower, type StateSetId } from './follower.ts';
import { Observation, type Observe, wholeState } from './observation.ts';
import { followWitness, type Linked, pathBack } from './witness.ts';

export interface DiffOptions<A, B> {
  /** What is observable of a state of each spec (default: the whole state; see `wholeState`). */
  readonly observeAllowed?: Observe<A>;
  readonly observeForbidding?: Observe<B>;
  /** Stop as incomplete after this many (state, set) pairs (default 1,000,000). */
  readonly maxPairs?: number;
}

export interface DiffStatistics {
  /** (state, set) pairs explored. */
  readonly pairs: number;
  /** Distinct states of each spec the search met. */
  readonly allowedStates: number;
  readonly forbiddingStates: number;
}

export type DiffOutcome =
  | { readonly status: 'included'; readonly stats: DiffStatistics }
  | {
      readonly status: 'differs';
      /** The shortest behaviour, as a path of `allowed`. */
      readonly path: ActionPath;
      /**
       * A path of `forbidding` that shows the same as all of `path` but its last step; undefined
       * when `path` has no steps (no initial state of `forbidding` looks like its first state).
       */
      readonly witness: ActionPath | undefined;
      /** How many states `forbidding` could be in before the step it cannot match. */
      readonly candidates: number;
      readonly stats: DiffStatistics;
    }
  | { readonly status: 'incomplete'; readonly reason: string; readonly stats: DiffStatistics }
  | { readonly status: 'error'; readonly error: KripkeError };

const DEFAULT_MAX_PAIRS = 1_000_000;

interface Pair<A> extends Linked {
  readonly state: A;
  readonly observed: bigint;
  readonly set: StateSetId;
}

export function findBehaviourOnlyIn<A, B>(
  allowed: Spec<A>,
  forbidding: Spec<B>,
  options: DiffOptions<A, B> = {},
): DiffOutcome {
  try {
    return search(allowed, forbidding, options);
  } catch (e) {
    if (e instanceof KripkeError) return { status: 'error', error: e };
    throw e;
  }
}

function search<A, B>(allowed: Spec<A>, forbidding: Spec<B>, options: DiffOptions<A, B>): DiffOutcome {
  const seeA = new Observation(allowed, options.observeAllowed ?? wholeState(allowed));
  const seeB = new Observation(forbidding, options.observeForbidding ?? wholeState(forbidding));
  const follower = new Follower(forbidding, seeB);
  const successors = new Successors(allowed, false);
  const maxPairs = options.maxPairs ?? DEFAULT_MAX_PAIRS;
  const pairs: Pair<A>[] = [];
  const seen = new Set<string>();
  const statesA = new Set<bigint>();
  const stats = (): DiffStatistics => ({
    pairs: pairs.length,
    allowedStates: statesA.size,
    forbiddingStates: follower.size,
  });
  let found: { pair: Pair<A>; from: StateSetId } | undefined;

  const visit = (
    state: A,
    observed: bigint,
    set: StateSetId,
    parent: number,
    step: PathStep | undefined,
    from: StateSetId,
  ) => {
    const pair = { state, observed, set, parent, step };
    if (follower.members(set).length === 0) {
      found ??= { pair, from };
      return;
    }
    const identity = seeA.identity(state);
    const key = `${identity}:${set}`;
    if (seen.has(key)) return;
    seen.add(key);
    statesA.add(identity);
    pairs.push(pair);
  };

  successors.initialStates().forEach((state, i) => {
    const observed = seeA.of(state);
    const set = follower.start(observed);
    visit(state, observed, set, -1 - i, undefined, set);
  });
  for (let i = 0; i < pairs.length && found === undefined; i++) {
    if (pairs.length > maxPairs)
      return { status: 'incomplete', reason: `pair bound ${maxPairs.toLocaleString('en-US')} reached`, stats: stats() };
    const pair = pairs[i]!;
    successors.forEach(pair.state, (next, action, param) => {
      if (found !== undefined) return;
      const observed = seeA.of(next);
      const set = observed === pair.observed ? pair.set : follower.after(pair.set, observed);
      visit(next, observed, set, i, { action, param }, pair.set);
    });
  }
  if (found === undefined) return { status: 'included', stats: stats() };
  const path = pathBack(pairs, found.pair);
  const shown = observationsAlong(allowed, path, seeA);
  return {
    status: 'differs',
    path,
    stats: stats(),
    witness: path.steps.length === 0 ? undefined : followWitness(follower, shown.slice(0, -1)),
    candidates: path.steps.length === 0 ? 0 : follower.members(found.from).length,
  };
}

/** The observation fingerprint of every state along `path` (replayed). */
function observationsAlong<A>(spec: Spec<A>, path: ActionPath, see: Observation<A>): bigint[] {
  const successors = new Successors(spec, false);
  let state = successors.initialStates()[path.init]!;
  const shown = [see.of(state)];
  for (const step of path.steps) {
    state = successors.successor(state, step.action, step.param)!;
    shown.push(see.of(state));
  }
  return shown;
}
