/**
 * Properties, built by small constructors and named so results and traces can refer to them.
 *
 * - `always(name, p)`: an invariant — `p` holds in every reachable state.
 * - `sometimes(name, p)`: reachability — some reachable state satisfies `p`; the checker reports an
 *   example trace, and a failure when exhaustive search ends without one.
 * - `alwaysStep(name, p)`: an action property — `p(before, after, step)` holds for every step.
 * - `eventually`, `alwaysEventually`, `eventuallyAlways`, `leadsTo`: liveness, checked over infinite
 *   behaviours under the spec's fairness assumptions.
 * - `refines(name, abstract, map)`: refinement (TLA+'s `PROPERTY Abstract!Spec`) — every initial
 *   state maps to an initial state of the abstract spec, and every step to one of its steps or a
 *   stutter (`refinement.ts` in the checker; the abstract spec's fairness is not checked).
 * - `forAll(instances).leadsTo(name, (s, x) => …, (s, x) => …)`, from the constructors a spec's
 *   `properties` function receives: a family, one property over a set of instances (TLA+'s
 *   `\A c \in Clients : P(c) ~> Q(c)`), reported under its one name with the failing instance
 *   named. Every kind but `sometimes` and `refines` has a family form.
 *
 * Each takes, last, optional `{ description }`: what the property means, shown beside its
 * counterexamples (`always` also takes `explain`, a function of the violating state).
 */
import type { Spec } from './types.ts';

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

interface Described {
  readonly description?: string;
}

interface Named extends Described {
  readonly name: string;
  /** For a member of a family (`forAll`): which instance it is (`c1`); absent for a lone property. */
  readonly instance?: string;
}

export interface Invariant<S> extends Named {
  readonly kind: 'always';
  readonly holds: StatePredicate<S>;
  /** Says why a violating state breaks the invariant (e.g. the offending history); printed under its trace. */
  readonly explain?: (state: S) => string;
}
export interface Reachability<S> extends Named {
  readonly kind: 'sometimes';
  readonly holds: StatePredicate<S>;
}
export interface StepInvariant<S> extends Named {
  readonly kind: 'alwaysStep';
  readonly holds: StepPredicate<S>;
}
/** <>P: every behaviour reaches a state satisfying P. */
export interface Eventually<S> extends Named {
  readonly kind: 'eventually';
  readonly holds: StatePredicate<S>;
}
/** []<>P: P holds infinitely often. */
export interface AlwaysEventually<S> extends Named {
  readonly kind: 'alwaysEventually';
  readonly holds: StatePredicate<S>;
}
/** <>[]P: from some point on, P holds forever. */
export interface EventuallyAlways<S> extends Named {
  readonly kind: 'eventuallyAlways';
  readonly holds: StatePredicate<S>;
}
/** P ~> Q: every state satisfying P is followed (now or later) by one satisfying Q. */
export interface LeadsTo<S> extends Named {
  readonly kind: 'leadsTo';
  readonly from: StatePredicate<S>;
  readonly to: StatePredicate<S>;
}

/**
 * The spec refines `abstract` under `map`: TLA+'s `PROPERTY Abstract!Spec` with `INSTANCE Abstract
 * WITH …` (the mapping). `A` defaults to `any`: in a list of properties the abstract state type is
 * existential (each refinement has its own).
 */
export interface Refinement<S, A = any> extends Named {
  readonly kind: 'refines';
  readonly abstract: Spec<A>;
  readonly map: (state: S) => A;
}

export type SafetyProperty<S> = Invariant<S> | StepInvariant<S> | Refinement<S>;
export type LivenessProperty<S> = Eventually<S> | AlwaysEventually<S> | EventuallyAlways<S> | LeadsTo<S>;
export type Property<S> = SafetyProperty<S> | Reachability<S> | LivenessProperty<S>;
export type PropertyKind = Property<unknown>['kind'];

/** One property over a set of instances, as written in a spec; `defineSpec` lists its members. */
export interface PropertyFamily<S> {
  readonly kind: 'family';
  readonly name: string;
  readonly members: readonly Property<S>[];
}

/** What a spec's `properties` lists: properties and families of them. */
export type PropertyEntry<S> = Property<S> | PropertyFamily<S>;

/** The property with its description, when it has one (no `description: undefined` key otherwise). */
function described<P extends object>(property: P, options: PropertyOptions | undefined): P {
  return options?.description === undefined ? property : { ...property, description: options.description };
}

/** `explain` alone, or options with a description and an explanation. */
export const always = <S>(
  name: string,
  holds: StatePredicate<S>,
  options?: ((state: S) => string) | InvariantOptions<S>,
): Invariant<S> => {
  const { explain, ...rest } = typeof options === 'function' ? { explain: options } : (options ?? {});
  return described<Invariant<S>>(
    explain ? { kind: 'always', name, holds, explain } : { kind: 'always', name, holds },
    rest,
  );
};
export const sometimes = <S>(name: string, holds: StatePredicate<S>, options?: PropertyOptions): Reachability<S> =>
  described({ kind: 'sometimes', name, holds }, options);
export const alwaysStep = <S>(name: string, holds: StepPredicate<S>, options?: PropertyOptions): StepInvariant<S> =>
  described({ kind: 'alwaysStep', name, holds }, options);
export const eventually = <S>(name: string, holds: StatePredicate<S>, options?: PropertyOptions): Eventually<S> =>
  described({ kind: 'eventually', name, holds }, options);
