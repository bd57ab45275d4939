/**
 * The actions an actor system compiles to, named as in `events.ts` so renderers can read traces:
 * Deliver, Drop, Duplicate (parameter `{ from, to, msg }`), Timeout (`{ node, timer }`), Crash and
 * Recover (`{ node }`), Partition (`{ groups }`), Heal, Local (`{ node, label }`). Only the
 * actions the network and fault model allow are present.
 */
import type { ActionDefinition } from '../types.ts';
import type { ActorId } from './events.ts';
import { deliverable, duplicate, remove } from './network.ts';
import { applyReaction, behaviourOf, contextOf, crash, recover, type System } from './system.ts';
import type { Envelope, SystemState } from './types.ts';

type State<L, M, H> = SystemState<L, M, H>;
type Actions<S> = Record<string, ActionDefinition<S, any>>;
type AnySystem = System<unknown, unknown, unknown>;

export function actorActions<L, M, H>(system: System<L, M, H>): Actions<State<L, M, H>> {
  const { network, faults = {}, bounds = {} } = system.definition;
  const actions: Actions<State<L, M, H>> = { Deliver: deliverAction(system) };
  if (network.lossy) actions.Drop = dropAction(system);
  if ((bounds.maxDuplicates ?? 0) > 0 && network.kind !== 'duplicating')
    actions.Duplicate = duplicateAction(system, bounds.maxDuplicates!);
  if (system.ids.some((id) => behaviourOf(system, id).onTimeout))
    actions.Timeout = timeoutAction(system, bounds.maxTimeouts ?? Infinity);
  const crashMode = faults.crash ?? 'none';
  if (crashMode !== 'none' && (bounds.maxCrashes ?? 0) > 0) {
    actions.Crash = crashAction(system, faults.crashable ?? system.ids, bounds.maxCrashes!);
    if (crashMode === 'recover') actions.Recover = recoverAction(system);
  }
  if (faults.partitions && (bounds.maxPartitions ?? 0) > 0) {
    actions.Partition = partitionAction(system, bounds.maxPartitions!);
    actions.Heal = { next: (s: State<L, M, H>) => (s.partition.length === 0 ? undefined : { ...s, partition: [] }) };
  }
  const locals = localSteps(system);
  if (locals.length > 0) actions.Local = localAction(system, locals);
  return actions;
}

const isUp = (s: State<unknown, unknown, unknown>, id: ActorId) => !s.down.includes(id);

/** True when the partition (if any) lets `from` reach `to`. */
function connected(s: State<unknown, unknown, unknown>, from: ActorId, to: ActorId): boolean {
  return s.partition.length === 0 || s.partition.some((g) => g.includes(from) && g.includes(to));
}

function deliverAction<L, M, H>(system: System<L, M, H>): ActionDefinition<State<L, M, H>, Envelope<M>> {
  const kind = system.definition.network.kind;
  return {
    params: (s: State<L, M, H>) =>
      deliverable(kind, s.network).filter((e) => isUp(s, e.to) && connected(s, e.from, e.to)),
    next: (s, envelope) => {
      const behaviour = behaviourOf(system, envelope.to);
      const local = s.nodes[envelope.to] as L;
      const reaction = behaviour.onMessage(local, envelope, contextOf(system as AnySystem, envelope.to)) ?? {
        state: local,
      };
      const network = kind === 'duplicating' ? s.network : remove(s.network, envelope);
      return applyReaction(system, { ...s, network }, envelope.to, reaction);
    },
  };
}

function dropAction<L, M, H>(system: System<L, M, H>): ActionDefinition<State<L, M, H>, Envelope<M>> {
  const kind = system.definition.network.kind;
  return {
    params: (s: State<L, M, H>) => deliverable(kind, s.network),
    next: (s, envelope) => ({ ...s, network: remove(s.network, envelope) }),
  };
}

function duplicateAction<L, M, H>(system: System<L, M, H>, max: number): ActionDefinition<State<L, M, H>, Envelope<M>> {
  const kind = system.definition.network.kind;
  return {
    params: (s: State<L, M, H>) => (s.spent.duplicates >= max ? [] : deliverable(kind, s.network)),
    next: (s, envelope) => ({
      ...s,
      network: duplicate(kind, s.network, envelope),
      spent: { ...s.spent, duplicates: s.spent.duplicates + 1 },
    }),
  };
}

