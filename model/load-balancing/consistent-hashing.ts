/**
 * A consistent-hashing load balancer (Karger et al.; Envoy's and ingress-nginx's ring hash): the
 * system of round-robin.ts with a picker that sends each request to the owner of its key on a
 * ring of virtual nodes (ring.ts) over the servers in rotation. Server s1 fails and recovers, so
 * the ring's membership changes as the health view does; client ci's request has key ki, and the
 * ring's properties range over keys k1…kK.
 *
 * Properties: round-robin.ts's, and
 * - `ring agrees with the reference ring`: every key goes where a ring built, in the property,
 *   from the members' names would send it;
 * - `a membership change moves only the changed server's keys`: in a step that changes the ring,
 *   a key changes owner only if its owner left or it goes to the server that joined.
 *
 * Variants:
 * - `correct`: a membership change adds or removes one server's virtual nodes.
 * - `rebuilt-ring`: the ring is rebuilt from scratch on every change, naming each virtual node by
 *   its server's index in the member list — the same ring while nobody is missing, but when s1
 *   leaves, s2 takes s1's positions and s3 takes s2's, and most keys move: 2 steps (s1 fails; its
 *   health report arrives).
 */
import { defineProtocol } from '../../spec/index.ts';
import { BALANCER_CONFIG, balancerSpec, type BalancerConfig } from './system.ts';

export type ConsistentHashingVariant = 'correct' | 'rebuilt-ring';

export const consistentHashingSpec = (config: BalancerConfig, variant: ConsistentHashingVariant = 'correct') =>
  balancerSpec('consistent-hashing', 'consistent-hashing', config, { rebuiltRing: variant === 'rebuilt-ring' });

export const consistentHashing = defineProtocol({
  name: 'consistent-hashing',
  summary: 'A consistent-hashing load balancer: virtual nodes, membership following server health',
  config: {
    ...BALANCER_CONFIG,
    vnodes: { default: 3, doc: 'virtual nodes per server', min: 1, max: 16 },
    keys: { default: 8, doc: 'keys whose placement is checked (client ci requests key ki)', min: 1, max: 64 },
  },
  variants: {
    correct: "a membership change adds or removes one server's virtual nodes",
    'rebuilt-ring': 'the ring is rebuilt from scratch, virtual nodes named by list index: most keys move',
  },
  build: (c, variant) => consistentHashingSpec(c, variant),
});
