/**
 * Fairness assumptions resolved against a spec: the action's index and, for an assumption about
 * one instance (`weak('send', 'r1')`), the fingerprint of the parameter value, so that an edge
 * "takes" the assumption when its action matches and its parameter has the same canonical value.
 *
 * TLA+ meaning, applied to the step <<A>>_vars (a step of A that changes the state):
 * - weak:   if A is enabled continuously from some point on, A is eventually taken;
 * - strong: if A is enabled infinitely often, A is eventually taken.
 * A step of A that returns the same state is a stutter: it neither enables nor takes A.
 */
import type { Fairness } from '../../spec/fairness.ts';
import type { Spec } from '../../spec/types.ts';
import { fingerprint, fingerprintHi, fingerprintLo } from '../fingerprint.ts';
import { formatValue } from '../format-value.ts';

export interface ResolvedFairness {
  readonly kind: 'weak' | 'strong';
  readonly action: number;
  /** The parameter's fingerprint for a per-instance assumption. */
  readonly param: { readonly hi: number; readonly lo: number } | undefined;
  /** `weak(send(r1))`, for notes. */
  readonly label: string;
}

export function resolveFairness(spec: Spec<unknown>): ResolvedFairness[] {
  return spec.fairness.map((f: Fairness) => {
    const action = spec.actions.findIndex((a) => a.name === f.action);
    if (f.instance === undefined) return { kind: f.kind, action, param: undefined, label: `${f.kind}(${f.action})` };
    fingerprint(f.instance.param);
    return {
      kind: f.kind, action, param: { hi: fingerprintHi, lo: fingerprintLo },
      label: `${f.kind}(${f.action}(${formatValue(f.instance.param, 40)}))`,
    };
  });
}

/** Whether a step of action `action` with parameter value `param` satisfies assumption `f`. */
export function stepMatches(f: ResolvedFairness, action: number, param: () => unknown): boolean {
  if (f.action !== action) return false;
  if (f.param === undefined) return true;
  fingerprint(param());
  return fingerprintHi === f.param.hi && fingerprintLo === f.param.lo;
}
