/**
 * Fairness assumptions, with TLA+'s meaning, about a group of action instances — the disjunction
 * of its members, as in `WF_vars(System)` where `System == InitiateProbe \/ \E i : PassToken(i)`:
 * - `weak(group)`: if some member is enabled continuously from some point on, a member is
 *   eventually taken;
 * - `strong(group)`: if some member is enabled infinitely often, a member is eventually taken.
 * Without fairness a behaviour may stutter forever, so most liveness properties fail.
 *
 * A group is written as
 * - one action: `weak('serve')`; one instance of it: `weak('send', 'r1')`; the instances whose
 *   parameter satisfies a predicate: `weak('parProg', ([i]) => i === 1)` (TLA+'s `WF(\E j : parProg(1, j))`);
 * - several actions: `weak(['initiateProbe', 'passToken'])`, optionally restricted to one
 *   parameter value or predicate shared by all: `weak(['Loop', 'Eat', 'Think'], p)` (a PlusCal
 *   `fair process`);
 * - any mix: `weak([{ action: 'send', param: 'r1' }, 'retry'])`;
 * - every action: `weak(allActions)` (TLA+'s `WF_vars(Next)`).
 *
 * Written as `fairness: ({ weak, strong }) => [...]`, action names and parameters are checked
 * against the spec's actions at compile time. `defineSpec` checks them again before any run: an
 * unknown action, or a parameter (or predicate) that no value of a fixed domain matches, is an error.
 */

/** Stands for every action of the spec: `weak(allActions)` is TLA+'s `WF_vars(Next)`. */
export const allActions: unique symbol = Symbol('every action');
export type AllActions = typeof allActions;

/** One member of a group: an action, optionally only the instances with one parameter or satisfying a predicate. */
export interface FairMember {
  readonly action: string | AllActions;
  /** Only the instance with this parameter value (compared by value). */
  readonly param?: unknown;
  /** Only the instances whose parameter satisfies this. */
  readonly where?: (param: never) => boolean;
}

export interface Fairness {
  readonly kind: 'weak' | 'strong';
  readonly members: readonly FairMember[];
}

/** What `weak` and `strong` accept: an action, an array of actions and members, or `allActions`. */
export type FairTarget = string | AllActions | readonly (string | FairMember)[];

export function weak(target: FairTarget, ...select: [] | [unknown]): Fairness {
  return { kind: 'weak', members: membersOf(target, select) };
}

export function strong(target: FairTarget, ...select: [] | [unknown]): Fairness {
  return { kind: 'strong', members: membersOf(target, select) };
}

function membersOf(target: FairTarget, select: [] | [unknown]): FairMember[] {
  const list: readonly (string | AllActions | FairMember)[] =
    typeof target === 'string' || target === allActions ? [target] : target;
  return list.map((m) => {
    const member: FairMember = typeof m === 'object' ? m : { action: m };
    if (select.length === 0) return member;
    const [value] = select;
    return typeof value === 'function'
      ? { ...member, where: value as FairMember['where'] }
      : { ...member, param: value };
  });
}

type ActionName<P> = keyof P & string;

/** A member, typed: its parameter or predicate takes the action's parameter type. */
export type TypedMember<P> = {
  [K in ActionName<P>]:
    | K
    | { readonly action: K; readonly param: P[K] }
    | { readonly action: K; readonly where: (param: P[K]) => boolean };
}[ActionName<P>];

/** `weak` or `strong` with the spec's actions: names and parameter types are checked at compile time. */
export interface FairnessConstructor<P> {
  <K extends ActionName<P>>(
    action: K | readonly K[],
    ...select: [] | [param: P[K]] | [where: (param: P[K]) => boolean]
  ): Fairness;
  (
    members: readonly TypedMember<P>[] | AllActions,
    ...select: [] | [param: P[ActionName<P>]] | [where: (param: P[ActionName<P>]) => boolean]
  ): Fairness;
}

/** What a spec's `fairness` function receives (`P` maps each action name to its parameter type). */
export interface FairnessConstructors<P> {
  readonly weak: FairnessConstructor<P>;
  readonly strong: FairnessConstructor<P>;
  readonly allActions: AllActions;
}

export const fairnessConstructors: FairnessConstructors<never> = {
  weak: weak as FairnessConstructor<never>,
  strong: strong as FairnessConstructor<never>,
  allActions,
};
