/**
 * What the scheduling models share: CPU and memory as small whole numbers, the workload (tasks
 * with requests and priorities), the filter (does a task fit a node's free capacity?) and the
 * score (Kubernetes' LeastAllocated: prefer the node left with the most free capacity).
 */
export interface Resources {
  readonly cpu: number;
  readonly memory: number;
}

export interface TaskSpec extends Resources {
  readonly name: string;
  /** Higher runs first and may preempt lower. */
  readonly priority: number;
}

/**
 * The workload, in order of arrival: no two of the first three fit one 2×2 node together, and the
 * fourth, of higher priority, needs a whole node — so with three nodes one task must wait, and
 * the high-priority one gets a node by preempting a lower one.
 */
export const WORKLOAD: readonly TaskSpec[] = [
  { name: 'p1', cpu: 2, memory: 1, priority: 0 },
  { name: 'p2', cpu: 1, memory: 2, priority: 0 },
  { name: 'p3', cpu: 1, memory: 1, priority: 0 },
  { name: 'p4', cpu: 2, memory: 2, priority: 1 },
];

/** The first `count` tasks of the workload, named `<prefix>1`, `<prefix>2`, … (pods p1…, tasks t1…). */
export const workload = (count: number, prefix: string): TaskSpec[] =>
  WORKLOAD.slice(0, count).map((task, i) => ({ ...task, name: `${prefix}${i + 1}` }));

/** Every node's capacity in these models: 2 CPUs and 2 GiB. */
export const NODE_CAPACITY: Resources = { cpu: 2, memory: 2 };

export const NONE: Resources = { cpu: 0, memory: 0 };

export const plus = (a: Resources, b: Resources): Resources => ({ cpu: a.cpu + b.cpu, memory: a.memory + b.memory });
export const minus = (a: Resources, b: Resources): Resources => ({ cpu: a.cpu - b.cpu, memory: a.memory - b.memory });
export const within = (need: Resources, room: Resources) => need.cpu <= room.cpu && need.memory <= room.memory;
export const total = (items: readonly Resources[]) => items.reduce(plus, NONE);

/** The node among `free` (free capacity per node, in node order) that `need` fits best, or undefined. */
export function leastAllocated(need: Resources, free: readonly (readonly [string, Resources])[]): string | undefined {
  let best: string | undefined;
  let bestScore = -Infinity;
  for (const [node, room] of free) {
    if (!within(need, room)) continue;
    const left = minus(room, need);
    const score = left.cpu + left.memory; // equal capacities: the free fraction's order is the free amount's
    if (score > bestScore) [best, bestScore] = [node, score];
  }
  return best;
}

export const nodeIds = (n: number) => Array.from({ length: n }, (_, i) => `n${i + 1}`);
