/**
 * A least-connections load balancer (nginx's `least_conn`, HAProxy's `leastconn`, fasthttp's
 * LBClient): the system of round-robin.ts — clients, the balancer `lb`, servers of which s1 fails
 * fast and recovers, lagging health reports, next-upstream tries and client retries — with a
 * picker that sends each request to the server with the fewest open connections, as the
 * balancer counts them (ties go to the first server, as in fasthttp's LBClient). The properties
 * are round-robin.ts's; `connection counters are exact` is the one this policy lives by.
 *
 * Variants:
 * - `correct`: an error takes the server out of rotation until a newer health report says it is
 *   up, and closes its connection (the counter goes down).
 * - `fail-fast-skew`: an error only closes the connection. The failing server answers at once, so
 *   its counter stays at zero and it wins every pick: each try of each attempt goes to s1, and
 *   the request is lost while s2 and s3 are up (12 steps). ingress-nginx#9025 and fasthttp#643 —
 *   the fail-fast host attracts the traffic (fasthttp#865, ingress-nginx#9882: a host that answers
 *   errors quickly looks like the least loaded).
 * - `counter-leak`: the counter is decremented only on success, so it leaks when a server fails
 *   mid-request: `connection counters are exact` fails in 4 steps (in production the server then
 *   looks busy for ever, and least connections avoids it after it recovers).
 */
import { defineProtocol } from '../../spec/index.ts';
import { BALANCER_CONFIG, balancerSpec, type BalancerConfig } from './system.ts';

export type LeastConnectionsVariant = 'correct' | 'fail-fast-skew' | 'counter-leak';

export const leastConnectionsSpec = (config: BalancerConfig, variant: LeastConnectionsVariant = 'correct') =>
  balancerSpec('least-connections', 'least-connections', config, {
    failFastSkew: variant === 'fail-fast-skew',
    counterLeak: variant === 'counter-leak',
  });

export const leastConnections = defineProtocol({
  name: 'least-connections',
  summary: 'A least-connections load balancer: per-server counters, fail-fast servers, client retries',
  config: BALANCER_CONFIG,
  variants: {
    correct: 'an error ejects the server until it reports up again, and closes its connection',
    'fail-fast-skew':
      'an error only closes the connection: the fail-fast server keeps the fewest and attracts the traffic',
    'counter-leak': 'the counter is decremented only on success: it leaks when a server fails mid-request',
  },
  build: (c, variant) => leastConnectionsSpec(c, variant),
});
