/**
 * `defineActorSpec` compiles an actor system — per-node behaviours, a network semantics, a fault
 * model and bounds — into an ordinary spec, so every engine, renderer and the explorer work on it.
 */
import { defineSpec } from '../define.ts';
import { KripkeError } from '../errors.ts';
import type { Spec } from '../types.ts';
import { actorActions } from './actions.ts';
import { initialState, resolveSystem } from './system.ts';
import type { ActorId } from './events.ts';
import type { ActorSystemDefinition, SystemState } from './types.ts';

const NETWORKS = ['unordered', 'duplicating', 'fifo'];

export function defineActorSpec<L, M, H = never>(
  definition: ActorSystemDefinition<L, M, H>,
): Spec<SystemState<L, M, H>> {
  if (!NETWORKS.includes(definition.network?.kind)) {
    throw new KripkeError(
      'invalid-spec',
      `network kind '${String(definition.network?.kind)}' is not one of ${NETWORKS.join(', ')}`,
      { model: definition.name },
    );
  }
  const system = resolveSystem(definition);
  requireActors(definition.name, system.ids, 'crashable', definition.faults?.crashable);
  requireActors(definition.name, system.ids, 'lanes', definition.lanes);
  const maxInFlight = definition.bounds?.maxInFlight ?? Infinity;
  return defineSpec<SystemState<L, M, H>, Record<string, unknown>>({
    name: definition.name,
    init: () => [initialState(system)],
    actions: actorActions(system),
    properties: definition.properties ?? [],
    fairness: definition.fairness ?? [],
    constraint: maxInFlight === Infinity ? undefined : (s) => s.network.length <= maxInFlight,
    terminal: definition.terminal ?? (() => true),
    formatMessage: definition.formatMessage as ((message: never) => string) | undefined,
    milestones: definition.milestones,
    lanes: definition.lanes,
  });
}

function requireActors(
  model: string,
  ids: readonly ActorId[],
  what: string,
  named: readonly ActorId[] | undefined,
): void {
  for (const id of named ?? []) {
    if (!ids.includes(id))
      throw new KripkeError('invalid-spec', `${what} names unknown actor '${id}'; actors: ${ids.join(', ')}`, {
        model,
      });
  }
}
