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
import { Hasher } from '../fingerprint/index.ts';
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
  const hasher = new Hasher();
  return spec.fairness.map((f: Fairness) => {
    const action = spec.actions.findIndex((a) => a.name === f.action);
    if (f.instance === undefined) return { kind: f.kind, action, param: undefined, label: `${f.kind}(${f.action})` };
    hasher.fingerprint(f.instance.param);
    return {
      kind: f.kind, action, param: { hi: hasher.hi, lo: hasher.lo },
      label: `${f.kind}(${f.action}(${formatValue(f.instance.param, 40)}))`,
    };
  });
}

/**
 * Which assumptions one step satisfies, fast: assumptions grouped by action, and the parameter's
 * fingerprint computed at most once per step (only when some assumption names an instance).
 */
export class FairnessMatcher {
  private readonly byAction: number[][];
  private readonly hasher = new Hasher();

  constructor(private readonly fairness: readonly ResolvedFairness[], actionCount: number) {
    this.byAction = Array.from({ length: actionCount }, () => []);
    fairness.forEach((f, i) => this.byAction[f.action]!.push(i));
  }

  /** Calls `matched(i)` for every assumption satisfied by a step of `action` with parameter `param()`. */
  forEachMatch(action: number, param: () => unknown, matched: (fairness: number) => void): void {
    const candidates = this.byAction[action]!;
    let hi = 0, lo = 0, hashed = false;
    for (const i of candidates) {
      const f = this.fairness[i]!;
      if (f.param !== undefined) {
        if (!hashed) {
          this.hasher.fingerprint(param());
          hi = this.hasher.hi;
          lo = this.hasher.lo;
          hashed = true;
        }
        if (hi !== f.param.hi || lo !== f.param.lo) continue;
      }
      matched(i);
    }
  }
}
