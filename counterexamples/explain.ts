/**
 * Why a violating state breaks its invariant, when the property says (`always(name, holds,
 * explain)`): for a consistency property, the offending client history.
 */
import type { Invariant } from '../spec/properties.ts';
import type { Spec } from '../spec/types.ts';
import type { Trace } from './trace.ts';

export function explainViolation<S>(spec: Spec<S>, trace: Trace<S>): string | undefined {
  const property = spec.properties.find(
    (p) => p.name === trace.property && (trace.instance === undefined || p.instance === trace.instance),
  );
  const last = trace.steps.at(-1);
  if (property?.kind !== 'always' || last === undefined) return undefined;
  return explanationOf(property, last.state); // the real state, not its display form
}

/** The invariant's explanation of `state`, or what went wrong asking for it; undefined when it has none. */
export function explanationOf<S>(property: Invariant<S>, state: S): string | undefined {
  if (property.explain === undefined) return undefined;
  try {
    return property.explain(state);
  } catch (e) {
    return `(explaining '${property.name}' threw: ${e instanceof Error ? e.message : String(e)})`;
  }
}
