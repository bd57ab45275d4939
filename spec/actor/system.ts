/**
 * Pure operations on an actor system's state: starting it, applying a node's reaction (its new
 * state, sends, timers, observations), crashing and recovering a node.
 */
import { KripkeError } from '../errors.ts';
import type { ActorId } from './events.ts';
import { enqueue } from './network.ts';
import type { ActorContext, ActorSystemDefinition, Behaviour, Envelope, Reaction, SystemState } from './types.ts';

/** The resolved system: behaviours and contexts by id, in declaration order. */
export interface System<L, M, H> {
  readonly definition: ActorSystemDefinition<L, M, H>;
  readonly ids: readonly ActorId[];
  readonly behaviours: ReadonlyMap<ActorId, Behaviour<L, M, H>>;
  readonly contexts: ReadonlyMap<ActorId, ActorContext>;
}

export function resolveSystem<L, M, H>(definition: ActorSystemDefinition<L, M, H>): System<L, M, H> {
  const ids = Object.keys(definition.actors);
  if (ids.length === 0)
    throw new KripkeError('invalid-spec', 'an actor system needs at least one actor', { model: definition.name });
  const behaviours = new Map(ids.map((id) => [id, definition.actors[id]!] as const));
  const contexts = new Map(
    ids.map((id) => [id, Object.freeze({ self: id, actors: ids, peers: ids.filter((p) => p !== id) })] as const),
  );
  return { definition, ids, behaviours, contexts };
}

export function behaviourOf<L, M, H>(system: System<L, M, H>, id: ActorId): Behaviour<L, M, H> {
  return system.behaviours.get(id)!;
}

export function contextOf(system: System<unknown, unknown, unknown>, id: ActorId): ActorContext {
  return system.contexts.get(id)!;
}

/** The initial state: every node's `onStart` applied in declaration order. */
export function initialState<L, M, H>(system: System<L, M, H>): SystemState<L, M, H> {
  let state: SystemState<L, M, H> = {
    nodes: {},
    down: [],
    timers: {},
    network: [],
    partition: [],
    spent: { crashes: 0, timeouts: 0, partitions: 0, duplicates: 0 },
    history: [],
  };
  for (const id of system.ids) {
    const start = behaviourOf(system, id).onStart(contextOf(system as System<unknown, unknown, unknown>, id));
    state = applyReaction(system, { ...state, timers: { ...state.timers, [id]: [] } }, id, start);
  }
  return state;
}

/** Applies node `id`'s reaction: its new local state, messages, timers and observations. */
export function applyReaction<L, M, H>(
  system: System<L, M, H>,
  state: SystemState<L, M, H>,
  id: ActorId,
  reaction: Reaction<L, M, H>,
): SystemState<L, M, H> {
  if (typeof reaction !== 'object' || reaction === null || !('state' in reaction)) {
    throw new KripkeError(
      'action-threw',
      `actor '${id}' returned ${String(reaction)} instead of a reaction { state, send?, … }`,
      { model: system.definition.name, actor: id },
    );
  }
  const nodes: Readonly<Record<ActorId, L>> = { ...state.nodes, [id]: reaction.state };
  let network = discardObsolete(system, state.network, id, reaction.state);
  for (const { to, msg } of reaction.send ?? []) {
    if (!system.behaviours.has(to)) {
      throw new KripkeError(
        'invalid-spec',
        `actor '${id}' sent a message to unknown actor '${to}'; actors: ${system.ids.join(', ')}`,
        { model: system.definition.name, actor: id },
      );
    }
    const envelope: Envelope<M> = { from: id, to, msg };
    if (!isObsolete(system, nodes[to], envelope)) network = enqueue(system.definition.network.kind, network, envelope);
  }
  const timers = updateTimers(state.timers[id] ?? [], reaction);
  return {
    ...state,
    nodes,
    network,
    timers: timers === state.timers[id] ? state.timers : { ...state.timers, [id]: timers },
    history: reaction.record && reaction.record.length > 0 ? [...state.history, ...reaction.record] : state.history,
  };
}

function isObsolete<L, M, H>(system: System<L, M, H>, receiver: L | undefined, envelope: Envelope<M>): boolean {
  const obsolete = behaviourOf(system, envelope.to).obsolete;
  return obsolete !== undefined && receiver !== undefined && obsolete(receiver, envelope);
}

/** The messages to `id` that its new state makes obsolete, removed (the same array when none). */
function discardObsolete<L, M, H>(
  system: System<L, M, H>,
  network: readonly Envelope<M>[],
  id: ActorId,
  local: L,
): readonly Envelope<M>[] {
  if (behaviourOf(system, id).obsolete === undefined) return network;
  const kept = network.filter((e) => e.to !== id || !isObsolete(system, local, e));
  return kept.length === network.length ? network : kept;
}

function updateTimers(current: readonly string[], reaction: Reaction<unknown, unknown, unknown>): readonly string[] {
  const { setTimers = [], cancelTimers = [] } = reaction;
  if (setTimers.length === 0 && cancelTimers.length === 0) return current;
  const next = new Set(current);
  for (const t of cancelTimers) next.delete(t);
  for (const t of setTimers) next.add(t);
  return [...next].sort();
}

/** Crashes `id`: volatile fields revert to their start values, timers are cleared. */
export function crash<L, M, H>(
  system: System<L, M, H>,
  state: SystemState<L, M, H>,
  id: ActorId,
): SystemState<L, M, H> {
  const local = state.nodes[id] as L;
  const restarted = behaviourOf(system, id).onStart(contextOf(system as System<unknown, unknown, unknown>, id)).state;
  const kept = keepDurable(behaviourOf(system, id).durable ?? [], local, restarted);
  return {
    ...state,
    nodes: { ...state.nodes, [id]: kept },
    down: system.ids.filter((n) => n === id || state.down.includes(n)),
    timers: { ...state.timers, [id]: [] },
    spent: { ...state.spent, crashes: state.spent.crashes + 1 },
  };
}

/** Recovers `id`: it runs `onStart` again, then its durable fields are restored over the result. */
export function recover<L, M, H>(
  system: System<L, M, H>,
  state: SystemState<L, M, H>,
  id: ActorId,
): SystemState<L, M, H> {
  const start = behaviourOf(system, id).onStart(contextOf(system as System<unknown, unknown, unknown>, id));
  const kept = keepDurable(behaviourOf(system, id).durable ?? [], state.nodes[id] as L, start.state);
  const up = { ...state, down: state.down.filter((n) => n !== id) };
  return applyReaction(system, up, id, { ...start, state: kept });
}

function keepDurable<L>(durable: readonly string[], from: L, onto: L): L {
  if (durable.length === 0) return onto;
  const result: Record<string, unknown> = { ...(onto as Record<string, unknown>) };
  for (const field of durable) result[field] = (from as Record<string, unknown>)[field];
  return result as L;
}
