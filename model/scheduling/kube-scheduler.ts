/**
 * The Kubernetes scheduler (kube-scheduler) with its assume cache and asynchronous binding, on the
 * actor layer: the `scheduler` and the API server `api`, over FIFO links (a watch stream is
 * ordered). The workload (resources.ts) arrives as watch events; nodes n1…nM have 2 CPU and 2 GiB
 * each. A scheduling cycle filters the nodes by the free capacity the cache shows, scores them
 * (LeastAllocated: the node left with the most free capacity; ties to the first), assumes the pod
 * there and binds it without waiting; a pod that fits nowhere preempts pods of strictly lower
 * priority, lowest first. The API server may reject a bind (an overload) — `rejects` times.
 * (kube-actors.ts, kube-cache.ts.)
 *
 * Properties:
 * - `no node is over-committed`: the pods bound to a node (the API server's truth) fit in it.
 * - `a pod is bound at most once`: the API server never moves a bound pod to another node.
 * - `the cache holds each pod once`: the scheduler never accounts a pod on two nodes.
 * - `preemption evicts only strictly lower priorities`.
 * - `no pod is lost`: every pod is bound, queued in the scheduler, or in a message on its way.
 * - `a pending pod that fits is eventually scheduled` (liveness, under weak fairness of
 *   delivery, timers and the scheduling cycle): whenever some unbound pod fits a node's real free
 *   capacity, eventually none does.
 *
 * Variants:
 * - `correct`: assumptions never expire (Kubernetes since the fix of #106361); a rejected bind is
 *   forgotten (ForgetPod, #28886) and the unschedulable pods retried.
 * - `assume-expiry` (kubernetes/kubernetes#106361): an assumption whose bind returned expires if
 *   the watch event is late (the TTL was 30 s); the cache forgets the pod's resources although it
 *   runs there, and the next pod is placed on the same node: over-committed in 10 steps (the
 *   first four deliver the workload's watch events).
 * - `no-forget-on-bind-failure` (kubernetes/kubernetes#26043, #28883): a rejected pod is requeued
 *   with its assumption still in the cache and assumed again on another node — the cache holds it
 *   twice (9 steps, four of them the workload's watch events), and the first node's resources are
 *   held by a ghost: a pod that fits there is never scheduled (a liveness violation too).
 * - `priority-inversion`: preemption picks victims by priority alone, not below the preemptor's:
 *   a pod evicts one of equal or higher priority (11 steps: p3 finds the three nodes taken and
 *   evicts p4, of higher priority).
 */
import { defineActorSpec, defineProtocol, weak, type SystemState } from '../../spec/index.ts';
import { API, apiServer, scheduler, SCHEDULER, scheduleStep } from './kube-actors.ts';
import type { Cluster } from './kube-cache.ts';
import { formatKubeMessage, type ApiServer, type KubeMessage, type KubeNode, type Scheduler } from './kube-messages.ts';
import { minus, NODE_CAPACITY, nodeIds, total, within, workload } from './resources.ts';

export type KubeVariant = 'correct' | 'assume-expiry' | 'no-forget-on-bind-failure' | 'priority-inversion';
export type KubeState = SystemState<KubeNode, KubeMessage>;

export interface KubeConfig {
  readonly nodes: number;
  readonly pods: number;
  readonly rejects: number;
}

const apiOf = (s: KubeState) => s.nodes[API] as ApiServer;
const schedulerOf = (s: KubeState) => s.nodes[SCHEDULER] as Scheduler;

/** Free capacity per node, by the API server's truth. */
const realFree = (cluster: Cluster, s: KubeState, node: string) =>
  minus(cluster.capacity, total([...cluster.pods.values()].filter((p) => apiOf(s).bound[p.name] === node)));

const overCommitted = (cluster: Cluster, s: KubeState) =>
  cluster.nodes.some((n) => {
    const free = realFree(cluster, s, n);
    return free.cpu < 0 || free.memory < 0;
  });

