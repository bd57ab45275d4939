/**
 * Properties, built by small constructors and named so results and traces can refer to them.
 *
 * - `always(name, p)`: an invariant — `p` holds in every reachable state.
 * - `sometimes(name, p)`: reachability — some reachable state satisfies `p`; the checker reports an
 *   example trace, and a failure when exhaustive search ends without one.
 * - `alwaysStep(name, p)`: an action property — `p(before, after, step)` holds for every step.
 * - `eventually`, `alwaysEventually`, `eventuallyAlways`, `leadsTo`: liveness, checked over infinite
 *   behaviours under the spec's fairness assumptions.
 */

/** The action taken in one step, as properties and traces see it. */
export interface StepLabel {
  readonly action: string;
  readonly param: unknown;
}

export type StatePredicate<S> = (state: S) => boolean;
export type StepPredicate<S> = (before: S, after: S, step: StepLabel) => boolean;

export interface Invariant<S> {
  readonly kind: 'always';
  readonly name: string;
  readonly holds: StatePredicate<S>;
  /** Says why a violating state breaks the invariant (e.g. the offending history); printed under its trace. */
  readonly explain?: (state: S) => string;
}
export interface Reachability<S> { readonly kind: 'sometimes'; readonly name: string; readonly holds: StatePredicate<S> }
export interface StepInvariant<S> { readonly kind: 'alwaysStep'; readonly name: string; readonly holds: StepPredicate<S> }
/** <>P: every behaviour reaches a state satisfying P. */
export interface Eventually<S> { readonly kind: 'eventually'; readonly name: string; readonly holds: StatePredicate<S> }
/** []<>P: P holds infinitely often. */
export interface AlwaysEventually<S> { readonly kind: 'alwaysEventually'; readonly name: string; readonly holds: StatePredicate<S> }
/** <>[]P: from some point on, P holds forever. */
export interface EventuallyAlways<S> { readonly kind: 'eventuallyAlways'; readonly name: string; readonly holds: StatePredicate<S> }
/** P ~> Q: every state satisfying P is followed (now or later) by one satisfying Q. */
export interface LeadsTo<S> {
  readonly kind: 'leadsTo';
  readonly name: string;
  readonly from: StatePredicate<S>;
  readonly to: StatePredicate<S>;
}

export type SafetyProperty<S> = Invariant<S> | StepInvariant<S>;
export type LivenessProperty<S> = Eventually<S> | AlwaysEventually<S> | EventuallyAlways<S> | LeadsTo<S>;
export type Property<S> = SafetyProperty<S> | Reachability<S> | LivenessProperty<S>;
export type PropertyKind = Property<unknown>['kind'];

export const always = <S>(name: string, holds: StatePredicate<S>, explain?: (state: S) => string): Invariant<S> =>
  (explain ? { kind: 'always', name, holds, explain } : { kind: 'always', name, holds });
export const sometimes = <S>(name: string, holds: StatePredicate<S>): Reachability<S> => ({ kind: 'sometimes', name, holds });
export const alwaysStep = <S>(name: string, holds: StepPredicate<S>): StepInvariant<S> => ({ kind: 'alwaysStep', name, holds });
export const eventually = <S>(name: string, holds: StatePredicate<S>): Eventually<S> => ({ kind: 'eventually', name, holds });
export const alwaysEventually = <S>(name: string, holds: StatePredicate<S>): AlwaysEventually<S> => ({
  kind: 'alwaysEventually', name, holds,
});
export const eventuallyAlways = <S>(name: string, holds: StatePredicate<S>): EventuallyAlways<S> => ({
  kind: 'eventuallyAlways', name, holds,
});
export const leadsTo = <S>(name: string, from: StatePredicate<S>, to: StatePredicate<S>): LeadsTo<S> => ({
  kind: 'leadsTo', name, from, to,
});

/** The constructors with the state type fixed, as passed to a spec's `properties` function. */
export interface PropertyConstructors<S> {
  readonly always: (name: string, holds: StatePredicate<S>, explain?: (state: S) => string) => Invariant<S>;
  readonly sometimes: (name: string, holds: StatePredicate<S>) => Reachability<S>;
  readonly alwaysStep: (name: string, holds: StepPredicate<S>) => StepInvariant<S>;
  readonly eventually: (name: string, holds: StatePredicate<S>) => Eventually<S>;
  readonly alwaysEventually: (name: string, holds: StatePredicate<S>) => AlwaysEventually<S>;
  readonly eventuallyAlways: (name: string, holds: StatePredicate<S>) => EventuallyAlways<S>;
  readonly leadsTo: (name: string, from: StatePredicate<S>, to: StatePredicate<S>) => LeadsTo<S>;
}

export const propertyConstructors: PropertyConstructors<never> = {
  always, sometimes, alwaysStep, eventually, alwaysEventually, eventuallyAlways, leadsTo,
};

const LIVENESS_KINDS: ReadonlySet<PropertyKind> = new Set(['eventually', 'alwaysEventually', 'eventuallyAlways', 'leadsTo']);

export function isLiveness<S>(property: Property<S>): property is LivenessProperty<S> {
  return LIVENESS_KINDS.has(property.kind);
}
