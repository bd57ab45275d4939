/**
 * What a random campaign reports beyond the common statistics: how many walks and steps, how fast,
 * how deep, how the walks were configured (seed, shard, swarm), how often each `sometimes` property
 * was reached, and how far the counterexample was shrunk. Plain data, so it survives JSON.
 */
import type { Shard } from './options.ts';

export interface SometimesHits {
  readonly property: string;
  /** Walks that reached a state satisfying the property. */
  walks: number;
}

export interface ShrinkReport {
  readonly property: string;
  /** Steps of the walk that first violated the property. */
  readonly originalSteps: number;
  /** Steps after shrinking (still violating the same property). */
  readonly shrunkSteps: number;
  /** Walks fast-check replayed while shrinking. */
  readonly attempts: number;
  /** The walk (1-based) of the campaign that found the violation. */
  readonly foundInWalk: number;
}

export interface SimulationStatistics {
  /** The seed the walks were drawn from (for a shard: derived from the campaign seed). */
  readonly seed: number;
  /** The seed the user gave (or that was drawn), shared by every shard of a campaign. */
  readonly campaignSeed: number;
  readonly shard: Shard | null;
  /** Steps per walk (the budget; walks end earlier at deadlocks and constraint boundaries). */
  readonly depth: number;
  /** Walks asked for (null: until the time limit). */
  readonly runsRequested: number | null;
  runs: number;
  steps: number;
  stepsPerSecond: number;
  /** The most steps taken by one walk. */
  deepestWalk: number;
  /** Swarm configuration: actions this shard leaves out when others are enabled. */
  readonly excludedActions: readonly string[];
  /** Whether fast-check's bias toward small choices was off for this shard. */
  readonly noBias: boolean;
  readonly sometimes: SometimesHits[];
  shrink: ShrinkReport | null;
  /** Selected liveness properties: random walks are finite, so they do not check them. */
  readonly livenessNotChecked: readonly string[];
}
