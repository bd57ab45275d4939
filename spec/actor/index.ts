/**
 * The actor layer: write each node as pure handlers, choose a network and a fault model, and get
 * an ordinary spec whose actions (Deliver, Drop, Duplicate, Timeout, Crash, Recover, Partition,
 * Heal, Local) show in traces with sender, receiver and message.
 *
 * ```ts
 * const pinger: Behaviour<Local, Msg> = {
 *   onStart: () => ({ state: { pongs: 0 }, send: [{ to: 'b', msg: 'ping' }] }),
 *   onMessage: (s, { from, msg }) => msg === 'ping' ? { state: s, send: [{ to: from, msg: 'pong' }] }
 *     : { state: { pongs: s.pongs + 1 } },
 * };
 * const spec = defineActorSpec({ name: 'ping-pong', actors: { a: pinger, b: pinger },
 *   network: { kind: 'unordered', lossy: true }, faults: { crash: 'stop' }, bounds: { maxCrashes: 1 },
 *   properties: ({ always }) => [always('at most one pong', (s) => s.nodes.a!.pongs <= 1)] });
 * ```
 */
export { defineActorSpec } from './define-actors.ts';
export { canonicalKey, compareCanonical } from '../canonical.ts';
export { twoWaySplits } from './actions.ts';
export { ACTOR_ACTIONS, actorEvent, describeActorEvent } from './events.ts';
export type { ActorEvent, ActorEventKind, ActorId } from './events.ts';
export type {
  ActorBounds,
  ActorContext,
  ActorSystemDefinition,
  Behaviour,
  Envelope,
  FaultModel,
  NetworkSemantics,
  Reaction,
  Spent,
  SystemState,
} from './types.ts';
