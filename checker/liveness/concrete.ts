/**
 * Turns a lasso found in the state graph into a concrete ActionPath that replays.
 *
 * The graph's states are identities (the view of a symmetry representative), and an edge's label
 * is the (action, parameter index) seen from the concrete state that was expanded for it. A
 * concrete walk can reach a different member of the same class (a permutation, or a state with
 * the same view), where the label may mean another step. So the walk re-matches every step: try
 * the recorded label, and if the successor is not in the target class, take the first enabled
 * step that is. Closing the cycle: after one turn around the graph cycle the concrete state is in
 * the entry's class but may be another member of it (with symmetry); keep turning until the
 * concrete state (its view, without symmetry) repeats at a turn's start — a finite class
 * guarantees that — and loop back to that turn.
 */
import { KripkeError } from '../../spec/errors.ts';
import type { Spec } from '../../spec/types.ts';
import type { ActionPath, PathStep } from '../path.ts';
import { Successors } from '../successors.ts';
import type { StateGraph } from './graph.ts';
import type { GraphLasso } from './lasso.ts';

/** Turns around the cycle before giving up (more than any symmetry group we can check). */
const MAX_TURNS = 1000;

export interface ConcreteLasso<S> {
  readonly path: ActionPath;
  /** Index (in the path's states) of the state the last state loops back to. */
  readonly loop: number;
  /** How many times the graph cycle was repeated to close the concrete cycle. */
  readonly turns: number;
  /** The concrete state the cycle starts from (and returns to). */
  readonly last: S;
}

export function concretize<S>(spec: Spec<S>, graph: StateGraph, lasso: GraphLasso): ConcreteLasso<S> {
  const successors = new Successors(spec, false);
  let state = successors.initialStates()[lasso.initIndex] as S;
  const steps: PathStep[] = [];
  const step = (edge: number) => {
    const next = matchStep(spec, successors, graph, state, edge);
    steps.push(next.step);
    state = next.state;
  };
  lasso.prefix.forEach(step);
  if (lasso.cycle.length === 0)
    return { path: { init: lasso.initIndex, steps }, loop: steps.length, turns: 0, last: state };
  const turnStarts = new Map<bigint, number>();
  for (let turn = 0; turn < MAX_TURNS; turn++) {
    const key = concreteKey(spec, successors, state);
    const earlier = turnStarts.get(key);
    if (earlier !== undefined)
      return { path: { init: lasso.initIndex, steps }, loop: earlier, turns: turn, last: state };
    turnStarts.set(key, steps.length);
    lasso.cycle.forEach(step);
  }
  throw new KripkeError(
    'invalid-trace',
    `could not close the liveness cycle concretely after ${MAX_TURNS} turns ` +
      '(is the symmetry function a canonical representative?)',
    { model: spec.name },
  );
}

function matchStep<S>(
  spec: Spec<S>,
  successors: Successors<S>,
  graph: StateGraph,
  state: S,
  edge: number,
): { step: PathStep; state: S } {
  const target = graph.edgeTarget(edge);
  const hi = graph.fingerprintHi(target),
    lo = graph.fingerprintLo(target);
  const inTarget = (s: S) => {
    successors.identify(s, () => ({}));
    return successors.hasher.hi === hi && successors.hasher.lo === lo;
  };
  const action = graph.edgeAction(edge),
    param = graph.edgeParam(edge);
  const recorded = successors.successor(state, action, param);
  if (recorded !== undefined && inTarget(recorded)) return { step: { action, param }, state: recorded };
  // Prefer a step of the same action (it satisfies the same fairness), then any step.
  let sameAction: { step: PathStep; state: S } | undefined;
  let other: { step: PathStep; state: S } | undefined;
  successors.forEach(state, (next, a, p) => {
    if ((a === action ? sameAction : other) !== undefined || !inTarget(next)) return;
    if (a === action) sameAction = { step: { action: a, param: p }, state: next };
    else other = { step: { action: a, param: p }, state: next };
  });
  const found = sameAction ?? other;
  if (found) return found;
  throw new KripkeError(
    'invalid-trace',
    'could not rebuild a concrete step of the liveness counterexample ' +
      '(the view or symmetry does not respect the transitions)',
    { model: spec.name, action: spec.actions[action]?.name ?? '?' },
  );
}

/** A concrete state's identity without symmetry reduction: its view, or the state itself. */
function concreteKey<S>(spec: Spec<S>, successors: Successors<S>, state: S): bigint {
  return successors.hasher.of(spec.view ? spec.view(state) : state);
}
