/**
 * The Kubernetes scheduler model's messages and local states: the scheduler talks to the API
 * server (`api`, the cluster's source of truth), which also feeds the scheduler's informer with
 * watch events. Pods are named p1…pN; nodes n1…nM.
 */
export type KubeMessage =
  | { readonly type: 'added'; readonly pod: string } // watch: a new pending pod
  | { readonly type: 'bind'; readonly pod: string; readonly node: string } // scheduler → api
  | { readonly type: 'bindResult'; readonly pod: string; readonly ok: boolean } // api → scheduler: the bind call returns
  | { readonly type: 'bound'; readonly pod: string; readonly node: string } // watch: the pod now has a node
  | { readonly type: 'evict'; readonly pod: string; readonly for: string } // scheduler → api: preempt `pod` for `for`
  | { readonly type: 'evicted'; readonly pod: string; readonly node: string }; // watch: deleted (its controller recreates it, pending)

/**
 * A pod in the scheduler's cache, on a node: `assumed` while its bind is in flight, `finished`
 * once the bind call returned (waiting for the watch event), `confirmed` once the event came.
 */
export interface CacheEntry {
  readonly pod: string;
  readonly node: string;
  readonly phase: 'assumed' | 'finished' | 'confirmed';
}

export interface Scheduler {
  readonly role: 'scheduler';
  /** Pods waiting to be scheduled, highest priority first. */
  readonly active: readonly string[];
  /** Pods that fitted nowhere; a pod deletion or a failed bind moves them back to `active`. */
  readonly unschedulable: readonly string[];
  readonly cache: readonly CacheEntry[];
}

export interface ApiServer {
  readonly role: 'api';
  /** Each pod's node, or null while pending. */
  readonly bound: Readonly<Record<string, string | null>>;
  /** Bind requests the API server may still reject (an overload: 429, an etcd timeout). */
  readonly rejects: number;
  /** The next bind request will be rejected. */
  readonly overloaded: boolean;
}

export type KubeNode = Scheduler | ApiServer;

export function formatKubeMessage(msg: KubeMessage): string {
  switch (msg.type) {
    case 'added':
      return `added(${msg.pod})`;
    case 'bind':
      return `bind(${msg.pod} → ${msg.node})`;
    case 'bindResult':
      return `bind ${msg.ok ? 'ok' : 'rejected'}(${msg.pod})`;
    case 'bound':
      return `bound(${msg.pod} → ${msg.node})`;
    case 'evict':
      return `evict(${msg.pod} for ${msg.for})`;
    case 'evicted':
      return `evicted(${msg.pod} from ${msg.node})`;
  }
}