const fittingPending = (cluster: Cluster, s: KubeState) =>
  [...cluster.pods.values()].some(
    (p) => apiOf(s).bound[p.name] === null && cluster.nodes.some((n) => within(p, realFree(cluster, s, n))),
  );

function accounted(s: KubeState, pod: string): boolean {
  const sched = schedulerOf(s);
  return (
    apiOf(s).bound[pod] !== null ||
    sched.active.includes(pod) ||
    sched.unschedulable.includes(pod) ||
    s.network.some((e) => e.msg.pod === pod && e.msg.type !== 'evict')
  );
}

export function kubeSchedulerSpec(config: KubeConfig, variant: KubeVariant = 'correct') {
  const pods = workload(config.pods, 'p');
  const cluster: Cluster = {
    nodes: nodeIds(config.nodes),
    capacity: NODE_CAPACITY,
    pods: new Map(pods.map((p) => [p.name, p])),
  };
  const priority = (pod: string) => cluster.pods.get(pod)!.priority;
  const rules = {
    cluster,
    expireAssumed: variant === 'assume-expiry',
    forgetOnBindFailure: variant !== 'no-forget-on-bind-failure',
    anyPriorityVictims: variant === 'priority-inversion',
  };
  return defineActorSpec<KubeNode, KubeMessage>({
    name: 'kube-scheduler',
    actors: {
      [SCHEDULER]: scheduler(rules),
      [API]: apiServer(
        pods.map((p) => p.name),
        config.rejects,
      ),
    },
    formatMessage: formatKubeMessage,
    network: { kind: 'fifo' },
    properties: ({ always, alwaysStep, leadsTo, sometimes }) => [
      always('no node is over-committed', (s) => !overCommitted(cluster, s)),
      alwaysStep('a pod is bound at most once', (before, after) =>
        pods.every(({ name }) => {
          const was = apiOf(before).bound[name];
          return was === null || [was, null].includes(apiOf(after).bound[name]!);
        }),
      ),
      always(
        'the cache holds each pod once',
        (s) => new Set(schedulerOf(s).cache.map((e) => e.pod)).size === schedulerOf(s).cache.length,
      ),
      always('preemption evicts only strictly lower priorities', (s) =>
        s.network.every(({ msg }) => msg.type !== 'evict' || priority(msg.pod) < priority(msg.for)),
      ),
      always('no pod is lost', (s) => pods.every(({ name }) => accounted(s, name))),
      leadsTo(
        'a pending pod that fits is eventually scheduled',
        (s) => fittingPending(cluster, s),
        (s) => !fittingPending(cluster, s),
      ),
      // The model exercises preemption (a reachability check, reported with an example).
      sometimes('a pod is preempted', (s) => s.network.some(({ msg }) => msg.type === 'evict')),
    ],
    fairness: [
      weak('Deliver'),
      ...(variant === 'assume-expiry' ? [weak('Timeout')] : []),
      ...pods.map((p) => weak('Local', { node: SCHEDULER, label: scheduleStep(p.name) })),
    ],
  });
}

export const kubeScheduler = defineProtocol({
  name: 'kube-scheduler',
  summary: 'The Kubernetes scheduler: filter and score, an assume cache, asynchronous binds, preemption',
  config: {
    nodes: { default: 3, doc: 'nodes (2 CPU, 2 GiB each)', min: 1, max: 4 },
    pods: { default: 4, doc: 'pods of the workload p1…p4 (p4 has the higher priority)', min: 1, max: 4 },
    rejects: { default: 1, doc: 'bind requests the API server may reject', min: 0, max: 2 },
  },
  variants: {
    correct: 'assumptions never expire; a rejected bind is forgotten and the pod retried',
    'assume-expiry': 'an assumption expires when the watch event is late (#106361): over-commit',
    'no-forget-on-bind-failure': 'a rejected pod is requeued without forgetting its assumption (#26043, #28883)',
    'priority-inversion': 'preemption evicts pods whatever their priority',
  },
  build: (c, variant) => kubeSchedulerSpec(c, variant),
});
