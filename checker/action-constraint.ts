/**
 * The spec's action constraint (TLC's ACTION_CONSTRAINT), evaluated on one step with its mistakes
 * turned into named errors. What a rejected step means is each engine's business, the same in all
 * (TLC's semantics, found by experiment and pinned in `action-constraint.test.ts`): the step is
 * generated and checked, its successor is not stored nor explored, it keeps the state from being a
 * deadlock, and it keeps its action enabled for fairness without being a step one can take.
 */
import { KripkeError } from '../spec/errors.ts';
import type { StepLabel } from '../spec/properties.ts';
import type { Spec } from '../spec/types.ts';
import { formatValue } from './format-value.ts';
import { messageOf } from './successors.ts';

/** Whether the action constraint allows the step (true when the spec has none). */
export function stepAllowed<S>(spec: Spec<S>, before: S, after: S, step: StepLabel): boolean {
  const constraint = spec.actionConstraint;
  if (constraint === undefined) return true;
  let result: unknown;
  try {
    result = constraint(before, after, step);
  } catch (e) {
    throw new KripkeError('action-threw', `actionConstraint threw: ${messageOf(e)}`, where(spec, step));
  }
  if (typeof result === 'boolean') return result;
  throw new KripkeError('action-threw', `actionConstraint returned ${typeof result}, not a boolean`, where(spec, step));
}

function where<S>(spec: Spec<S>, step: StepLabel): Record<string, string> {
  const action = spec.actions.find((a) => a.name === step.action);
  return action?.parameterless === false
    ? { model: spec.name, action: step.action, param: formatValue(step.param, 60) }
    : { model: spec.name, action: step.action };
}