export const alwaysEventually = <S>(
  name: string,
  holds: StatePredicate<S>,
  options?: PropertyOptions,
): AlwaysEventually<S> => described({ kind: 'alwaysEventually', name, holds }, options);
export const eventuallyAlways = <S>(
  name: string,
  holds: StatePredicate<S>,
  options?: PropertyOptions,
): EventuallyAlways<S> => described({ kind: 'eventuallyAlways', name, holds }, options);
export const leadsTo = <S>(
  name: string,
  from: StatePredicate<S>,
  to: StatePredicate<S>,
  options?: PropertyOptions,
): LeadsTo<S> => described({ kind: 'leadsTo', name, from, to }, options);

export const refines = <S, A>(name: string, abstract: Spec<A>, map: (state: S) => A): Refinement<S, A> => ({
  kind: 'refines',
  name,
  abstract,
  map,
});

/** The family constructors over instances of type `X`: each predicate also receives the instance. */
export interface FamilyConstructors<S, X> {
  readonly always: (name: string, holds: (state: S, x: X) => boolean) => PropertyFamily<S>;
  readonly alwaysStep: (
    name: string,
    holds: (before: S, after: S, step: StepLabel, x: X) => boolean,
  ) => PropertyFamily<S>;
  readonly eventually: (name: string, holds: (state: S, x: X) => boolean) => PropertyFamily<S>;
  readonly alwaysEventually: (name: string, holds: (state: S, x: X) => boolean) => PropertyFamily<S>;
  readonly eventuallyAlways: (name: string, holds: (state: S, x: X) => boolean) => PropertyFamily<S>;
  readonly leadsTo: (
    name: string,
    from: (state: S, x: X) => boolean,
    to: (state: S, x: X) => boolean,
  ) => PropertyFamily<S>;
}

/**
 * `forAll(clients).leadsTo('ClientsWillReturn', (s, c) => …, (s, c) => …)`: one property per
 * instance, under one name; `label` names an instance in reports (default: strings as they are,
 * arrays joined with commas, other values as JSON).
 */
export function forAll<S, X>(
  instances: readonly X[],
  label: (x: X) => string = instanceLabel,
): FamilyConstructors<S, X> {
  const family = (name: string, member: (x: X) => Property<S>): PropertyFamily<S> => ({
    kind: 'family',
    name,
    members: instances.map((x) => ({ ...member(x), name, instance: label(x) })),
  });
  return {
    always: (name, holds) => family(name, (x) => always(name, (s) => holds(s, x))),
    alwaysStep: (name, holds) =>
      family(name, (x) => alwaysStep(name, (before, after, step) => holds(before, after, step, x))),
    eventually: (name, holds) => family(name, (x) => eventually(name, (s) => holds(s, x))),
    alwaysEventually: (name, holds) => family(name, (x) => alwaysEventually(name, (s) => holds(s, x))),
    eventuallyAlways: (name, holds) => family(name, (x) => eventuallyAlways(name, (s) => holds(s, x))),
    leadsTo: (name, from, to) =>
      family(name, (x) =>
        leadsTo(
          name,
          (s) => from(s, x),
          (s) => to(s, x),
        ),
      ),
  };
}

function instanceLabel(x: unknown): string {
  if (typeof x === 'string') return x;
  if (Array.isArray(x)) return x.map(instanceLabel).join(', ');
  return typeof x === 'object' && x !== null ? JSON.stringify(x) : String(x);
}

/** The constructors with the state type fixed, as passed to a spec's `properties` function. */
export interface PropertyConstructors<S> {
  readonly always: (
    name: string,
    holds: StatePredicate<S>,
    options?: ((state: S) => string) | InvariantOptions<S>,
  ) => Invariant<S>;
  readonly sometimes: (name: string, holds: StatePredicate<S>, options?: PropertyOptions) => Reachability<S>;
  readonly alwaysStep: (name: string, holds: StepPredicate<S>, options?: PropertyOptions) => StepInvariant<S>;
  readonly eventually: (name: string, holds: StatePredicate<S>, options?: PropertyOptions) => Eventually<S>;
  readonly alwaysEventually: (name: string, holds: StatePredicate<S>, options?: PropertyOptions) => AlwaysEventually<S>;
  readonly eventuallyAlways: (name: string, holds: StatePredicate<S>, options?: PropertyOptions) => EventuallyAlways<S>;
  readonly leadsTo: (
    name: string,
    from: StatePredicate<S>,
    to: StatePredicate<S>,
    options?: PropertyOptions,
  ) => LeadsTo<S>;
  readonly refines: <A>(name: string, abstract: Spec<A>, map: (state: S) => A) => Refinement<S, A>;
  readonly forAll: <X>(instances: readonly X[], label?: (x: X) => string) => FamilyConstructors<S, X>;
}

export const propertyConstructors = {
  always,
  sometimes,
  alwaysStep,
  eventually,
  alwaysEventually,
  eventuallyAlways,
  leadsTo,
  refines,
  forAll,
};

const LIVENESS_KINDS: ReadonlySet<PropertyKind> = new Set([
  'eventually',
  'alwaysEventually',
  'eventuallyAlways',
  'leadsTo',
]);

export function isLiveness<S>(property: Property<S>): property is LivenessProperty<S> {
  return LIVENESS_KINDS.has(property.kind);
}
