/**
 * A cluster autoscaler (Kubernetes' Cluster Autoscaler, Borg's elastic cells) with a scheduler
 * and a stabilisation window, as a plain spec. Nodes n1…nM (2 CPU, 2 GiB; n1 at the start) run
 * the tasks of resources.ts's workload, which arrive pending and may finish (the load drops).
 * - `schedule(t)` places a pending task on a ready node where it fits (LeastAllocated).
 * - `scaleUp` adds a node while some pending task fits no ready node but would fit an empty one.
 * - `scaleDown(n)` starts draining an unneeded node — utilisation (the larger of its CPU and
 *   memory fractions) below `threshold`%, and its tasks fit on the other ready nodes (the Cluster
 *   Autoscaler's drain simulation) — once the window since the last scaling has passed, while
 *   more than one node exists and no other node drains; `evict(t)` moves a task off a draining
 *   node (pending again), and `remove(n)` deletes the node once it runs nothing.
 * - `tick`: time passes, up to the `window`; scaling up or down restarts it.
 * The autoscaler keeps its own record of the time since its last scaling (`sinceScale`); the
 * state also carries the real time since then (`elapsed`), which the window property reads.
 *
 * Properties:
 * - `no node is over-committed`; `no task is lost`: each is pending, running on a node, or finished.
 * - `a drained node runs nothing when removed`.
 * - `no scale-down inside the stabilisation window`.
 * - Liveness, under fairness of every action but `finish` (the load may stay constant; strong
 *   for `schedule`: the scheduler keeps retrying a pending task):
 *   `a pending task that fits is eventually scheduled`, and `the autoscaler converges`: from some
 *   point on it wants no scaling — no endless add and remove under constant load.
 *
 * Variants:
 * - `correct`.
 * - `no-drain`: scale-down deletes the node at once, with its tasks (5 steps: t3 runs on n1, n2
 *   is added for t1, the window passes, n1 — whose task would fit on n2 — is deleted).
 * - `flapping-thresholds`: scale-down by the utilisation threshold alone, without the drain
 *   simulation. Under steady load it drains a node whose task fits nowhere else, adds a node for
 *   it, and drains that one once the window has passed, for ever — a lasso (3 steps, then a cycle
 *   of 7: add n3, schedule t3, two ticks, drain n3, evict t3, remove n3) that violates
 *   `the autoscaler converges` (kubernetes/enhancements#883, the HPA "flap budget" proposal:
 *   bounds on the scale rate do not stop oscillation under steady load).
 * - `window-reset` (kubernetes/kubernetes#16275, a P0): a status update without a rescale clears
 *   the autoscaler's record of its last scaling, so it scales down inside the window: 4 steps (n2
 *   is added for t2, the record is cleared, and n2, still empty, is removed at once).
 */
import { defineProtocol, defineSpec, strong, weak } from '../../spec/index.ts';
import { autoscalerActions } from './autoscaler-actions.ts';
import { autoscalerRules, freeOn, tasksOn, type AutoscalerState, type Workload } from './autoscaler-cluster.ts';
import { nodeIds, workload } from './resources.ts';

export type AutoscalerVariant = 'correct' | 'no-drain' | 'flapping-thresholds' | 'window-reset';

export interface AutoscalerConfig {
  readonly maxNodes: number;
  readonly tasks: number;
  /** Ticks that must pass after a scaling before a scale-down. */
  readonly window: number;
  /** Scale-down utilisation threshold, in percent. */
  readonly threshold: number;
}

export function autoscalerSpec(config: AutoscalerConfig, variant: AutoscalerVariant = 'correct') {
  const w: Workload = { nodes: nodeIds(config.maxNodes), tasks: workload(config.tasks, 't') };
  const rules = autoscalerRules(w, { ...config, drainSimulation: variant !== 'flapping-thresholds' });
  const fittingPending = rules.fittingPending;
  return defineSpec({
    name: 'autoscaler',
    init: (): AutoscalerState[] => [
      {
        nodes: Object.fromEntries(w.nodes.map((n, i) => [n, i === 0 ? 'ready' : 'absent'])),
        tasks: Object.fromEntries(w.tasks.map((t) => [t.name, 'pending'])),
        sinceScale: null,
        elapsed: config.window,
      },
    ],
    actions: autoscalerActions(w, rules, {
      drain: variant !== 'no-drain',
      resetOnStatusUpdate: variant === 'window-reset',
    }),
    properties: ({ always, alwaysStep, leadsTo, eventuallyAlways }) => [
      always('no node is over-committed', (s) =>
        w.nodes.every((n) => {
          const f = freeOn(s, w, n);
          return f.cpu >= 0 && f.memory >= 0;
        }),
      ),
      always('no task is lost', (s) =>
        w.tasks.every(({ name }) => ['pending', 'finished'].includes(s.tasks[name]!) || rules.running(s, name)),
      ),
      alwaysStep('a drained node runs nothing when removed', (before, after) =>
        w.nodes.every(
          (n) => before.nodes[n] === 'absent' || after.nodes[n] !== 'absent' || tasksOn(before, w, n).length === 0,
        ),
      ),
      alwaysStep(
        'no scale-down inside the stabilisation window',
        (before, _after, step) => step.action !== 'scaleDown' || before.elapsed >= config.window,
      ),
      leadsTo('a pending task that fits is eventually scheduled', fittingPending, (s) => !fittingPending(s)),
      eventuallyAlways('the autoscaler converges', rules.settled),
    ],
    // The scheduler retries every pending task (strong fairness: a node that comes and goes is
    // eventually used); the autoscaler's steps and time are weakly fair, each instance on its own.
    fairness: [
      ...w.tasks.map(({ name }) => strong('schedule', name)),
      ...w.nodes.flatMap((n) => [weak('scaleDown', n), weak('remove', n)]),
      weak('evict'),
      weak('scaleUp'),
      weak('tick'),
      ...(variant === 'window-reset' ? [weak('statusUpdate')] : []),
    ],
    terminal: () => true,
  });
}

export const autoscaler = defineProtocol({
  name: 'autoscaler',
  summary:
    'A cluster autoscaler: adds nodes for pending tasks, drains and removes idle ones, with a stabilisation window',
  config: {
    maxNodes: { default: 3, doc: 'nodes at most (n1 runs from the start)', min: 1, max: 4 },
    tasks: { default: 3, doc: 'tasks t1…tN of the workload (no two of t1…t3 share a node)', min: 1, max: 4 },
    window: { default: 2, doc: 'stabilisation window: ticks after a scaling before a scale-down', min: 0, max: 4 },
    threshold: { default: 60, doc: 'scale-down utilisation threshold, percent', min: 1, max: 100 },
  },
  variants: {
    correct: 'drain simulation, drain before removal, a window that only time closes',
    'no-drain': 'scale-down deletes the node with its tasks',
    'flapping-thresholds': 'scale-down by utilisation alone: a node it needs is removed and added back for ever',
    'window-reset': 'a status update without a rescale clears the last scale time (#16275)',
  },
  build: (c, variant) => autoscalerSpec(c, variant),
});
