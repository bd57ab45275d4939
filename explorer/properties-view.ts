/**
 * Every property's status at the current state of a trace: invariants hold or fail here, step
 * properties on the step just taken, `sometimes` reached here (or earlier on this trace), and for
 * liveness properties what their conditions say here (a verdict needs a check: they are about
 * infinite behaviours). A property whose code throws shows the error.
 */
import { RefinementCheck } from '../checker/refinement.ts';
import { messageOf } from '../checker/successors.ts';
import type { Property, Refinement } from '../spec/properties.ts';
import type { PropertyStatus } from './api-types.ts';

export interface StepContext {
  /** The real states of the trace, the current one last. */
  readonly states: readonly unknown[];
  /** The last step's action and parameter, if a step was taken. */
  readonly last: { readonly action: string; readonly param: unknown } | undefined;
}

/** A property as the explorer lists it: a family's member names its instance, `ClientsWillObtain(c1, r1)`. */
export function memberName(property: { readonly name: string; readonly instance?: string }): string {
  return property.instance === undefined ? property.name : `${property.name}(${property.instance})`;
}

export function propertyStatuses(properties: readonly Property<unknown>[], context: StepContext): PropertyStatus[] {
  return properties.map((property) => {
    try {
      return { name: memberName(property), kind: property.kind, ...statusOf(property, context) };
    } catch (e) {
      return {
        name: memberName(property),
        kind: property.kind,
        state: 'error' as const,
        detail: `threw: ${messageOf(e)}`,
      };
    }
  });
}

function statusOf(property: Property<unknown>, { states, last }: StepContext): Omit<PropertyStatus, 'name' | 'kind'> {
  const state = states.at(-1);
  switch (property.kind) {
    case 'always': {
      if (property.holds(state)) return { state: 'holds', detail: 'holds in this state' };
      return { state: 'fails', detail: property.explain ? property.explain(state) : 'fails in this state' };
    }
    case 'alwaysStep': {
      if (last === undefined) return { state: 'holds', detail: 'no step taken yet' };
      return property.holds(states.at(-2), state, last)
        ? { state: 'holds', detail: 'holds on the last step' }
        : { state: 'fails', detail: 'the last step breaks it' };
    }
    case 'sometimes': {
      if (property.holds(state)) return { state: 'reached', detail: 'reached in this state' };
      const earlier = states.findIndex((s) => property.holds(s));
      return earlier >= 0
        ? { state: 'reached', detail: `reached earlier, in state ${earlier + 1}` }
        : { state: 'unreached', detail: 'not reached on this trace' };
    }
    case 'refines':
      return refinementStatus(property, states);
    case 'leadsTo':
      return {
        state: 'liveness',
        detail: `condition ${yesNo(property.from(state))}, goal ${yesNo(property.to(state))} here; run a check for the verdict`,
      };
    default:
      return {
        state: 'liveness',
        detail: `its condition ${property.holds(state) ? 'holds' : 'does not hold'} here; run a check for the verdict`,
      };
  }
}

/** A refinement on the trace so far: its initial state and every step map into the abstract spec. */
function refinementStatus(
  property: Refinement<unknown>,
  states: readonly unknown[],
): Omit<PropertyStatus, 'name' | 'kind'> {
  const check = new RefinementCheck('explorer', property);
  const abstract = property.abstract.name;
  if (!check.initialHolds(states[0]))
    return { state: 'fails', detail: `the initial state maps to no initial state of '${abstract}'` };
  const broken = states.findIndex((s, i) => i > 0 && !check.stepHolds(states[i - 1], s));
  return broken < 0
    ? { state: 'holds', detail: `every step so far maps to a step of '${abstract}' or a stutter` }
    : { state: 'fails', detail: `the step into state ${broken + 1} maps to no step of '${abstract}'` };
}

function yesNo(value: boolean): string {
  return value ? 'holds' : 'does not hold';
}
