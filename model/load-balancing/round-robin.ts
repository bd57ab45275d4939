/**
 * A round-robin load balancer (nginx's default, kube-proxy's IPVS `rr`), as an actor system:
 * clients c1…cN each send one request to the balancer `lb`, which forwards it to servers s1…sM in
 * turn, skipping the servers its health view says are down. Server s1 fails and recovers; a
 * failed server answers at once with an error (a refused or reset connection), and its health
 * check reports each change to the balancer as a numbered message, so the view lags behind
 * reality. On an error the balancer takes the server out of rotation (passive health checking)
 * and tries the next one, up to `tries` servers per attempt; clients time out and retry, up to
 * `attempts` attempts, so a retry may duplicate work. (balancer.ts, endpoints.ts, system.ts.)
 *
 * Properties (properties.ts):
 * - `never routes to a server known down`: every forward goes to a server the view says is up.
 * - `no request is lost`: an unserved request with no retry left still has an attempt somewhere.
 * - `served twice only after a retry`: a request is served at most once per attempt.
 * - `connection counters are exact`: the balancer's open-connection counters are never negative
 *   and equal the requests really open at each server (on the wire, or answered and on the way back).
 * - Liveness, under weak fairness of Deliver and Timeout: `every request is eventually served`
 *   (only s1 fails, so some server is always up) and `a recovered server returns to rotation`.
 *
 * Variants:
 * - `correct`.
 * - `stale-health-view`: the picker routes from a copy of the healthy servers that is refreshed
 *   from the health view only by a periodic sync (ingress-nginx's Lua balancer takes its backends
 *   from a periodic sync with the controller) — so the balancer sends a request to a server it
 *   already knows is dead: 3 steps (s1 fails; its health report arrives; c1's request goes to s1).
 */
import { defineProtocol } from '../../spec/index.ts';
import { BALANCER_CONFIG, balancerSpec, type BalancerConfig } from './system.ts';

export type RoundRobinVariant = 'correct' | 'stale-health-view';

export const roundRobinSpec = (config: BalancerConfig, variant: RoundRobinVariant = 'correct') =>
  balancerSpec('round-robin', 'round-robin', config, { staleHealthView: variant === 'stale-health-view' });

export const roundRobin = defineProtocol({
  name: 'round-robin',
  summary: 'A round-robin load balancer: failing servers, lagging health checks, client retries',
  config: BALANCER_CONFIG,
  variants: {
    correct: 'routes from its current health view; ejects a server that answers with an error',
    'stale-health-view': 'routes from a copy of the healthy servers refreshed only by a periodic sync',
  },
  build: (c, variant) => roundRobinSpec(c, variant),
});
