/**
 * The shapes of a specification: what a user writes (`SpecDefinition`) and the resolved form the
 * engines read (`Spec`). A state is plain immutable data — see `value.ts`.
 */
import type { Property, PropertyConstructors, PropertyEntry, StepLabel } from './properties.ts';
import type { Fairness, FairnessConstructors } from './fairness.ts';
import type { StateLayout, Words } from './packed.ts';
import type { FairnessAssumption } from './resolve-fairness.ts';

/** A parameter domain: fixed values, or values read off the current state (messages in flight). */
export type ParamDomain<S, P> = readonly P[] | ((state: S) => readonly P[]);

/**
 * One named action. `next` is pure: it returns the successor for parameter `p`, or `undefined`
 * when the action is not enabled. It must not modify `state` (share unchanged parts instead).
 * It also receives the parameter's position in the domain, for models that keep per-parameter
 * data in arrays (packed models, where a look-up by value would cost more than the step).
 */
export interface ActionDefinition<S, P> {
  /** The values the action is tried with, in order; omit for an action without a parameter. */
  readonly params?: ParamDomain<S, P>;
  // NoInfer: the parameter type comes from `params` alone, so `next` is checked against the state
  // type as written (literal unions such as `tm: 'committed'` stay literal).
  readonly next: NoInfer<(state: S, param: P, index: number) => S | undefined>;
}

/** What every spec definition has, whatever its states are. `P` maps each action name to its parameter type. */
export interface SpecFields<S, P extends Record<string, unknown>> {
  readonly name: string;
  /** The initial states, in order (their order is part of every trace path). */
  readonly init: () => readonly S[];
  /** The actions, in order: a trace path names an action by its position here. */
  readonly actions: { readonly [K in keyof P]: ActionDefinition<NoInfer<S>, P[K]> };
  /**
   * Named properties. Write them as a function of the typed constructors so the state type flows
   * in — `properties: ({ always }) => [always('safe', (s) => …)]` — or as an array of
   * `always(…)` calls with annotated predicates.
   */
  readonly properties?:
    | readonly PropertyEntry<NoInfer<S>>[]
    | ((build: PropertyConstructors<NoInfer<S>>) => readonly PropertyEntry<NoInfer<S>>[]);
  /**
   * A state constraint (TLC's CONSTRAINT, Kripke's boundary): a successor outside it is counted
   * as generated and checked against invariants, but is neither stored nor explored.
   */
  readonly constraint?: (state: NoInfer<S>) => boolean;
  /**
   * An action constraint (TLC's ACTION_CONSTRAINT), over a step: a step it rejects is counted as
   * generated and checked against invariants and step properties, but its successor is neither
   * stored nor explored; the state it leaves is not deadlocked by it, and for fairness the action
   * stays enabled there (TLC's semantics, pinned in `checker/action-constraint.test.ts`).
   */
  readonly actionConstraint?: (before: NoInfer<S>, after: NoInfer<S>, step: StepLabel) => boolean;
  /** TLC's CHECK_DEADLOCK: false means a state without successors is never a deadlock (default true; the CLI's --deadlock/--no-deadlock override it). */
  readonly checkDeadlock?: boolean;
  /**
   * What people see of a state (TLC's ALIAS): traces, pictures and exports show `display(state)`;
   * identity, replay and properties keep the real state. Default: the state (a packed state decoded).
   */
  readonly display?: (state: NoInfer<S>) => unknown;
  /** What identifies a state; two states with equal views are one state. Defaults to the state. */
  readonly view?: (state: NoInfer<S>) => unknown;
  /** States in which having no enabled action is a legal end, not a deadlock. */
  readonly terminal?: (state: NoInfer<S>) => boolean;
  /** Maps a state to the canonical representative of its symmetry class (see `symmetry.ts`). */
  readonly symmetry?: (state: NoInfer<S>) => NoInfer<S>;
  /**
   * Fairness assumptions for liveness properties, each about a group of action instances
   * (`fairness.ts`). Write them as a function of the typed constructors —
   * `fairness: ({ weak }) => [weak(['initiateProbe', 'passToken'])]` — so action names and parameters
   * are checked against the actions at compile time.
   */
  readonly fairness?: readonly Fairness[] | ((build: FairnessConstructors<NoInfer<P>>) => readonly Fairness[]);
  /** Actor specs: how one message reads in traces and charts (default: its type, then its values). */
  readonly formatMessage?: (message: never) => string;
  /**
   * Facts worth marking in a counterexample (`v1 chosen in ballot 1`, `n2 leads term 2`): each
   * picture notes one at the step that makes it true. For showing only; never checked.
   */
  readonly milestones?: (state: NoInfer<S>) => readonly string[];
  /** Actor specs: the order of the sequence chart's lanes (default: the order that crosses fewest lanes). */
  readonly lanes?: readonly string[];
}

