/**
 * Fairness assumptions resolved against a spec. Each is about a group of action instances (its
 * members: an action, possibly restricted to one parameter value or a predicate on the parameter);
 * a step "takes" the assumption when its action and parameter match some member, and the
 * assumption is enabled in a state when some step out of it matches.
 *
 * TLA+ meaning, applied to the step <<A>>_vars where A is the disjunction of the members (a step
 * that changes the state):
 * - weak:   if A is enabled continuously from some point on, A is eventually taken;
 * - strong: if A is enabled infinitely often, A is eventually taken.
 * A step of A that returns the same state is a stutter: it neither enables nor takes A.
 */
import { type FairnessAssumption, matches } from '../../spec/resolve-fairness.ts';
import type { Spec } from '../../spec/types.ts';
import { Hasher } from '../fingerprint/index.ts';
import { formatValue } from '../format-value.ts';

interface ResolvedMember {
  readonly action: number;
  /** The parameter's fingerprint, for a member about one instance. */
  readonly param: { readonly hi: number; readonly lo: number } | undefined;
  readonly where: ((param: unknown) => boolean) | undefined;
}

export interface ResolvedFairness {
  readonly kind: 'weak' | 'strong';
  readonly members: readonly ResolvedMember[];
  /** True when some member names particular instances (a parameter value or a predicate). */
  readonly restricted: boolean;
  /** `weak(initiateProbe ∨ passToken)`, for notes. */
  readonly label: string;
}

export function resolveFairness(spec: Spec<unknown>): ResolvedFairness[] {
  const hasher = new Hasher();
  return spec.fairness.map((f: FairnessAssumption) => {
    const members = f.members.map((m): ResolvedMember => {
      const action = spec.actions.findIndex((a) => a.name === m.action);
      if (!('param' in m))
        return { action, param: undefined, where: m.where as ((param: unknown) => boolean) | undefined };
      hasher.fingerprint(m.param);
      return { action, param: { hi: hasher.hi, lo: hasher.lo }, where: undefined };
    });
    const restricted = members.some((m) => m.param !== undefined || m.where !== undefined);
    return { kind: f.kind, members, restricted, label: `${f.kind}(${groupLabel(spec, f)})` };
  });
}

/** `initiateProbe ∨ passToken`, `Loop(1) ∨ Eat(1)`, `allocate(3 of 9 parameters: …)`, `every action`. */
function groupLabel(spec: Spec<unknown>, f: FairnessAssumption): string {
  const names = f.members.map((m) =>
    'param' in m ? `${m.action}(${formatValue(m.param, 40)})` : m.where ? whereLabel(spec, m) : m.action,
  );
  if (f.everyAction && names.every((n, i) => n === spec.actions[i]?.name)) return 'every action';
  return names.length <= 8 ? names.join(' ∨ ') : `${names.slice(0, 8).join(' ∨ ')} ∨ … (${names.length} members)`;
}

/** A member given by a predicate: the parameters it selects from a fixed domain, or `where …`. */
function whereLabel(spec: Spec<unknown>, m: FairnessAssumption['members'][number]): string {
  const values = spec.actions.find((a) => a.name === m.action)?.values;
  if (values === undefined) return `${m.action}(where …)`;
  const chosen = values.filter((v) => matches(spec.name, 'fair', m.action, m, v));
  const shown = chosen
    .slice(0, 2)
    .map((v) => formatValue(v, 40))
    .join(', ');
  return `${m.action}(${chosen.length} of ${values.length} parameters: ${shown}${chosen.length > 2 ? ', …' : ''})`;
}

/**
 * Which assumptions one step satisfies, fast and without allocating: for an action with a fixed
 * domain, a table from the parameter's position to the assumptions it matches, built once; for a
 * state-dependent domain, the assumptions about the whole action, then the restricted members
 * tested on the parameter (its fingerprint computed at most once per step).
 */
export class FairnessMatcher {
  private readonly fixed: (readonly (readonly number[])[] | undefined)[] = [];
  private readonly whole: number[][];
  private readonly restricted: { readonly fairness: number; readonly member: ResolvedMember }[][];
  private readonly hasher = new Hasher();

  constructor(
    private readonly fairness: readonly ResolvedFairness[],
    private readonly spec: Spec<unknown>,
  ) {
    this.whole = spec.actions.map(() => []);
    this.restricted = spec.actions.map(() => []);
    fairness.forEach((f, i) =>
      f.members.forEach((member) => {
        if (member.param === undefined && member.where === undefined) this.whole[member.action]!.push(i);
        else this.restricted[member.action]!.push({ fairness: i, member });
      }),
    );
    spec.actions.forEach((action, a) =>
      this.fixed.push(
        action.values?.map((value) => {
          const found = new Set<number>();
          this.forEachDynamic(
            a,
            () => value,
            (f) => found.add(f),
          );
          return [...found];
        }),
      ),
    );
  }

  /**
   * Calls `matched(i)` for every assumption satisfied by a step of `action` with the parameter at
   * `paramIndex` (value `param()`); an assumption with two matching members may be reported twice.
   */
  forEachMatch(action: number, paramIndex: number, param: () => unknown, matched: (fairness: number) => void): void {
    const table = this.fixed[action];
    if (table === undefined) return this.forEachDynamic(action, param, matched);
    const found = table[paramIndex]!;
    for (let i = 0; i < found.length; i++) matched(found[i]!);
  }

  private forEachDynamic(action: number, param: () => unknown, matched: (fairness: number) => void): void {
    const whole = this.whole[action]!;
    for (let i = 0; i < whole.length; i++) matched(whole[i]!);
    let hashed = false;
    for (const { fairness, member } of this.restricted[action]!) {
      if (member.param !== undefined) {
        if (!hashed) this.hasher.fingerprint(param());
        hashed = true;
        if (this.hasher.hi === member.param.hi && this.hasher.lo === member.param.lo) matched(fairness);
      } else if (this.satisfies(fairness, action, member, param())) matched(fairness);
    }
  }

  private satisfies(fairness: number, action: number, member: ResolvedMember, value: unknown): boolean {
    const { name } = this.spec.actions[action]!;
    return matches(this.spec.name, this.fairness[fairness]!.kind, name, { action: name, where: member.where }, value);
  }
}
