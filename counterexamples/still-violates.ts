/**
 * After a saved trace replays, does it still violate its property? Invariants and step
 * properties are evaluated on the last state and step; a deadlock must still have no enabled
 * action; a liveness lasso must still be a lasso whose states violate the property (fairness is
 * the liveness engine's business and is not re-checked here).
 */
import { KripkeError, unknownName } from '../spec/errors.ts';
import type { Property } from '../spec/properties.ts';
import type { Spec } from '../spec/types.ts';
import { RefinementCheck } from '../checker/refinement.ts';
import { Successors } from '../checker/successors.ts';
import type { Trace } from './trace.ts';

export interface Verdict {
  readonly violates: boolean;
  readonly message: string;
}

export function stillViolates<S>(spec: Spec<S>, trace: Trace<S>, kind?: string): Verdict {
  const name = trace.property;
  if (name === undefined) return { violates: true, message: 'the trace replays (it names no property to re-check)' };
  const states = trace.steps.map((s) => s.state); // properties read the real states, not their display form
  if (kind === 'deadlock' || (name === 'deadlock' && !spec.properties.some((p) => p.name === name)))
    return deadlock(spec, states.at(-1)!);
  // A family: its saved instance, or any of its instances.
  const members = spec.properties.filter(
    (p) => p.name === name && (trace.instance === undefined || p.instance === trace.instance),
  );
  if (members.length === 0)
    throw unknownName('property', name, [...new Set(spec.properties.map((p) => p.name))], { model: spec.name });
  const verdicts = members.map((property) => guard(spec, name, () => evaluate(spec, property, trace, states)));
  if (verdicts.every((v) => v === undefined)) {
    return {
      violates: true,
      message: `'${name}' is a ${members[0]!.kind} property: a trace cannot re-check it; run kripke check`,
    };
  }
  return verdicts.includes(true)
    ? { violates: true, message: `'${name}' is still violated` }
    : { violates: false, message: `the trace replays, but '${name}' now holds on it (fixed?)` };
}

/** True when the trace violates the property, undefined when a trace cannot tell. */
function evaluate<S>(spec: Spec<S>, property: Property<S>, trace: Trace<S>, states: readonly S[]): boolean | undefined {
  const last = states.at(-1)!;
  switch (property.kind) {
    case 'always':
      return !property.holds(last);
    case 'refines': {
      const check = new RefinementCheck(spec.name, property);
      return !check.initialHolds(states[0]!) || states.some((s, i) => i > 0 && !check.stepHolds(states[i - 1]!, s));
    }
    case 'alwaysStep': {
      const step = trace.steps.at(-1)!;
      if (step.action === undefined) return false;
      return !property.holds(states.at(-2)!, last, { action: step.action.name, param: step.action.param });
    }
    case 'sometimes':
      return undefined;
    default: {
      if (trace.loop === undefined) return false;
      const cycle = states.slice(trace.loop);
      switch (property.kind) {
        case 'eventually':
          return !states.some(property.holds);
        case 'alwaysEventually':
          return !cycle.some(property.holds);
        case 'eventuallyAlways':
          return !cycle.every(property.holds);
        case 'leadsTo':
          return states.some((s, i) => property.from(s) && !states.slice(Math.min(i, trace.loop!)).some(property.to));
      }
    }
  }
}

function deadlock<S>(spec: Spec<S>, state: S): Verdict {
  const enabled = new Successors(spec, false).forEach(state, () => {});
  const terminal = spec.terminal?.(state) ?? false;
  return enabled === 0 && !terminal
    ? { violates: true, message: 'the last state is still a deadlock' }
    : {
        violates: false,
        message: `the trace replays, but its last state is no longer a deadlock (${enabled} action(s) enabled)`,
      };
}

function guard<T>(spec: { readonly name: string }, property: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    throw new KripkeError(
      'property-threw',
      `property '${property}' threw: ${e instanceof Error ? e.message : String(e)}`,
      { model: spec.name, property },
    );
  }
}
