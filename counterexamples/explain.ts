/**
 * Why a violating state breaks its invariant, when the property says (`always(name, holds,
 * explain)`): for a consistency property, the offending client history.
 */
import type { Spec } from '../spec/types.ts';
import type { Trace } from './trace.ts';

export function explainViolation<S>(spec: Spec<S>, trace: Trace<S>): string | undefined {
  const property = spec.properties.find((p) => p.name === trace.property && (trace.instance === undefined || p.instance === trace.instance));
  if (property?.kind !== 'always' || property.explain === undefined || trace.steps.length === 0) return undefined;
  try {
    return property.explain(trace.steps.at(-1)!.state); // the real state, not its display form
  } catch (e) {
    return `(explaining '${property.name}' threw: ${e instanceof Error ? e.message : String(e)})`;
  }
}
