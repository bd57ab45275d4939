/**
 * Properties, built by small constructors and named so results and traces can refer to them.
 *
 * - `always(name, p)`: an invariant — `p` holds in every reachable state.
 * - `sometimes(name, p)`: reachability — some reachable state satisfies `p`; the checker reports an
 *   example trace, and a failure when exhaustive search ends without one.
 * - `alwaysStep(name, p)`: an action property — `p(before, after, step)` holds for every step.
 * - `eventually`, `alwaysEventually`, `eventuallyAlways`, `leadsTo`: liveness, checked over infinite
 *   behaviours under the spec's fairness assumptions.
 *
 * Each takes, last, optional `{ description }`: what the property means, shown beside its
 * counterexamples (`always` also takes `explain`, a function of the violating state).
 */

/** The action taken in one step, as properties and traces see it. */
export interface StepLabel {
  readonly action: string;
  readonly param: unknown;
}

export type StatePredicate<S> = (state: S) => boolean;
export type StepPredicate<S> = (before: S, after: S, step: StepLabel) => boolean;

/** What every property may say about itself besides its predicate: shown with its counterexamples. */
export interface PropertyOptions {
  /** What the property means, in a sentence ("at most one value is chosen"). */
  readonly description?: string;
}
export interface InvariantOptions<S> extends PropertyOptions {
  /** Says why a violating state breaks the invariant (e.g. the offending history); printed under its trace. */
  readonly explain?: (state: S) => string;
}

interface Described { readonly description?: string }

export interface Invariant<S> extends Described {
  readonly kind: 'always';
  readonly name: string;
  readonly holds: StatePredicate<S>;
  /** Says why a violating state breaks the invariant (e.g. the offending history); printed under its trace. */
  readonly explain?: (state: S) => string;
}
export interface Reachability<S> extends Described { readonly kind: 'sometimes'; readonly name: string; readonly holds: StatePredicate<S> }
export interface StepInvariant<S> extends Described { readonly kind: 'alwaysStep'; readonly name: string; readonly holds: StepPredicate<S> }
/** <>P: every behaviour reaches a state satisfying P. */
export interface Eventually<S> extends Described { readonly kind: 'eventually'; readonly name: string; readonly holds: StatePredicate<S> }
/** []<>P: P holds infinitely often. */
export interface AlwaysEventually<S> extends Described { readonly kind: 'alwaysEventually'; readonly name: string; readonly holds: StatePredicate<S> }
/** <>[]P: from some point on, P holds forever. */
export interface EventuallyAlways<S> extends Described { readonly kind: 'eventuallyAlways'; readonly name: string; readonly holds: StatePredicate<S> }
/** P ~> Q: every state satisfying P is followed (now or later) by one satisfying Q. */
export interface LeadsTo<S> extends Described {
  readonly kind: 'leadsTo';
  readonly name: string;
  readonly from: StatePredicate<S>;
  readonly to: StatePredicate<S>;
}

export type SafetyProperty<S> = Invariant<S> | StepInvariant<S>;
export type LivenessProperty<S> = Eventually<S> | AlwaysEventually<S> | EventuallyAlways<S> | LeadsTo<S>;
export type Property<S> = SafetyProperty<S> | Reachability<S> | LivenessProperty<S>;
export type PropertyKind = Property<unknown>['kind'];

/** The property with its description, when it has one (no `description: undefined` key otherwise). */
function described<P extends object>(property: P, options: PropertyOptions | undefined): P {
  return options?.description === undefined ? property : { ...property, description: options.description };
}

/** `explain` alone, or options with a description and an explanation. */
export const always = <S>(name: string, holds: StatePredicate<S>, options?: ((state: S) => string) | InvariantOptions<S>): Invariant<S> => {
  const { explain, ...rest } = typeof options === 'function' ? { explain: options } : options ?? {};
  return described<Invariant<S>>(explain ? { kind: 'always', name, holds, explain } : { kind: 'always', name, holds }, rest);
};
export const sometimes = <S>(name: string, holds: StatePredicate<S>, options?: PropertyOptions): Reachability<S> =>
  described({ kind: 'sometimes', name, holds }, options);
export const alwaysStep = <S>(name: string, holds: StepPredicate<S>, options?: PropertyOptions): StepInvariant<S> =>
  described({ kind: 'alwaysStep', name, holds }, options);
export const eventually = <S>(name: string, holds: StatePredicate<S>, options?: PropertyOptions): Eventually<S> =>
  described({ kind: 'eventually', name, holds }, options);
export const alwaysEventually = <S>(name: string, holds: StatePredicate<S>, options?: PropertyOptions): AlwaysEventually<S> =>
  described({ kind: 'alwaysEventually', name, holds }, options);
export const eventuallyAlways = <S>(name: string, holds: StatePredicate<S>, options?: PropertyOptions): EventuallyAlways<S> =>
  described({ kind: 'eventuallyAlways', name, holds }, options);
export const leadsTo = <S>(name: string, from: StatePredicate<S>, to: StatePredicate<S>, options?: PropertyOptions): LeadsTo<S> =>
  described({ kind: 'leadsTo', name, from, to }, options);

/** The constructors with the state type fixed, as passed to a spec's `properties` function. */
export interface PropertyConstructors<S> {
  readonly always: (name: string, holds: StatePredicate<S>, options?: ((state: S) => string) | InvariantOptions<S>) => Invariant<S>;
  readonly sometimes: (name: string, holds: StatePredicate<S>, options?: PropertyOptions) => Reachability<S>;
  readonly alwaysStep: (name: string, holds: StepPredicate<S>, options?: PropertyOptions) => StepInvariant<S>;
  readonly eventually: (name: string, holds: StatePredicate<S>, options?: PropertyOptions) => Eventually<S>;
  readonly alwaysEventually: (name: string, holds: StatePredicate<S>, options?: PropertyOptions) => AlwaysEventually<S>;
  readonly eventuallyAlways: (name: string, holds: StatePredicate<S>, options?: PropertyOptions) => EventuallyAlways<S>;
  readonly leadsTo: (name: string, from: StatePredicate<S>, to: StatePredicate<S>, options?: PropertyOptions) => LeadsTo<S>;
}

export const propertyConstructors: PropertyConstructors<never> = {
  always, sometimes, alwaysStep, eventually, alwaysEventually, eventuallyAlways, leadsTo,
};

const LIVENESS_KINDS: ReadonlySet<PropertyKind> = new Set(['eventually', 'alwaysEventually', 'eventuallyAlways', 'leadsTo']);

export function isLiveness<S>(property: Property<S>): property is LivenessProperty<S> {
  return LIVENESS_KINDS.has(property.kind);
}
