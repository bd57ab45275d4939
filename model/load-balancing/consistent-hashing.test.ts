import { describe, expect, it } from 'vitest';
import { checkDefault, counterexample } from '../test-support.ts';
import { consistentHashing, consistentHashingSpec } from './consistent-hashing.ts';
import { ownerOf, rebuiltRing, referenceRing, updateRing } from './ring.ts';
import type { BalancerConfig } from './system.ts';

const defaults: BalancerConfig = {
  servers: 3,
  clients: 2,
  failures: 1,
  attempts: 2,
  timeouts: 1,
  tries: 2,
  vnodes: 3,
  keys: 8,
};
const keys = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8'];
const owners = (ring: Parameters<typeof ownerOf>[0]) => keys.map((k) => ownerOf(ring, k));

describe('the hash ring (3 virtual nodes per server, keys k1…k8)', () => {
  it('spreads the keys over every server', () => {
    expect(owners(referenceRing(['s1', 's2', 's3'], 3))).toEqual(['s1', 's1', 's3', 's3', 's2', 's2', 's3', 's2']);
  });
  it("an incremental change moves only the changed server's keys; a rebuilt ring moves most", () => {
    const full = referenceRing(['s1', 's2', 's3'], 3);
    expect(owners(updateRing(full, 's1', false, 3))).toEqual(['s3', 's3', 's3', 's3', 's2', 's2', 's3', 's2']);
    expect(owners(rebuiltRing(['s2', 's3'], ['s1', 's2', 's3'], 3))).toEqual([
      's2',
      's2',
      's2',
      's2',
      's3',
      's3',
      's2',
      's3',
    ]);
    expect(updateRing(updateRing(full, 's1', false, 3), 's1', true, 3)).toEqual(full);
  });
});

describe('consistent-hashing (3 servers, 2 clients, s1 fails once, one client timeout)', () => {
  it('the default passes safety and liveness: 18,476 states, BFS = DFS', () => {
    expect(checkDefault(consistentHashing)).toEqual({
      status: ['pass', 'pass'],
      bfs: [18476, 64448, 17],
      dfs: [18476, 64448],
    });
  });

  it.each(["a membership change moves only the changed server's keys", 'ring agrees with the reference ring'])(
    'rebuilt-ring breaks "%s" as soon as s1 leaves (2 steps)',
    (property) => {
      const found = counterexample(consistentHashingSpec(defaults, 'rebuilt-ring'), { properties: [property] });
      expect(found.property).toBe(property);
      expect(found.steps).toEqual(['Local s1: fail', 'Deliver s1 → lb: health(down, g1)']);
    },
  );
});

describe('the consistent-hashing protocol', () => {
  it("lists the variants of the issue and the ring's configuration", () => {
    expect(Object.keys(consistentHashing.variants)).toEqual(['correct', 'rebuilt-ring']);
    expect(Object.keys(consistentHashing.config)).toContain('vnodes');
  });
});
