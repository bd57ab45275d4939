/**
 * How a balancer picks a server for a job among its peers, and how its peers (and, for consistent
 * hashing, its ring) follow the health view.
 * - Round robin: the first peer at or after the rotating position; the position moves past it.
 * - Least connections: the peer with the fewest open connections; ties go to the first in server
 *   order, as fasthttp's LBClient did (fasthttp#643).
 * - Consistent hashing: the owner of the job's key on the ring over the peers.
 */
import type { ActorId } from '../../spec/index.ts';
import { isUp, type Balancer, type Job } from './messages.ts';
import { ownerOf, rebuiltRing, updateRing } from './ring.ts';

export type Policy = 'round-robin' | 'least-connections' | 'consistent-hashing';

export interface PickerRules {
  readonly policy: Policy;
  readonly servers: readonly ActorId[];
  readonly vnodes: number;
  /** The `rebuilt-ring` bug: rebuild the ring from scratch, naming virtual nodes by list index. */
  readonly rebuildRing: boolean;
  /** Consistent hashing: the key a client's requests carry. */
  readonly keyOf: (client: ActorId) => string;
}

/** The server for `job` and the balancer's state after picking (round robin moves on). */
export function pick(lb: Balancer, job: Job, rules: PickerRules): { server: ActorId; lb: Balancer } | undefined {
  if (lb.peers.length === 0) return undefined;
  switch (rules.policy) {
    case 'round-robin': {
      const n = rules.servers.length;
      const offset = Array.from({ length: n }, (_, i) => (lb.next + i) % n).find((i) =>
        lb.peers.includes(rules.servers[i]!),
      )!;
      return { server: rules.servers[offset]!, lb: { ...lb, next: (offset + 1) % n } };
    }
    case 'least-connections': {
      const server = lb.peers.reduce((best, s) => (lb.open[s]! < lb.open[best]! ? s : best));
      return { server, lb };
    }
    case 'consistent-hashing': {
      const server = ownerOf(lb.ring, rules.keyOf(job.client));
      return server === undefined ? undefined : { server, lb };
    }
  }
}

/** The servers the view says are up, in server order. */
export const healthyIn = (view: Readonly<Record<ActorId, number>>, servers: readonly ActorId[]) =>
  servers.filter((s) => isUp(view[s]!));

/** Makes the peers (and the ring) the view's healthy servers. */
export function refreshPeers(lb: Balancer, rules: PickerRules): Balancer {
  const peers = healthyIn(lb.view, rules.servers);
  if (peers.length === lb.peers.length && peers.every((s, i) => lb.peers[i] === s)) return lb;
  return { ...lb, peers, ring: ringFor(lb, peers, rules) };
}

function ringFor(lb: Balancer, peers: readonly ActorId[], rules: PickerRules) {
  if (rules.policy !== 'consistent-hashing') return lb.ring;
  if (rules.rebuildRing) return rebuiltRing(peers, rules.servers, rules.vnodes);
  let ring = lb.ring;
  for (const s of lb.peers) if (!peers.includes(s)) ring = updateRing(ring, s, false, rules.vnodes);
  for (const s of peers) if (!lb.peers.includes(s)) ring = updateRing(ring, s, true, rules.vnodes);
  return ring;
}
