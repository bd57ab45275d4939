/**
 * What every balancer must guarantee, as predicates over the actor system's state. "Real" facts
 * are read from the whole system — the network and the servers — not from the balancer's books.
 */
import type { ActorId, Envelope, StepLabel, SystemState } from '../../spec/index.ts';
import { BALANCER } from './endpoints.ts';
import {
  isUp,
  type Balancer,
  type BalancerMessage,
  type BalancerNode,
  type Client,
  type Job,
  type Server,
} from './messages.ts';
import { ownerOf, referenceRing } from './ring.ts';

export type BalancerState = SystemState<BalancerNode, BalancerMessage>;

export const balancerOf = (s: BalancerState) => s.nodes[BALANCER] as Balancer;
const clientOf = (s: BalancerState, id: ActorId) => s.nodes[id] as Client;
const serverOf = (s: BalancerState, id: ActorId) => s.nodes[id] as Server;

const jobOf = (e: Envelope<BalancerMessage>): Job | undefined => (e.msg.type === 'health' ? undefined : e.msg.job);

/** Forward messages in flight, counted by destination and job. */
function forwards(s: BalancerState): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of s.network) {
    if (e.msg.type !== 'forward') continue;
    const key = `${e.to}\u0000${e.msg.job.client}#${e.msg.job.attempt}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The step's new forward messages all go to servers the balancer believes are up. */
export function routesToKnownUp(before: BalancerState, after: BalancerState, step: StepLabel): boolean {
  // Only the balancer routes, and only when a message is delivered to it.
  if (step.action !== 'Deliver' || (step.param as Envelope<BalancerMessage>).to !== BALANCER) return true;
  const view = balancerOf(after).view;
  const earlier = forwards(before);
  for (const [key, count] of forwards(after)) {
    if (count > (earlier.get(key) ?? 0) && !isUp(view[key.split('\u0000')[0]!]!)) return false;
  }
  return true;
}

/**
 * A request is lost when its client has not been served, has no retry left, and no attempt of it
 * is still anywhere: on the wire (a request, forward or answer), at a server, or at the balancer.
 */
export function noRequestLost(
  s: BalancerState,
  clients: readonly ActorId[],
  maxAttempts: number,
  servers: readonly ActorId[],
): boolean {
  return clients.every((id) => {
    const c = clientOf(s, id);
    if (c.served > 0 || c.attempts < maxAttempts) return true;
    const mine = (job: Job | undefined) => job?.client === id;
    return (
      s.network.some((e) => mine(jobOf(e)) && !(e.msg.type === 'reply' && !e.msg.ok)) ||
      servers.some((srv) => serverOf(s, srv).serving.some(mine)) ||
      balancerOf(s).connections.some((c) => mine(c.job))
    );
  });
}

/** No request has been served more than once. */
export const servedOnlyOnce = (s: BalancerState, clients: readonly ActorId[]) =>
  clients.every((id) => clientOf(s, id).served <= 1);

/** Work is done more than once only for a request that was retried. */
export const servedOnlyOncePerAttempt = (s: BalancerState, clients: readonly ActorId[]) =>
  clients.every((id) => clientOf(s, id).served <= clientOf(s, id).attempts);

/** Jobs really open at `server`: forwarded and on the wire, being served, or answered and on the way back. */
function openAt(s: BalancerState, server: ActorId): number {
  const onWire = s.network.filter(
    (e) =>
      (e.to === server && e.msg.type === 'forward') ||
      (e.from === server && e.to === BALANCER && (e.msg.type === 'ok' || e.msg.type === 'error')),
  ).length;
  return onWire + serverOf(s, server).serving.length;
}

/** Each counter is non-negative and equals the number of requests really open at its server. */
export const countersExact = (s: BalancerState, servers: readonly ActorId[]) =>
  servers.every((srv) => balancerOf(s).open[srv]! >= 0 && balancerOf(s).open[srv] === openAt(s, srv));

/** The balancer's ring sends every key where a ring built from its members' names would. */
export function agreesWithReference(s: BalancerState, keys: readonly string[], vnodes: number): boolean {
  const lb = balancerOf(s);
  const reference = referenceRing(lb.peers, vnodes);
  return keys.every((k) => ownerOf(lb.ring, k) === ownerOf(reference, k));
}

/** A membership change moves only keys leaving the server that left, or going to the one that joined. */
export function movesOnlyChangedKeys(before: BalancerState, after: BalancerState, keys: readonly string[]): boolean {
  const [was, is] = [balancerOf(before), balancerOf(after)];
  const left = was.peers.filter((p) => !is.peers.includes(p));
  const joined = is.peers.filter((p) => !was.peers.includes(p));
  return keys.every((k) => {
    const [from, to] = [ownerOf(was.ring, k), ownerOf(is.ring, k)];
    return from === to || (from !== undefined && left.includes(from)) || (to !== undefined && joined.includes(to));
  });
}

export const everyoneServed = (s: BalancerState, clients: readonly ActorId[]) =>
  clients.every((id) => clientOf(s, id).served > 0);

/** The server is up but out of the balancer's rotation. */
export const upButOut = (s: BalancerState, server: ActorId) =>
  serverOf(s, server).up && !balancerOf(s).peers.includes(server);
