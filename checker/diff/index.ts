/**
 * Behaviour differences between two specs (two variants of a protocol, or two model files): the
 * shortest behaviour one allows and the other forbids, over an observation of the state.
 */
export { findBehaviourOnlyIn } from './behaviour-diff.ts';
export type { DiffOptions, DiffOutcome, DiffStatistics } from './behaviour-diff.ts';
export { wholeState } from './observation.ts';
export type { Observe } from './observation.ts';
