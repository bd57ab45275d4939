/**
 * The scheduler and the API server as actors.
 *
 * The scheduler takes the first pod of its queue (local step `schedule <pod>`), filters and scores the
 * nodes on its cache, *assumes* the pod onto the chosen node in the cache and sends the bind to
 * the API server without waiting (asynchronous binding). When the bind call returns, the
 * assumption is finished; when the watch event says the pod is bound, it is confirmed. A rejected
 * bind is forgotten (ForgetPod) and the pod requeued. A pod that fits nowhere may preempt pods of
 * lower priority: the scheduler asks the API server to evict them and waits for their deletion.
 *
 * The bugs, each a switch:
 * - `expireAssumed` (#106361): a finished assumption expires (timer `expire <pod>`) if the watch
 *   event is late, and the pod's resources vanish from the cache though it runs on the node.
 * - `forgetOnBindFailure: false` (#26043, #28883): a rejected pod is requeued without forgetting
 *   its assumption, so the cache holds it on two nodes.
 * - `anyPriorityVictims` (priority inversion): preemption evicts pods whatever their priority.
 */
import type { Behaviour, Reaction } from '../../spec/index.ts';
import { enqueue, placeFor, victimsFor, type Cluster } from './kube-cache.ts';
import type { ApiServer, KubeMessage, KubeNode, Scheduler } from './kube-messages.ts';

export const SCHEDULER = 'scheduler';
export const API = 'api';

export interface SchedulerRules {
  readonly cluster: Cluster;
  readonly expireAssumed: boolean;
  readonly forgetOnBindFailure: boolean;
  readonly anyPriorityVictims: boolean;
}

type SchedulerReaction = Reaction<KubeNode, KubeMessage> | undefined;
export const scheduleStep = (pod: string) => `schedule ${pod}`;
const expiry = (pod: string) => `expire ${pod}`;

export function scheduler(rules: SchedulerRules): Behaviour<KubeNode, KubeMessage> {
  const { cluster } = rules;
  /** A pod deletion or a forgotten pod frees resources: every unschedulable pod gets another try. */
  const retryAll = (s: Scheduler): Scheduler => ({
    ...s,
    active: s.unschedulable.reduce((q, p) => enqueue(cluster, q, p), [...s.active]),
    unschedulable: [],
  });
  return {
    onStart: () => ({ state: { role: 'scheduler', active: [], unschedulable: [], cache: [] } }),
    // One step per pod, so traces say which pod is scheduled; only the queue's first is enabled.
    localSteps: [...cluster.pods.keys()].map(scheduleStep),
    onLocal: (node, label) => scheduleOne(node as Scheduler, label, rules),
    onMessage: (node, { msg }): SchedulerReaction => {
      const s = node as Scheduler;
      switch (msg.type) {
        case 'added':
          return { state: { ...s, active: enqueue(cluster, s.active, msg.pod) } };
        case 'bindResult':
          return bindReturned(s, msg.pod, msg.ok);
        case 'bound':
          return { state: confirm(s, msg.pod, msg.node), cancelTimers: rules.expireAssumed ? [expiry(msg.pod)] : [] };
        case 'evicted':
          return {
            state: retryAll({
              ...s,
              cache: s.cache.filter((e) => e.pod !== msg.pod),
              active: enqueue(cluster, s.active, msg.pod),
            }),
          };
        default:
          return undefined;
      }
    },
    onTimeout: (node, timer) => {
      const s = node as Scheduler;
      const pod = timer.slice(expiry('').length);
      const cache = s.cache.filter((e) => !(e.pod === pod && e.phase === 'finished'));
      return cache.length === s.cache.length ? undefined : { state: { ...s, cache } };
    },
  };

  function bindReturned(s: Scheduler, pod: string, ok: boolean): SchedulerReaction {
    const entry = s.cache.find((e) => e.pod === pod && e.phase === 'assumed');
    if (ok) {
      if (entry === undefined) return { state: s };
      const cache = s.cache.map((e) => (e === entry ? { ...e, phase: 'finished' as const } : e));
      return { state: { ...s, cache }, setTimers: rules.expireAssumed ? [expiry(pod)] : [] };
    }
    const cache = rules.forgetOnBindFailure ? s.cache.filter((e) => e !== entry) : s.cache;
    return { state: retryAll({ ...s, cache, active: enqueue(cluster, s.active, pod) }) };
  }

  /** The watch event: the pod runs on `node`. Its assumption (or, if it expired, a new entry) is confirmed. */
  function confirm(s: Scheduler, pod: string, node: string): Scheduler {
    const mine = s.cache.filter((e) => e.pod === pod);
    const entry = mine.find((e) => e.node === node) ?? mine[0];
    const confirmed = { pod, node, phase: 'confirmed' as const };
    const cache = entry === undefined ? [...s.cache, confirmed] : s.cache.map((e) => (e === entry ? confirmed : e));
    return {
      ...s,
      cache,
      active: s.active.filter((p) => p !== pod),
      unschedulable: s.unschedulable.filter((p) => p !== pod),
    };
  }
}

