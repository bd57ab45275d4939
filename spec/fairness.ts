/**
 * Fairness assumptions, with TLA+'s meaning:
 * - `weak(a)`: if `a` is enabled continuously from some point on, it is eventually taken.
 * - `strong(a)`: if `a` is enabled infinitely often, it is eventually taken.
 * Without fairness a behaviour may stutter forever, so most liveness properties fail.
 * Pass a parameter value to make the assumption about one instance of the action (`weak('send', 'r1')`).
 */
export interface Fairness {
  readonly kind: 'weak' | 'strong';
  readonly action: string;
  /** When present, the assumption covers only the instance of `action` with this parameter. */
  readonly instance?: { readonly param: unknown };
}

export function weak(action: string, ...param: [] | [unknown]): Fairness {
  return param.length === 0 ? { kind: 'weak', action } : { kind: 'weak', action, instance: { param: param[0] } };
}

export function strong(action: string, ...param: [] | [unknown]): Fairness {
  return param.length === 0 ? { kind: 'strong', action } : { kind: 'strong', action, instance: { param: param[0] } };
}
