/**
 * The scheduler's view of the cluster — its cache of pods on nodes, assumed ones included — and
 * the decisions it takes from it: filter and score (where does a pod go?) and preemption (whom
 * to evict so that it fits?).
 */
import type { CacheEntry } from './kube-messages.ts';
import { leastAllocated, minus, total, within, type Resources, type TaskSpec } from './resources.ts';

export interface Cluster {
  readonly nodes: readonly string[];
  readonly capacity: Resources;
  readonly pods: ReadonlyMap<string, TaskSpec>;
}

/** Free capacity per node, in node order, as the cache accounts it. */
export function freeByNode(cluster: Cluster, cache: readonly CacheEntry[]): [string, Resources][] {
  return cluster.nodes.map((n) => [
    n,
    minus(cluster.capacity, total(cache.filter((e) => e.node === n).map((e) => cluster.pods.get(e.pod)!))),
  ]);
}

/** Filter, then score: the node for `pod`, or undefined when it fits nowhere. */
export const placeFor = (cluster: Cluster, cache: readonly CacheEntry[], pod: string) =>
  leastAllocated(cluster.pods.get(pod)!, freeByNode(cluster, cache));

/**
 * Preemption: the first node where evicting running pods makes room for `pod`, lowest priority
 * first, and those victims. Only pods of strictly lower priority may be evicted — unless
 * `anyPriority` (the `priority-inversion` bug).
 */
export function victimsFor(
  cluster: Cluster,
  cache: readonly CacheEntry[],
  pod: string,
  anyPriority: boolean,
): string[] | undefined {
  const preemptor = cluster.pods.get(pod)!;
  for (const [node, free] of freeByNode(cluster, cache)) {
    const candidates = cache
      .filter((e) => e.node === node && e.phase === 'confirmed')
      .map((e) => cluster.pods.get(e.pod)!)
      .filter((p) => anyPriority || p.priority < preemptor.priority)
      .sort((a, b) => a.priority - b.priority || (a.name < b.name ? -1 : 1));
    const victims: string[] = [];
    let room = free;
    for (const victim of candidates) {
      if (within(preemptor, room)) break;
      victims.push(victim.name);
      room = { cpu: room.cpu + victim.cpu, memory: room.memory + victim.memory };
    }
    if (victims.length > 0 && within(preemptor, room)) return victims;
  }
  return undefined;
}

/** Adds `pod` to a queue kept in scheduling order: higher priority first, then by name. */
export function enqueue(cluster: Cluster, queue: readonly string[], pod: string): string[] {
  if (queue.includes(pod)) return [...queue];
  const rank = (p: string) => [-cluster.pods.get(p)!.priority, p] as const;
  return [...queue, pod].sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    return ra[0] - rb[0] || (ra[1] < rb[1] ? -1 : ra[1] > rb[1] ? 1 : 0);
  });
}
