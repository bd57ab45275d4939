/**
 * The autoscaler model's actions: the scheduler places tasks, tasks finish, the autoscaler scales
 * up, starts a scale-down (a drain, or — the `no-drain` bug — a deletion), evicts and removes, and
 * time passes. The `window-reset` bug adds the status update that forgets the last scale time.
 */
import {
  needsNode,
  placement,
  tasksOn,
  type AutoscalerRules,
  type AutoscalerState,
  type NodeStatus,
  type Workload,
} from './autoscaler-cluster.ts';

export interface ActionBugs {
  /** False: the `no-drain` bug deletes the node at once. */
  readonly drain: boolean;
  /** The `window-reset` bug: a status update without a rescale clears the last scale time. */
  readonly resetOnStatusUpdate: boolean;
}

type S = AutoscalerState;
const setNode = (s: S, n: string, status: NodeStatus): S => ({ ...s, nodes: { ...s.nodes, [n]: status } });
const setTask = (s: S, t: string, status: string): S => ({ ...s, tasks: { ...s.tasks, [t]: status } });
/** A scaling: the window starts again, in the autoscaler's record and in fact. */
const scaled = (s: S): S => ({ ...s, sinceScale: 0, elapsed: 0 });

export function autoscalerActions(w: Workload, rules: AutoscalerRules, bugs: ActionBugs) {
  const tasks = w.tasks.map((t) => t.name);
  const spec = (name: string) => w.tasks.find((t) => t.name === name)!;
  /** Time passes, as far as anything measures it: both clocks stop at the window's length. */
  const tick = (s: S): S | undefined => {
    if (s.elapsed >= rules.window && rules.windowOpen(s)) return undefined;
    const later = (t: number) => Math.min(rules.window, t + 1);
    return { ...s, elapsed: later(s.elapsed), sinceScale: s.sinceScale === null ? null : later(s.sinceScale) };
  };
  return {
    schedule: {
      params: tasks,
      next: (s: S, t: string) => {
        const n = s.tasks[t] === 'pending' ? placement(s, w, spec(t)) : undefined;
        return n === undefined ? undefined : setTask(s, t, n);
      },
    },
    finish: { params: tasks, next: (s: S, t: string) => (rules.running(s, t) ? setTask(s, t, 'finished') : undefined) },
    scaleUp: {
      next: (s: S) => {
        const n = w.nodes.find((id) => s.nodes[id] === 'absent');
        return n !== undefined && needsNode(s, w) ? scaled(setNode(s, n, 'ready')) : undefined;
      },
    },
    scaleDown: {
      params: w.nodes,
      next: (s: S, n: string) =>
        !rules.mayScaleDown(s) || !rules.windowOpen(s) || !rules.unneeded(s, n)
          ? undefined
          : scaled(setNode(s, n, bugs.drain ? 'draining' : 'absent')),
    },
    evict: {
      params: tasks,
      next: (s: S, t: string) => (s.nodes[s.tasks[t]!] === 'draining' ? setTask(s, t, 'pending') : undefined),
    },
    remove: {
      params: w.nodes,
      next: (s: S, n: string) =>
        s.nodes[n] === 'draining' && tasksOn(s, w, n).length === 0 ? setNode(s, n, 'absent') : undefined,
    },
    tick: { next: tick },
    ...(bugs.resetOnStatusUpdate
      ? { statusUpdate: { next: (s: S) => (s.sinceScale === null ? undefined : { ...s, sinceScale: null }) } }
      : {}),
  };
}
