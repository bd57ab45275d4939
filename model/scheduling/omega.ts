/**
 * Omega-style optimistic scheduling with shared state (Schwarzkopf, Konwinski, Abd-El-Malek and
 * Wilkes, "Omega: flexible, scalable schedulers for large compute clusters", EuroSys 2013), on the
 * actor layer: two schedulers, `batch` and `service`, each with its own tasks (t1, t3, … and t2,
 * t4, …, from resources.ts's workload), place them on nodes n1…nM (2 CPU, 2 GiB) through the
 * `cell`, which holds the shared cell state. Each scheduler takes a snapshot, places its first
 * pending task on the best node its copy shows (LeastAllocated), and commits the placement with
 * the version of that node it saw; on a conflict it takes a new snapshot and tries again.
 * (omega-actors.ts.) The network is unordered: commits race.
 *
 * Properties:
 * - `no node is over-committed`: the tasks the cell places on a node fit in it.
 * - `each task is placed once`: a task's placement, once made, never changes.
 * - `no task is lost`: every task is placed, or still pending at its scheduler.
 * - `every task that fits is eventually placed` (liveness, under weak fairness of delivery):
 *   whenever an unplaced task fits a node, eventually none does — a conflict means another
 *   scheduler's commit succeeded, so optimistic retries cannot livelock.
 *
 * Variants:
 * - `correct`: fine-grained conflict detection (the node's version must be the one in the snapshot).
 * - `no-version-check`: the cell applies every commit; the two schedulers, working from the same
 *   snapshot, double-book n1 (6 steps) — the conflict Omega's transactions exist to catch.
 */
import {
  defineActorSpec,
  defineProtocol,
  weak,
  type ActorId,
  type Behaviour,
  type SystemState,
} from '../../spec/index.ts';
import {
  cell,
  CELL,
  formatOmegaMessage,
  freeIn,
  omegaScheduler,
  type Cell,
  type OmegaMessage,
  type OmegaNode,
  type OmegaRules,
  type OmegaScheduler,
} from './omega-actors.ts';
import { NODE_CAPACITY, nodeIds, within, workload } from './resources.ts';

export type OmegaVariant = 'correct' | 'no-version-check';
export type OmegaState = SystemState<OmegaNode, OmegaMessage>;

export interface OmegaConfig {
  readonly nodes: number;
  readonly tasks: number;
}

const SCHEDULERS: readonly ActorId[] = ['batch', 'service'];
const cellOf = (s: OmegaState) => s.nodes[CELL] as Cell;

export function omegaSpec(config: OmegaConfig, variant: OmegaVariant = 'correct') {
  const tasks = workload(config.tasks, 't');
  const rules: OmegaRules = {
    nodes: nodeIds(config.nodes),
    capacity: NODE_CAPACITY,
    tasks: new Map(tasks.map((t) => [t.name, t])),
    checkVersions: variant === 'correct',
  };
  const owned = (i: number) => tasks.filter((_, k) => k % SCHEDULERS.length === i).map((t) => t.name);
  const actors: Record<ActorId, Behaviour<OmegaNode, OmegaMessage>> = { [CELL]: cell(rules) };
  SCHEDULERS.forEach((id, i) => {
    actors[id] = omegaScheduler(owned(i), rules);
  });
  const fittingUnplaced = (s: OmegaState) => {
    const free = freeIn(cellOf(s), rules);
    return tasks.some((t) => cellOf(s).placed[t.name] === null && free.some(([, room]) => within(t, room)));
  };
  return defineActorSpec<OmegaNode, OmegaMessage>({
    name: 'omega',
    actors,
    formatMessage: formatOmegaMessage,
    network: { kind: 'unordered' },
    properties: ({ always, alwaysStep, leadsTo, sometimes }) => [
      always('no node is over-committed', (s) =>
        freeIn(cellOf(s), rules).every(([, room]) => room.cpu >= 0 && room.memory >= 0),
      ),
      alwaysStep('each task is placed once', (before, after) =>
        tasks.every(
          ({ name }) =>
            cellOf(before).placed[name] === null || cellOf(before).placed[name] === cellOf(after).placed[name],
        ),
      ),
      always('no task is lost', (s) =>
        tasks.every(
          ({ name }) =>
            cellOf(s).placed[name] !== null ||
            SCHEDULERS.some((id) => (s.nodes[id] as OmegaScheduler).pending.includes(name)),
        ),
      ),
      leadsTo('every task that fits is eventually placed', fittingUnplaced, (s) => !fittingUnplaced(s)),
      // The model exercises the version check (a reachability check, reported with an example).
      sometimes('a commit conflicts', (s) => s.network.some(({ msg }) => msg.type === 'result' && !msg.ok)),
    ],
    fairness: [weak('Deliver')],
  });
}

export const omega = defineProtocol({
  name: 'omega',
  summary: 'Omega: two schedulers commit placements optimistically against a shared cell state',
  config: {
    nodes: { default: 3, doc: 'nodes (2 CPU, 2 GiB each)', min: 1, max: 4 },
    tasks: { default: 4, doc: "tasks t1…t4, alternately the batch and the service scheduler's", min: 1, max: 4 },
  },
  variants: {
    correct: "a commit succeeds only if the node's version is still the one in the snapshot",
    'no-version-check': 'the cell applies every commit: two schedulers double-book a node',
  },
  build: (c, variant) => omegaSpec(c, variant),
});
