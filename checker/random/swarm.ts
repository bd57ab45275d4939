/**
 * Swarm campaigns: `--shard i/n` runs one deterministic slice of a campaign. Shard 1 is the
 * unsharded campaign itself (same seed, every action); shard i > 1 derives its own seed from the
 * campaign seed and a swarm configuration (Groce et al., "Swarm Testing"): some actions are left
 * out whenever another action is enabled, and fast-check's small-value bias alternates, so shards
 * explore differently instead of repeating each other. Pure integer arithmetic, so a campaign seed
 * means the same shards in every version.
 */
import type { Shard } from './options.ts';

export interface WalkConfiguration {
  readonly seed: number;
  /** Per action index: true when this shard leaves the action out (unless nothing else is enabled). */
  readonly excluded: readonly boolean[];
  readonly noBias: boolean;
}

const GOLDEN = 0x9e3779b9;

/** A 32-bit mixer (lowbias32 by Chris Wellons): good avalanche, no state. */
export function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x21f0aaad);
  x = Math.imul(x ^ (x >>> 15), 0x735a2d97);
  return (x ^ (x >>> 15)) >>> 0;
}

export function shardSeed(campaignSeed: number, index: number): number {
  return index === 1 ? campaignSeed : mix32((campaignSeed + Math.imul(index, GOLDEN)) >>> 0);
}

export function walkConfiguration(
  campaignSeed: number,
  shard: Shard | undefined,
  actionCount: number,
): WalkConfiguration {
  const everything = { seed: campaignSeed, excluded: new Array<boolean>(actionCount).fill(false), noBias: false };
  if (shard === undefined || shard.index === 1) return everything;
  const seed = shardSeed(campaignSeed, shard.index);
  // Each action is left out with probability 1/3, drawn from the shard's own seed.
  const excluded = Array.from(
    { length: actionCount },
    (_, a) => mix32((seed + Math.imul(a + 1, GOLDEN)) >>> 0) % 3 === 0,
  );
  return { seed, excluded, noBias: shard.index % 2 === 0 };
}
