import { describe, expect, it } from 'vitest';
import { check } from '../../checker/index.ts';
import { checkDefault, counterexample } from '../test-support.ts';
import { roundRobin, roundRobinSpec } from './round-robin.ts';
import type { BalancerConfig } from './system.ts';

const defaults: BalancerConfig = { servers: 3, clients: 2, failures: 1, attempts: 2, timeouts: 1, tries: 2 };

describe('round-robin (3 servers, 2 clients, s1 fails once, one client timeout)', () => {
  it('the default passes safety and liveness: 13,134 states, BFS = DFS', () => {
    expect(checkDefault(roundRobin)).toEqual({
      status: ['pass', 'pass'],
      bfs: [13134, 44410, 18],
      dfs: [13134, 44410],
    });
  });

  it('is pure (strict mode) on a smaller configuration', () => {
    expect(check(roundRobinSpec({ ...defaults, clients: 1 }), { strict: true }).status).toBe('pass');
  });

  it('stale-health-view: a request goes to a server the balancer knows is down (3 steps)', () => {
    const { property, steps } = counterexample(roundRobinSpec(defaults, 'stale-health-view'));
    expect(property).toBe('never routes to a server known down');
    expect(steps).toEqual([
      'Local s1: fail',
      'Deliver s1 → lb: health(down, g1)', // the view now says s1 is down; the peer list still has it
      'Deliver c1 → lb: request(c1#1, k1)', // forwarded to s1
    ]);
  });

  it('without failures nothing goes wrong even for the stale balancer', () => {
    expect(check(roundRobinSpec({ ...defaults, failures: 0 }, 'stale-health-view')).status).toBe('pass');
  });

  it('the stale balancer still returns a recovered server to rotation, through its sync', () => {
    const result = check(roundRobinSpec({ ...defaults, clients: 1 }, 'stale-health-view'), {
      properties: ['a recovered server returns to rotation'],
    });
    expect(result.status).toBe('pass');
  });
});

describe('the round-robin protocol', () => {
  it('lists its variants, properties and a checked configuration', () => {
    expect(Object.keys(roundRobin.variants)).toEqual(['correct', 'stale-health-view']);
    expect(roundRobin.instantiate().properties.map((p) => `${p.name} (${p.kind})`)).toEqual([
      'never routes to a server known down (alwaysStep)',
      'no request is lost (always)',
      'served twice only after a retry (always)',
      'connection counters are exact (always)',
      'every request is eventually served (eventually)',
      'a recovered server returns to rotation (leadsTo)',
      'a retry duplicates work (sometimes)',
    ]);
    expect(() => roundRobin.instantiate({ clients: '4' })).toThrow(/clients=4: must be at most 3/);
  });
});