interface TimerParam {
  readonly node: ActorId;
  readonly timer: string;
}

function timeoutAction<L, M, H>(system: System<L, M, H>, max: number): ActionDefinition<State<L, M, H>, TimerParam> {
  return {
    params: (s: State<L, M, H>) =>
      s.spent.timeouts >= max
        ? []
        : system.ids.flatMap((node) => (isUp(s, node) ? (s.timers[node] ?? []).map((timer) => ({ node, timer })) : [])),
    next: (s, { node, timer }) => {
      const handler = behaviourOf(system, node).onTimeout;
      const reaction = handler?.(s.nodes[node] as L, timer, contextOf(system as AnySystem, node));
      if (reaction === undefined) return undefined;
      const disarmed = {
        ...s,
        timers: { ...s.timers, [node]: (s.timers[node] ?? []).filter((t) => t !== timer) },
        spent: max === Infinity ? s.spent : { ...s.spent, timeouts: s.spent.timeouts + 1 },
      };
      return applyReaction(system, disarmed, node, reaction);
    },
  };
}

interface NodeParam {
  readonly node: ActorId;
}

function crashAction<L, M, H>(
  system: System<L, M, H>,
  crashable: readonly ActorId[],
  max: number,
): ActionDefinition<State<L, M, H>, NodeParam> {
  const params = crashable.map((node) => Object.freeze({ node }));
  return {
    params,
    next: (s, { node }) => (s.spent.crashes >= max || !isUp(s, node) ? undefined : crash(system, s, node)),
  };
}

function recoverAction<L, M, H>(system: System<L, M, H>): ActionDefinition<State<L, M, H>, NodeParam> {
  return {
    params: (s: State<L, M, H>) => s.down.map((node) => ({ node })),
    next: (s, { node }) => (isUp(s, node) ? undefined : recover(system, s, node)),
  };
}

interface PartitionParam {
  readonly groups: readonly (readonly ActorId[])[];
}

function partitionAction<L, M, H>(
  system: System<L, M, H>,
  max: number,
): ActionDefinition<State<L, M, H>, PartitionParam> {
  return {
    params: twoWaySplits(system.ids).map((groups) => Object.freeze({ groups })),
    next: (s, { groups }) =>
      s.partition.length > 0 || s.spent.partitions >= max
        ? undefined
        : { ...s, partition: groups, spent: { ...s.spent, partitions: s.spent.partitions + 1 } },
  };
}

/** Every split of `ids` into two non-empty groups, the first group holding `ids[0]`. */
export function twoWaySplits(ids: readonly ActorId[]): (readonly ActorId[])[][] {
  const splits: (readonly ActorId[])[][] = [];
  for (let mask = 0; mask < 2 ** (ids.length - 1) - 1; mask++) {
    const inFirst = (i: number) => i === 0 || ((mask >> (i - 1)) & 1) === 1;
    splits.push([ids.filter((_, i) => inFirst(i)), ids.filter((_, i) => !inFirst(i))]);
  }
  return splits;
}

interface LocalParam {
  readonly node: ActorId;
  readonly label: string;
}

function localSteps(system: System<unknown, unknown, unknown> | System<any, any, any>): LocalParam[] {
  return system.ids.flatMap((node) =>
    (behaviourOf(system, node).localSteps ?? []).map((label) => Object.freeze({ node, label })),
  );
}

function localAction<L, M, H>(
  system: System<L, M, H>,
  params: readonly LocalParam[],
): ActionDefinition<State<L, M, H>, LocalParam> {
  return {
    params,
    next: (s, { node, label }) => {
      if (!isUp(s, node)) return undefined;
      const reaction = behaviourOf(system, node).onLocal?.(
        s.nodes[node] as L,
        label,
        contextOf(system as AnySystem, node),
        s.history,
      );
      return reaction === undefined ? undefined : applyReaction(system, s, node, reaction);
    },
  };
}
