/**
 * The actor layer's authoring types: per-node behaviours (pure handlers returning a `Reaction`),
 * the network semantics, the fault model and the bounds that keep the state space finite.
 */
import type { Fairness } from '../fairness.ts';
import type { Property, PropertyConstructors } from '../properties.ts';
import type { ActorId } from './events.ts';

/** A message on its way: who sent it, to whom, and what. Also the parameter of Deliver/Drop/Duplicate. */
export interface Envelope<M> {
  readonly from: ActorId;
  readonly to: ActorId;
  readonly msg: M;
}

/** What a handler tells the system to do besides changing its own state. */
export interface Reaction<L, M, H = never> {
  readonly state: L;
  readonly send?: readonly { readonly to: ActorId; readonly msg: M }[];
  /** Timers to (re)arm; a timer is a name, set or not (setting a set timer changes nothing). */
  readonly setTimers?: readonly string[];
  readonly cancelTimers?: readonly string[];
  /** Observations appended to the system's global history (client invocations and returns). */
  readonly record?: readonly H[];
}

/** What a handler knows about where it runs. */
export interface ActorContext {
  readonly self: ActorId;
  /** Every actor of the system, in declaration order (self included). */
  readonly actors: readonly ActorId[];
  /** Every actor except self, in declaration order. */
  readonly peers: readonly ActorId[];
}

/**
 * One node's behaviour. Every handler is pure: it returns the new local state and its effects and
 * never modifies the state it is given.
 */
export interface Behaviour<L, M, H = never> {
  /** The node's state when the system starts (and, over its durable fields, when it recovers). */
  readonly onStart: (ctx: ActorContext) => Reaction<L, M, H>;
  /** Handles one delivered message; `undefined` means ignored (consumed, state unchanged). */
  readonly onMessage: (state: L, envelope: Envelope<M>, ctx: ActorContext) => Reaction<L, M, H> | undefined;
  /** Handles a timer firing; `undefined` means this timeout is not enabled in this state. */
  readonly onTimeout?: (state: L, timer: string, ctx: ActorContext) => Reaction<L, M, H> | undefined;
  /** Named local steps (client operations), tried in this order. */
  readonly localSteps?: readonly string[];
  /**
   * Takes a local step; `undefined` means not enabled in this state. Local steps model the
   * environment (clients), so they also see the global history: a client operation can be issued
   * once in the whole system.
   */
  readonly onLocal?: (
    state: L,
    label: string,
    ctx: ActorContext,
    history: readonly H[],
  ) => Reaction<L, M, H> | undefined;
  /**
   * Optional: true when the receiver, in this state, will ignore this message now and in every
   * later state (delivering it would change nothing and send nothing). Such messages are discarded
   * at once — when sent, and whenever the receiver's state changes — so stale messages do not
   * multiply states. Must be monotone: once true, it stays true as the receiver moves on
   * (crashes included). Only node states are affected, so properties over them are unchanged.
   */
  readonly obsolete?: (state: L, envelope: Envelope<M>) => boolean;
  /**
   * Fields that survive a crash (stable storage). On Crash the node keeps these and reverts every
   * other field to its `onStart` value; its timers are cleared. Default: nothing survives.
   */
  readonly durable?: readonly (keyof L & string)[];
}

/**
 * How messages travel:
 * - `unordered`: any message in flight may be delivered next; each send is delivered at most once.
 * - `duplicating`: unordered, and delivery leaves the message in flight, so it may be delivered
 *   again (Stateright's UnorderedDuplicating; the in-flight messages form a set).
 * - `fifo`: per link (sender → receiver) messages are delivered in the order they were sent.
 * `lossy: true` adds Drop: any message in flight may be lost.
 */
export interface NetworkSemantics {
  readonly kind: 'unordered' | 'duplicating' | 'fifo';
  readonly lossy?: boolean;
}

/**
 * What can go wrong besides the network:
 * - `crash`: `none`, `stop` (a crashed node never returns) or `recover` (it restarts from its
 *   durable fields). `crashable` restricts which nodes may crash (default: all).
 * - `partitions`: the network may split into two groups; messages across are held back until Heal.
 */
export interface FaultModel {
  readonly crash?: 'none' | 'stop' | 'recover';
  readonly crashable?: readonly ActorId[];
  readonly partitions?: boolean;
}

/** Bounds that keep the state space finite. Each defaults to unbounded (or 0 for faults). */
export interface ActorBounds {
  /** States with more messages in flight are outside the boundary: checked, not explored. */
  readonly maxInFlight?: number;
  readonly maxCrashes?: number;
  readonly maxTimeouts?: number;
  readonly maxPartitions?: number;
  /** Duplicate (copy a message in flight) at most this many times; unordered and fifo networks. */
  readonly maxDuplicates?: number;
}

/** How many faults and timeouts have been spent so far (compared against the bounds). */
export interface Spent {
  readonly crashes: number;
  readonly timeouts: number;
  readonly partitions: number;
  readonly duplicates: number;
}

/** The state of an actor system: plain immutable data, as every spec state. */
export interface SystemState<L, M, H = never> {
  readonly nodes: Readonly<Record<ActorId, L>>;
  /** Crashed nodes, in declaration order. */
  readonly down: readonly ActorId[];
  /** Each node's armed timers, sorted. */
  readonly timers: Readonly<Record<ActorId, readonly string[]>>;
  /** Messages in flight in canonical order (see network.ts). */
  readonly network: readonly Envelope<M>[];
  /** The two groups of a partition, or empty when the network is whole. */
  readonly partition: readonly (readonly ActorId[])[];
  readonly spent: Spent;
  readonly history: readonly H[];
}

/** What a user passes to `defineActorSpec`. */
export interface ActorSystemDefinition<L, M, H = never> {
  readonly name: string;
  /** The actors by id, in order (the order of every parameter domain). */
  readonly actors: Readonly<Record<ActorId, Behaviour<L, M, H>>>;
  readonly network: NetworkSemantics;
  readonly faults?: FaultModel;
  readonly bounds?: ActorBounds;
  readonly properties?: (
    build: PropertyConstructors<SystemState<L, M, H>>,
  ) => readonly Property<SystemState<L, M, H>>[];
  readonly fairness?: readonly Fairness[];
  /** Quiescent states are legal ends by default; pass a predicate to report some as deadlocks. */
  readonly terminal?: (state: SystemState<L, M, H>) => boolean;
  /** How one message reads in traces and message sequence charts: `requestVote(t2, last 1:1)`. */
  readonly formatMessage?: (message: M) => string;
  /** Facts the pictures mark when they become true: `v1 chosen in ballot 1`, `n2 leads term 2`. */
  readonly milestones?: (state: SystemState<L, M, H>) => readonly string[];
  /** The sequence chart's lanes, left to right (default: the order that crosses fewest lanes). */
  readonly lanes?: readonly ActorId[];
}
