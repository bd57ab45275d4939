/**
 * Random exploration: seeded walks driven by fast-check, shrunk counterexamples, swarm shards,
 * and path replay. The engine runs through `check(spec, { engine: 'random', … })`.
 */
export { simulate } from './simulate.ts';
export { replayPath } from './replay.ts';
export type { ReplayResult } from './replay.ts';
export { DEFAULT_DEPTH, DEFAULT_RUNS, parseShard } from './options.ts';
export type { RandomOptions, Shard } from './options.ts';
export type { ShrinkReport, SimulationStatistics, SometimesHits } from './statistics.ts';
export { shardSeed, walkConfiguration } from './swarm.ts';
export type { WalkConfiguration } from './swarm.ts';
