import { describe, expect, it } from 'vitest';
import { check } from '../../checker/index.ts';
import { checkDefault, counterexample } from '../test-support.ts';
import { leastConnections, leastConnectionsSpec } from './least-connections.ts';
import type { BalancerConfig } from './system.ts';

const defaults: BalancerConfig = { servers: 3, clients: 2, failures: 1, attempts: 2, timeouts: 1, tries: 2 };

describe('least-connections (3 servers, 2 clients, s1 fails once, one client timeout)', () => {
  it('the default passes safety and liveness: 13,258 states, BFS = DFS', () => {
    expect(checkDefault(leastConnections)).toEqual({
      status: ['pass', 'pass'],
      bfs: [13258, 45768, 17],
      dfs: [13258, 45768],
    });
  });

  it('fail-fast-skew: the failing server wins every pick and the request is lost (12 steps)', () => {
    const { property, steps } = counterexample(leastConnectionsSpec(defaults, 'fail-fast-skew'));
    expect(property).toBe('no request is lost');
    expect(steps).toEqual([
      'Deliver c1 → lb: request(c1#1, k1)', // to s1: every counter is 0, ties go to the first server
      'Timeout c1 (retry)',
      'Local s1: fail',
      'Deliver lb → s1: forward(c1#1)',
      'Deliver s1 → lb: error(c1#1)', // s1 is back to 0 connections: tried again
      'Deliver lb → s1: forward(c1#1)',
      'Deliver s1 → lb: error(c1#1)', // two tries spent: attempt 1 fails
      'Deliver c1 → lb: request(c1#2, k1)',
      'Deliver lb → s1: forward(c1#2)',
      'Deliver s1 → lb: error(c1#2)',
      'Deliver lb → s1: forward(c1#2)',
      'Deliver s1 → lb: error(c1#2)', // attempt 2 fails too, s2 and s3 idle
    ]);
  });

  it('fail-fast-skew also breaks liveness: a request is never served although s2 and s3 are up', () => {
    const result = check(leastConnectionsSpec({ ...defaults, clients: 1 }, 'fail-fast-skew'), {
      properties: ['every request is eventually served'],
    });
    expect(result.status).toBe('violation');
    if (result.status !== 'violation') return;
    expect(result.violations[0]).toMatchObject({ property: 'every request is eventually served', kind: 'liveness' });
  });

  it('counter-leak: the counter stays up after a server fails mid-request (4 steps)', () => {
    const { property, steps } = counterexample(leastConnectionsSpec(defaults, 'counter-leak'));
    expect(property).toBe('connection counters are exact');
    expect(steps).toEqual([
      'Deliver c1 → lb: request(c1#1, k1)', // s1: 1 open connection
      'Local s1: fail',
      'Deliver lb → s1: forward(c1#1)',
      'Deliver s1 → lb: error(c1#1)', // retried on s2; s1's counter still says 1
    ]);
  });
});

describe('the least-connections protocol', () => {
  it('lists the variants of the issue', () => {
    expect(Object.keys(leastConnections.variants)).toEqual(['correct', 'fail-fast-skew', 'counter-leak']);
  });
});
