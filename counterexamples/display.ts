/**
 * What people see of a state: the spec's `display` projection (TLC's ALIAS), or a packed state
 * decoded into its named fields, or the state itself. Traces, pictures and exports show this
 * form; identity, replay and properties keep the real state (`realStates` rebuilds it from a
 * trace's path when a consumer needs it).
 */
import type { ActionPath } from '../checker/path.ts';
import { Successors } from '../checker/successors.ts';
import { KripkeError } from '../spec/errors.ts';
import type { Spec } from '../spec/types.ts';

export function displayOf<S>(spec: Spec<S>): (state: S) => unknown {
  const { display, layout } = spec;
  if (display !== undefined) {
    return (state) => {
      try {
        return display(state);
      } catch (e) {
        throw new KripkeError('action-threw', `display threw: ${e instanceof Error ? e.message : String(e)}`, { model: spec.name });
      }
    };
  }
  if (layout !== undefined) return (state) => layout.decode(state as readonly number[]);
  return (state) => state;
}

/** Whether the spec shows states as something other than themselves. */
export function hasDisplayForm(spec: Spec<unknown>): boolean {
  return spec.display !== undefined || spec.layout !== undefined;
}

/** The real states along a path (replayed), for properties and identity; undefined where a step is not enabled. */
export function realStates<S>(spec: Spec<S>, path: ActionPath): S[] {
  const successors = new Successors(spec, false);
  const states: S[] = [];
  let state = successors.initialStates()[path.init];
  for (let i = 0; state !== undefined; i++) {
    states.push(state);
    const step = path.steps[i];
    state = step === undefined ? undefined : successors.successor(state, step.action, step.param);
  }
  return states;
}
