import { describe, expect, it } from 'vitest';
import { check } from '../check.ts';
import { counterSpec } from './fixtures.ts';
import { parseShard } from './options.ts';
import { shardSeed, walkConfiguration } from './swarm.ts';

describe('swarm shards', () => {
  it('derive the same seeds and configurations from a campaign seed in every version', () => {
    const shards = [1, 2, 3, 4].map((index) => walkConfiguration(42, { index, count: 4 }, 4));
    expect(shards).toEqual([
      { seed: 42, excluded: [false, false, false, false], noBias: false },
      { seed: 144025891, excluded: [false, false, false, false], noBias: true },
      { seed: 322543647, excluded: [true, false, true, false], noBias: false },
      { seed: 3034809370, excluded: [true, false, true, false], noBias: true },
    ]);
    expect(new Set([1, 2, 3, 4, 5, 6, 7, 8].map((i) => shardSeed(7, i))).size).toBe(8);
  });

  it('shard 1 is the unsharded campaign; other shards explore differently', () => {
    const options = { engine: 'random', seed: 11, runs: 40, depth: 20, properties: ['five'] } as const;
    const whole = check(counterSpec(), options);
    const first = check(counterSpec(), { ...options, shard: { index: 1, count: 3 } });
    const third = check(counterSpec(), { ...options, shard: { index: 3, count: 3 } });
    expect(first.stats.coverage).toEqual(whole.stats.coverage);
    expect(first.stats.simulation).toMatchObject({ seed: 11, campaignSeed: 11, shard: { index: 1, count: 3 } });
    expect(third.stats.simulation).toMatchObject({
      seed: shardSeed(11, 3),
      campaignSeed: 11,
      shard: { index: 3, count: 3 },
    });
    expect(third.stats.coverage).not.toEqual(whole.stats.coverage);
  });

  it('leaves excluded actions out unless nothing else is enabled', () => {
    const config = walkConfiguration(42, { index: 3, count: 4 }, 4);
    const result = check(counterSpec(), {
      engine: 'random',
      seed: 42,
      shard: { index: 3, count: 4 },
      runs: 30,
      properties: [],
    });
    expect(result.stats.simulation!.excludedActions).toEqual(['inc', 'add']);
    const fired = Object.fromEntries(result.stats.coverage.map((c) => [c.action, c.fired]));
    expect(config.excluded).toEqual([true, false, true, false]);
    // From x = 0 only inc, add and reset are enabled, so reset is always taken: x stays 0.
    expect(fired).toEqual({ inc: 0, dec: 0, add: 0, reset: result.stats.simulation!.steps });
  });

  it('parses i/n from the command line', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(() => parseShard('0/4')).toThrow('expected i/n with 1 ≤ i ≤ n');
    expect(() => parseShard('5/4')).toThrow('expected i/n with 1 ≤ i ≤ n');
    expect(() => parseShard('two')).toThrow("shard 'two': expected i/n, e.g. 1/4");
  });
});
