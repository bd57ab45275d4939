/**
 * The autoscaler model's state and the facts its rules read: which nodes exist, where each task
 * runs, how busy a node is, and whether a pending task could run on a new node.
 */
import { leastAllocated, minus, NODE_CAPACITY, total, within, type Resources, type TaskSpec } from './resources.ts';

export type NodeStatus = 'absent' | 'ready' | 'draining';
/** 'pending', 'finished', or the name of the node the task runs on. */
export type TaskStatus = string;

export interface AutoscalerState {
  readonly nodes: Readonly<Record<string, NodeStatus>>;
  readonly tasks: Readonly<Record<string, TaskStatus>>;
  /** The autoscaler's record of the time since its last scaling (ticks, capped at the window); null: none recorded. */
  readonly sinceScale: number | null;
  /** The time since the last scaling, as it really is (capped at the window): what the property checks against. */
  readonly elapsed: number;
}

export interface Workload {
  readonly nodes: readonly string[];
  readonly tasks: readonly TaskSpec[];
}

export const present = (s: AutoscalerState, w: Workload) => w.nodes.filter((n) => s.nodes[n] !== 'absent');
export const ready = (s: AutoscalerState, w: Workload) => w.nodes.filter((n) => s.nodes[n] === 'ready');
export const tasksOn = (s: AutoscalerState, w: Workload, node: string) =>
  w.tasks.filter((t) => s.tasks[t.name] === node);
export const pending = (s: AutoscalerState, w: Workload) => w.tasks.filter((t) => s.tasks[t.name] === 'pending');

export const freeOn = (s: AutoscalerState, w: Workload, node: string): Resources =>
  minus(NODE_CAPACITY, total(tasksOn(s, w, node)));

/** The ready node the scheduler puts `task` on (LeastAllocated), if any. */
export const placement = (s: AutoscalerState, w: Workload, task: TaskSpec, exclude?: string) =>
  leastAllocated(
    task,
    ready(s, w)
      .filter((n) => n !== exclude)
      .map((n) => [n, freeOn(s, w, n)] as const),
  );

/** Cluster Autoscaler's utilisation: the larger of the CPU and memory fractions requested, in percent. */
export function utilisation(s: AutoscalerState, w: Workload, node: string): number {
  const used = total(tasksOn(s, w, node));
  return Math.max(used.cpu / NODE_CAPACITY.cpu, used.memory / NODE_CAPACITY.memory) * 100;
}

/** Could every task on `node` run on the other ready nodes at once (Cluster Autoscaler's drain simulation)? */
export function fitsElsewhere(s: AutoscalerState, w: Workload, node: string): boolean {
  const room = new Map(
    ready(s, w)
      .filter((n) => n !== node)
      .map((n) => [n, freeOn(s, w, n)]),
  );
  return tasksOn(s, w, node).every((task) => {
    const target = leastAllocated(task, [...room]);
    if (target !== undefined) room.set(target, minus(room.get(target)!, task));
    return target !== undefined;
  });
}

/** A pending task that no ready node can take but an empty node could: a reason to add a node. */
export const needsNode = (s: AutoscalerState, w: Workload) =>
  pending(s, w).some((t) => placement(s, w, t) === undefined && within(t, NODE_CAPACITY));

export interface RuleSettings {
  readonly maxNodes: number;
  readonly window: number;
  readonly threshold: number;
  /** Scale down only a node whose tasks fit elsewhere (false: the `flapping-thresholds` bug). */
  readonly drainSimulation: boolean;
}

/** The autoscaler's decisions, and the facts its properties read, for one workload and setting. */
export function autoscalerRules(w: Workload, settings: RuleSettings) {
  const draining = (s: AutoscalerState) => w.nodes.some((n) => s.nodes[n] === 'draining');
  const rules = {
    window: settings.window,
    /** The autoscaler's own test: has the window passed since the last scaling it recorded? */
    windowOpen: (s: AutoscalerState) => s.sinceScale === null || s.sinceScale >= settings.window,
    /** Below the threshold and, with the drain simulation, its tasks fit on the other ready nodes. */
    unneeded: (s: AutoscalerState, n: string) =>
      s.nodes[n] === 'ready' &&
      utilisation(s, w, n) < settings.threshold &&
      (!settings.drainSimulation || fitsElsewhere(s, w, n)),
    /** More than one node, and none draining: Cluster Autoscaler drains one node at a time. */
    mayScaleDown: (s: AutoscalerState) => present(s, w).length > 1 && !draining(s),
    /** Wants no change: nothing to add, nothing to remove, nothing draining. */
    settled: (s: AutoscalerState) =>
      !(needsNode(s, w) && present(s, w).length < settings.maxNodes) &&
      !(rules.mayScaleDown(s) && w.nodes.some((n) => rules.unneeded(s, n))) &&
      !draining(s),
    running: (s: AutoscalerState, t: string) => (s.nodes[s.tasks[t]!] ?? 'absent') !== 'absent',
    fittingPending: (s: AutoscalerState) => pending(s, w).some((t) => placement(s, w, t) !== undefined),
  };
  return rules;
}

export type AutoscalerRules = ReturnType<typeof autoscalerRules>;