/** One scheduling cycle for the first pod in the queue: assume and bind, preempt, or give up for now. */
function scheduleOne(s: Scheduler, label: string, rules: SchedulerRules): SchedulerReaction {
  const [pod, ...rest] = s.active;
  if (pod === undefined || label !== scheduleStep(pod)) return undefined;
  const node = placeFor(rules.cluster, s.cache, pod);
  if (node !== undefined) {
    return {
      state: { ...s, active: rest, cache: [...s.cache, { pod, node, phase: 'assumed' }] },
      send: [{ to: API, msg: { type: 'bind', pod, node } }],
    };
  }
  const victims = victimsFor(rules.cluster, s.cache, pod, rules.anyPriorityVictims) ?? [];
  return {
    state: { ...s, active: rest, unschedulable: [...s.unschedulable, pod] },
    send: victims.map((victim) => ({ to: API, msg: { type: 'evict', pod: victim, for: pod } })),
  };
}

/** The API server: binds each pod once (a second bind is a conflict), evicts, and reports both. */
export function apiServer(pods: readonly string[], rejects: number): Behaviour<KubeNode, KubeMessage> {
  return {
    onStart: () => ({
      state: { role: 'api', bound: Object.fromEntries(pods.map((p) => [p, null])), rejects, overloaded: false },
      send: pods.map((pod) => ({ to: SCHEDULER, msg: { type: 'added', pod } })),
    }),
    localSteps: rejects > 0 ? ['overload'] : [],
    onLocal: (node) => {
      const api = node as ApiServer;
      return api.overloaded || api.rejects === 0
        ? undefined
        : { state: { ...api, overloaded: true, rejects: api.rejects - 1 } };
    },
    onMessage: (node, { msg }) => {
      const api = node as ApiServer;
      if (msg.type === 'bind') {
        if (api.overloaded || api.bound[msg.pod] !== null) {
          return {
            state: { ...api, overloaded: false },
            send: [{ to: SCHEDULER, msg: { type: 'bindResult', pod: msg.pod, ok: false } }],
          };
        }
        return {
          state: { ...api, bound: { ...api.bound, [msg.pod]: msg.node } },
          send: [
            { to: SCHEDULER, msg: { type: 'bindResult', pod: msg.pod, ok: true } },
            { to: SCHEDULER, msg: { type: 'bound', pod: msg.pod, node: msg.node } },
          ],
        };
      }
      if (msg.type !== 'evict') return undefined;
      const at = api.bound[msg.pod];
      if (at === null || at === undefined) return undefined;
      return {
        state: { ...api, bound: { ...api.bound, [msg.pod]: null } },
        send: [{ to: SCHEDULER, msg: { type: 'evicted', pod: msg.pod, node: at } }],
      };
    },
  };
}
