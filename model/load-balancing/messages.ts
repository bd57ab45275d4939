/**
 * The load balancers' messages and local states. A request attempt is a job: the client that sent
 * it and its attempt number (a retry is a new attempt of the same request, for the same key).
 * Health is a generation number per server: 0 when it starts, bumped by every failure and
 * recovery, so an even generation means up and a newer report always wins.
 */
import type { ActorId } from '../../spec/index.ts';

export interface Job {
  readonly client: ActorId;
  readonly attempt: number;
}

export type BalancerMessage =
  /** client → balancer; consistent hashing routes by the key (each client has its own). */
  | { readonly type: 'request'; readonly job: Job; readonly key: string }
  | { readonly type: 'forward'; readonly job: Job } // balancer → server
  | { readonly type: 'ok'; readonly job: Job } // server → balancer: served
  /** server → balancer: failed fast (refused or reset), from the server's `generation` (it is down). */
  | { readonly type: 'error'; readonly job: Job; readonly generation: number }
  | { readonly type: 'reply'; readonly job: Job; readonly ok: boolean } // balancer → client
  /** server → balancer: its health check result (up when the generation is even). */
  | { readonly type: 'health'; readonly generation: number };

export interface Client {
  readonly role: 'client';
  /** Attempts sent so far (the first at start, then one per retry). */
  readonly attempts: number;
  /** Successful replies received, over all attempts (more than one: a retry duplicated the work). */
  readonly served: number;
}

export interface Server {
  readonly role: 'server';
  readonly up: boolean;
  /** Bumped on every failure and recovery; its health reports carry it. */
  readonly generation: number;
  readonly failures: number;
  /** Jobs accepted and not yet answered, in arrival order. */
  readonly serving: readonly Job[];
}

/** An open upstream connection: a job forwarded to a server and not yet answered. */
export interface Connection {
  readonly job: Job;
  readonly server: ActorId;
  /** Servers tried for this job so far (this one included). */
  readonly tries: number;
}

/** A virtual node on the hash ring: a position and the server that owns it. */
export interface Token {
  readonly position: number;
  readonly server: ActorId;
}

export interface Balancer {
  readonly role: 'balancer';
  /** The health view, a generation per server: updated by health reports and by errors (passive health checking). */
  readonly view: Readonly<Record<ActorId, number>>;
  /** The servers the picker routes to; the `stale-health-view` bug refreshes it only on `sync`. */
  readonly peers: readonly ActorId[];
  /** Round robin's position: the index of the server to try first next time. */
  readonly next: number;
  /** Least connections: open connections per server, as the balancer counts them. */
  readonly open: Readonly<Record<ActorId, number>>;
  readonly connections: readonly Connection[];
  /** Consistent hashing: the ring over `peers` (empty for the other policies). */
  readonly ring: readonly Token[];
}

export type BalancerNode = Client | Server | Balancer;

const jobName = (job: Job) => `${job.client}#${job.attempt}`;

/** `request(c1#1, k1)`, `forward(c1#1)`, `reply(c1#1, ok)`, `health(s1 down, g1)`. */
export function formatBalancerMessage(msg: BalancerMessage): string {
  switch (msg.type) {
    case 'request':
      return `request(${jobName(msg.job)}, ${msg.key})`;
    case 'reply':
      return `reply(${jobName(msg.job)}, ${msg.ok ? 'ok' : 'error'})`;
    case 'health':
      return `health(${isUp(msg.generation) ? 'up' : 'down'}, g${msg.generation})`;
    default:
      return `${msg.type}(${jobName(msg.job)})`;
  }
}

/** Generations alternate: 0 up, 1 down (the first failure), 2 up again, … */
export const isUp = (generation: number) => generation % 2 === 0;

export const sameJob = (a: Job, b: Job) => a.client === b.client && a.attempt === b.attempt;
