/**
 * The balancer as an actor. It forwards each request to the server its picker chooses among its
 * peers, counts open connections per server, relays the answer, and learns server health from
 * numbered health reports (which lag behind reality) and from errors: a server that answers with
 * an error is taken out of rotation until a newer report says it is up (passive health checking),
 * and the job is retried on another server, up to `maxTries` servers per attempt (nginx's
 * `proxy_next_upstream`). With no peer left it answers the client with an error (a 503).
 *
 * The bugs, each a switch:
 * - `routeFromView: false` (stale-health-view): the picker's peer list is refreshed from the
 *   view only on a later `sync`, so it routes to servers the balancer already knows are down.
 * - `ejectOnError: false` (fail-fast-skew): an error closes the connection and nothing more; a
 *   server that fails fast keeps the fewest open connections and attracts the traffic.
 * - `countErrors: false` (counter-leak): the open-connection counter is decremented only on
 *   success, so it leaks when a server fails mid-request.
 */
import type { ActorId, Behaviour, Reaction } from '../../spec/index.ts';
import type { Balancer, BalancerMessage, BalancerNode, Job } from './messages.ts';
import { sameJob } from './messages.ts';
import { pick, refreshPeers, type PickerRules } from './pickers.ts';
import { referenceRing } from './ring.ts';

export interface BalancerRules extends PickerRules {
  readonly maxTries: number;
  readonly routeFromView: boolean;
  readonly ejectOnError: boolean;
  readonly countErrors: boolean;
}

type LbReaction = Reaction<BalancerNode, BalancerMessage>;

export function balancer(rules: BalancerRules): Behaviour<BalancerNode, BalancerMessage> {
  const record = (value: number) => Object.fromEntries(rules.servers.map((s) => [s, value]));
  return {
    onStart: () => ({
      state: {
        role: 'balancer',
        view: record(0),
        peers: rules.servers,
        next: 0,
        open: record(0),
        connections: [],
        ring: rules.policy === 'consistent-hashing' ? referenceRing(rules.servers, rules.vnodes) : [],
      },
    }),
    onMessage: (node, { from, msg }) => {
      const lb = node as Balancer;
      switch (msg.type) {
        case 'request':
          return route(lb, msg.job, 1, rules);
        case 'ok':
          return answered(lb, from, msg.job, undefined, rules);
        case 'error':
          return answered(lb, from, msg.job, msg.generation, rules);
        case 'health': {
          const learned = learn(lb, from, msg.generation, rules);
          return learned === lb ? undefined : { state: learned };
        }
        default:
          return undefined;
      }
    },
    // The stale-health-view bug: a periodic `sync` copies the view into the peers, when they differ.
    localSteps: rules.routeFromView ? [] : ['sync'],
    onLocal: (node) => {
      const synced = refreshPeers(node as Balancer, rules);
      return synced === node ? undefined : { state: synced };
    },
    // A health report no newer than what the balancer knows changes nothing, now or later.
    obsolete: (node, { from, msg }) =>
      node.role === 'balancer' && msg.type === 'health' && msg.generation <= node.view[from]!,
  };
}

/** Forwards `job` to the picked server (try number `tries`), or answers the client with an error. */
function route(lb: Balancer, job: Job, tries: number, rules: BalancerRules): LbReaction {
  const picked = pick(lb, job, rules);
  if (picked === undefined) return { state: lb, send: [{ to: job.client, msg: { type: 'reply', job, ok: false } }] };
  const { server } = picked;
  return {
    state: {
      ...picked.lb,
      open: { ...lb.open, [server]: lb.open[server]! + 1 },
      connections: [...lb.connections, { job, server, tries }],
    },
    send: [{ to: server, msg: { type: 'forward', job } }],
  };
}

/**
 * A server answered `job` — with success, or with an error from its down `generation`: close the
 * connection, then relay, or (after an error) retry elsewhere.
 */
function answered(
  lb: Balancer,
  server: ActorId,
  job: Job,
  failed: number | undefined,
  rules: BalancerRules,
): LbReaction | undefined {
  const connection = lb.connections.find((c) => c.server === server && sameJob(c.job, job));
  if (connection === undefined) return undefined;
  const ok = failed === undefined;
  const decrement = ok || rules.countErrors;
  let state: Balancer = {
    ...lb,
    open: decrement ? { ...lb.open, [server]: lb.open[server]! - 1 } : lb.open,
    connections: lb.connections.filter((c) => c !== connection),
  };
  if (ok) return { state, send: [{ to: job.client, msg: { type: 'reply', job, ok: true } }] };
  // An error is a health report: the server is down, in that generation.
  if (rules.ejectOnError) state = learn(state, server, failed, rules);
  if (connection.tries < rules.maxTries) return route(state, job, connection.tries + 1, rules);
  return { state, send: [{ to: job.client, msg: { type: 'reply', job, ok: false } }] };
}

/** Updates the view of one server; the peers follow at once (or at the next sync, in the bug). */
function learn(lb: Balancer, server: ActorId, generation: number, rules: BalancerRules): Balancer {
  if (generation <= lb.view[server]!) return lb;
  const state = { ...lb, view: { ...lb.view, [server]: generation } };
  return rules.routeFromView ? refreshPeers(state, rules) : state;
}