/**
 * What a user passes to `defineSpec`. Without a `layout` the states are what `init` returns (`S`);
 * with one (`L`, a `packedLayout`) they are `Words`: every function of the spec receives words,
 * the checker hashes them word by word, and traces show them decoded by the layout. A layout on a
 * spec whose `init` returns anything but words does not compile.
 */
export type SpecDefinition<
  S,
  P extends Record<string, unknown>,
  L extends StateLayout | undefined = undefined,
> = SpecFields<DefinedState<S, L>, P> & { readonly layout?: LayoutFor<S, L> };

/**
 * The states of a definition: `Words` when it has a layout, else what its `init` returns. The
 * `undefined` test comes first: without `strictNullChecks` (a consumer's non-strict tsconfig,
 * ts-jest's defaults) `undefined` extends every type, `StateLayout` too.
 */
export type DefinedState<S, L> = [L] extends [undefined] ? S : [L] extends [StateLayout] ? Words : S;

/** A layout fits only a spec whose states are words; on any other it reads as this message. */
type LayoutFor<S, L> = [L] extends [undefined]
  ? L
  : [L] extends [StateLayout]
    ? [S] extends [Words]
      ? L
      : LayoutNeedsWords
    : L;
interface LayoutNeedsWords {
  readonly 'a layout needs a spec whose states are Words (init returns other states)': never;
}

/** An action as the engines see it: a position, a name, and an enumerable domain. */
export interface Action<S> {
  readonly index: number;
  readonly name: string;
  /** True when the action was declared without parameters (its domain is `[undefined]`). */
  readonly parameterless: boolean;
  readonly domain: (state: S) => readonly unknown[];
  /** The domain when it is fixed (an array, or no parameter); undefined when it depends on the state. */
  readonly values: readonly unknown[] | undefined;
  /** `index` is the parameter's position in `domain(state)`; the engines always pass it. */
  readonly next: (state: S, param: unknown, index?: number) => S | undefined;
}

/** A resolved specification: what `check`, the renderers and the explorer consume. */
export interface Spec<S = unknown> {
  readonly name: string;
  readonly init: () => readonly S[];
  readonly actions: readonly Action<S>[];
  readonly properties: readonly Property<S>[];
  readonly constraint: ((state: S) => boolean) | undefined;
  readonly actionConstraint: ((before: S, after: S, step: StepLabel) => boolean) | undefined;
  /** The spec's own CHECK_DEADLOCK; undefined: not said (deadlocks are checked). */
  readonly checkDeadlock: boolean | undefined;
  readonly view: ((state: S) => unknown) | undefined;
  readonly terminal: ((state: S) => boolean) | undefined;
  readonly symmetry: ((state: S) => S) | undefined;
  readonly fairness: readonly FairnessAssumption[];
  readonly formatMessage: ((message: never) => string) | undefined;
  /** Facts pictures mark when they become true (`SpecFields.milestones`). */
  readonly milestones?: (state: S) => readonly string[];
  /** Actor specs: the sequence chart's lane order, when the model gives one. */
  readonly lanes?: readonly string[];
  /** A packed spec's layout (its states are then `Words`); undefined for object states. */
  readonly layout: StateLayout | undefined;
  /**
   * A state as people read it — in traces, pictures and saved files: the definition's `display`
   * (TLC's ALIAS), else the state itself, or a packed state's words decoded into named fields.
   * Only for showing: identity, replay, properties and explanations use the state itself.
   */
  readonly display: (state: S) => unknown;
}

/** The state type of a spec, for helpers written against a spec value. */
export type StateOf<T> = T extends Spec<infer S> ? S : never;
