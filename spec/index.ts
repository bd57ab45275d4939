/**
 * Kripke's authoring API. A protocol is a few pure functions and named properties:
 *
 * ```ts
 * import { defineSpec } from 'kripke/spec';
 *
 * interface Jugs { small: number; big: number }
 * const pour = (from: number, to: number, room: number) => Math.min(from, room - to);
 *
 * export const dieHard = defineSpec({
 *   name: 'die-hard',
 *   init: (): Jugs[] => [{ small: 0, big: 0 }],
 *   actions: {                        // in order: a trace path names an action by position
 *     fillSmall: { next: (s) => ({ ...s, small: 3 }) },
 *     fillBig: { next: (s) => ({ ...s, big: 5 }) },
 *     smallToBig: { next: (s) => { const n = pour(s.small, s.big, 5); return { small: s.small - n, big: s.big + n }; } },
 *   },
 *   properties: ({ always, sometimes }) => [   // typed constructors for this state
 *     always('big never holds 4', (s) => s.big !== 4),   // an invariant
 *     sometimes('big can be full', (s) => s.big === 5),   // reachability, reported with an example
 *   ],
 * });
 * ```
 *
 * - An action's `next(state, param)` returns the successor, or `undefined` when not enabled. It
 *   is **pure**: the same input gives the same output, and the input is never modified — the
 *   checker stores fingerprints, not states, and re-runs actions to rebuild traces, so an impure
 *   action makes both the search and its traces wrong (`check(…, { strict: true })` catches it).
 * - `params` is the parameter domain: an array, or a function of the state (annotate its state
 *   argument so types infer: `params: (s: State) => [...s.msgs]`). The order of actions and of
 *   parameters is part of the contract: trace paths refer to them by position.
 * - A state is plain immutable data: null, booleans, finite numbers, strings, bigints, arrays,
 *   plain objects, Map and Set. Object key order and Map/Set insertion order do not matter.
 * - A protocol (`defineProtocol`) wraps a spec builder with a typed configuration and variants.
 * - `withEntry`, `withMember`, `withoutMember` build successors that share what they do not
 *   change, faster than the obvious spreads on Node 20 (for arrays: `items.with(i, value)`); `interned` makes records usable as Set
 *   members by value (one frozen object per distinct record).
 * - For models at the edge of what fits, `packedLayout` (`packed.ts`) describes a state as a flat
 *   array of small integers with named fields; pass it as `layout` and the states are `Words` (by
 *   type: a layout on other states does not compile), the checker hashes the words directly
 *   (several times faster), and traces show them decoded (`Spec.display`). `definePackedSpec(layout,
 *   {…})` writes such a spec against object-like views instead (`views.ts`: `s.tm`, `s.rm.get(r)`,
 *   `t.msgs.add(m)` on `const t = s.copy()`), over the same words.
 * - Porting TLA+: `fairness: ({ weak, strong, allActions }) => [...]` over groups of actions
 *   (`fairness.ts`), `forAll(instances).leadsTo(…)` families and `refines(name, abstract, map)`
 *   (`properties.ts`), `actionConstraint` (ACTION_CONSTRAINT), `checkDeadlock` (CHECK_DEADLOCK)
 *   and `display` (ALIAS) in the definition (`types.ts`).
 */
export { defineSpec } from './define.ts';
export { definePackedSpec, type PackedDefinition } from './define-packed.ts';
export { viewsOf } from './views.ts';
export type {
  Draft,
  KeyedView,
  QueueView,
  ReadonlyKeyedView,
  ReadonlyQueueView,
  ReadonlySetView,
  SetView,
  StateView,
  StateViewOf,
} from './views.ts';
export { defineProtocol } from './protocol.ts';
export { withEntry, withMember, withoutMember } from './updates.ts';
export { interned } from './interned.ts';
export { arrayOf, bitArrayOf, bool, int, oneOf, packedLayout, queueOf, record, setOf } from './packed.ts';
export type {
  ArrayField,
  BoolField,
  EnumField,
  Field,
  FieldType,
  IntField,
  PackedLayout,
  QueueField,
  RecordField,
  SetField,
  StateLayout,
  Words,
} from './packed.ts';
export type { ConfigOf, ConfigParameter, ConfigSchema, ConfigValue, Protocol, ProtocolDefinition } from './protocol.ts';
export {
  always,
  alwaysEventually,
  alwaysStep,
  eventually,
  eventuallyAlways,
  isLiveness,
  leadsTo,
  refines,
  sometimes,
} from './properties.ts';
export type {
  AlwaysEventually,
  Eventually,
  EventuallyAlways,
  FamilyConstructors,
  Invariant,
  InvariantOptions,
  LeadsTo,
  LivenessProperty,
  Property,
  PropertyConstructors,
  PropertyEntry,
  PropertyFamily,
  PropertyKind,
  PropertyOptions,
  Reachability,
  Refinement,
  SafetyProperty,
  StatePredicate,
  StepInvariant,
  StepLabel,
  StepPredicate,
} from './properties.ts';
export { allActions, strong, weak } from './fairness.ts';
export { permutations, type SymmetryGroups } from './symmetry.ts';
export { LayoutSymmetry, layoutPermutations } from './layout-symmetry.ts';
export type {
  AllActions,
  Fairness,
  FairMember,
  FairnessConstructor,
  FairnessConstructors,
  FairTarget,
  TypedMember,
} from './fairness.ts';
export type { ActionInstances, FairnessAssumption } from './resolve-fairness.ts';
export { KripkeError, unknownName } from './errors.ts';
export type { ErrorCode } from './errors.ts';
export type { Action, ActionDefinition, ParamDomain, Spec, SpecDefinition, StateOf } from './types.ts';
export { ACTOR_ACTIONS, actorEvent, defineActorSpec, describeActorEvent } from './actor/index.ts';
export type {
  ActorContext,
  ActorEvent,
  ActorId,
  ActorSystemDefinition,
  Behaviour,
  Envelope,
  Reaction,
  SystemState,
} from './actor/index.ts';
export {
  explainConsistency,
  formatHistory,
  isLinearizable,
  isSequentiallyConsistent,
  keyValueMap,
  linearizable,
  register,
  sequentiallyConsistent,
} from './semantics/index.ts';
export type { HistoryEvent, SequentialSpec } from './semantics/index.ts';
