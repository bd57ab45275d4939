/**
 * Every reachable state of a small model and its transitions, explored breadth-first with the
 * checker's `Successors`; refuses, with a clear error, beyond a size limit. Tests compare a
 * model's encodings with it (packed and object states reach the same states).
 */
import { stepAllowed } from '../checker/action-constraint.ts';
import { Successors } from '../checker/successors.ts';
import { KripkeError } from '../spec/errors.ts';
import type { Spec } from '../spec/types.ts';

export const DEFAULT_MAX_STATES = 200;

export interface StateGraph<S> {
  /** The states themselves (a packed spec's words). */
  readonly states: readonly S[];
  readonly initial: readonly number[];
  /** Deduplicated by (from, to, action name). */
  readonly edges: readonly { readonly from: number; readonly to: number; readonly action: string }[];
  /** The node of a (real) state, by its identity (view and symmetry applied). */
  readonly nodeOf: (state: S) => number | undefined;
}

export function exploreStateGraph<S>(spec: Spec<S>, maxStates = DEFAULT_MAX_STATES): StateGraph<S> {
  const successors = new Successors(spec, false);
  const ids = new Map<string, number>();
  const states: S[] = [];
  const keyOf = (state: S) => {
    successors.identify(state, () => ({}));
    return `${successors.hasher.hi}:${successors.hasher.lo}`;
  };
  const add = (state: S): number => {
    const key = keyOf(state);
    const known = ids.get(key);
    if (known !== undefined) return known;
    if (states.length >= maxStates) throw tooLarge(spec.name, maxStates);
    ids.set(key, states.length);
    states.push(state);
    return states.length - 1;
  };
  const initial = [...new Set(successors.initialStates().map(add))];
  const edges = new Map<string, { from: number; to: number; action: string }>();
  for (let from = 0; from < states.length; from++) {
    if (spec.constraint && !spec.constraint(states[from]!)) continue; // outside the boundary: kept, not explored
    const state = states[from]!;
    successors.forEach(state, (next, action, param) => {
      const name = spec.actions[action]!.name;
      if (
        spec.actionConstraint &&
        !stepAllowed(spec, state, next, { action: name, param: spec.actions[action]!.domain(state)[param] })
      )
        return;
      const to = add(next);
      edges.set(`${from}>${to}>${name}`, { from, to, action: name });
    });
  }
  return { states, initial, edges: [...edges.values()], nodeOf: (s) => ids.get(keyOf(s)) };
}

function tooLarge(model: string, max: number): KripkeError {
  return new KripkeError(
    'invalid-config',
    `'${model}' has more than ${max} reachable states: this exploration is for small models`,
    { model, limit: String(max) },
  );
}
