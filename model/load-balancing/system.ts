/**
 * Builds a load-balanced system as an actor spec: clients c1…cN, the balancer `lb`, servers
 * s1…sM (only s1 fails: the servers are interchangeable), over an unordered network that loses
 * nothing. The three balancer models (round-robin.ts, least-connections.ts, consistent-hashing.ts)
 * are this system with one picker and their own bugs.
 */
import { defineActorSpec, weak, type ActorId, type Behaviour, type Property } from '../../spec/index.ts';
import { balancer, type BalancerRules } from './balancer.ts';
import { BALANCER, client, server } from './endpoints.ts';
import { formatBalancerMessage, type BalancerMessage, type BalancerNode } from './messages.ts';
import type { Policy } from './pickers.ts';
import {
  agreesWithReference,
  countersExact,
  everyoneServed,
  movesOnlyChangedKeys,
  noRequestLost,
  routesToKnownUp,
  servedOnlyOnce,
  servedOnlyOncePerAttempt,
  upButOut,
  type BalancerState,
} from './properties.ts';

export interface BalancerConfig {
  readonly servers: number;
  readonly clients: number;
  /** How many times s1 may fail (each failure may be followed by a recovery). */
  readonly failures: number;
  /** Attempts per request, the first included. */
  readonly attempts: number;
  /** Client timeouts, in all: each sends another attempt, possibly while the last one is still being served. */
  readonly timeouts: number;
  /** Servers the balancer tries per attempt. */
  readonly tries: number;
  /** Consistent hashing: virtual nodes per server, and the keys whose movement is checked. */
  readonly vnodes?: number;
  readonly keys?: number;
}

/** The bugs, as switches: every one off is the correct balancer. */
export interface BalancerBugs {
  readonly staleHealthView?: boolean;
  readonly failFastSkew?: boolean;
  readonly counterLeak?: boolean;
  readonly rebuiltRing?: boolean;
}

const ids = (prefix: string, n: number): ActorId[] => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

export function balancerSpec(name: string, policy: Policy, config: BalancerConfig, bugs: BalancerBugs = {}) {
  const servers = ids('s', config.servers);
  const clients = ids('c', config.clients);
  const keys = ids('k', Math.max(config.keys ?? 0, config.clients));
  const vnodes = config.vnodes ?? 1;
  const rules: BalancerRules = {
    policy,
    servers,
    vnodes,
    maxTries: config.tries,
    rebuildRing: bugs.rebuiltRing === true,
    keyOf: (c) => keys[clients.indexOf(c)]!,
    routeFromView: !bugs.staleHealthView,
    ejectOnError: !bugs.failFastSkew,
    countErrors: !bugs.counterLeak,
  };
  const actors: Record<ActorId, Behaviour<BalancerNode, BalancerMessage>> = {};
  clients.forEach((c, i) => {
    actors[c] = client(keys[i]!, config.attempts);
  });
  actors[BALANCER] = balancer(rules);
  servers.forEach((s, i) => {
    actors[s] = server({ maxFailures: i === 0 ? config.failures : 0 });
  });
  return defineActorSpec<BalancerNode, BalancerMessage>({
    name,
    actors,
    formatMessage: formatBalancerMessage,
    network: { kind: 'unordered' },
    bounds: { maxTimeouts: config.timeouts },
    properties: ({ always, alwaysStep, eventually, leadsTo, sometimes }) => {
      const common: Property<BalancerState>[] = [
        alwaysStep('never routes to a server known down', routesToKnownUp),
        always('no request is lost', (s) => noRequestLost(s, clients, config.attempts, servers)),
        always('served twice only after a retry', (s) => servedOnlyOncePerAttempt(s, clients)),
        always('connection counters are exact', (s) => countersExact(s, servers)),
      ];
      const hashing: Property<BalancerState>[] =
        policy !== 'consistent-hashing'
          ? []
          : [
              always('ring agrees with the reference ring', (s) => agreesWithReference(s, keys, vnodes)),
              alwaysStep("a membership change moves only the changed server's keys", (before, after) =>
                movesOnlyChangedKeys(before, after, keys),
              ),
            ];
      return [
        ...common,
        ...hashing,
        eventually('every request is eventually served', (s) => everyoneServed(s, clients)),
        leadsTo(
          'a recovered server returns to rotation',
          (s) => upButOut(s, servers[0]!),
          (s) => !upButOut(s, servers[0]!),
        ),
        // Retries may duplicate work: the model reaches that (a reachability check, reported with an example).
        ...(config.timeouts > 0 && config.attempts > 1
          ? [sometimes('a retry duplicates work', (s) => !servedOnlyOnce(s, clients))]
          : []),
      ];
    },
    // Messages are delivered and timers fire; failures and recoveries need not happen. The stale
    // balancer's sync does happen.
    fairness: [
      weak('Deliver'),
      weak('Timeout'),
      ...(bugs.staleHealthView ? [weak('Local', { node: BALANCER, label: 'sync' })] : []),
    ],
  });
}

/** The configuration every balancer model takes (consistent hashing adds its ring's). */
export const BALANCER_CONFIG = {
  servers: { default: 3, doc: 'servers (only s1 fails, so some server is always up)', min: 2, max: 4 },
  clients: { default: 2, doc: 'clients, one request each (3 makes the search about 30 times larger)', min: 1, max: 3 },
  failures: { default: 1, doc: 'times s1 may fail (each may be followed by a recovery)', min: 0, max: 2 },
  attempts: { default: 2, doc: 'attempts per request, the first included', min: 1, max: 3 },
  timeouts: { default: 1, doc: 'client timeouts, in all (each sends another attempt)', min: 0, max: 4 },
  tries: { default: 2, doc: 'servers the balancer tries per attempt (next upstream on error)', min: 1, max: 3 },
} as const;
