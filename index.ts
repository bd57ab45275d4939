/**
 * Kripke as a library: write a spec, check it, and gate it in your own test suite.
 *
 * ```ts
 * import { assertSpec, assertTraceReplays, defineSpec } from 'kripke';
 *
 * const counter = defineSpec({
 *   name: 'counter',
 *   init: () => [{ x: 0 }],
 *   actions: { inc: { next: (s) => (s.x < 5 ? { x: s.x + 1 } : undefined) } },
 *   properties: ({ always }) => [always('small', (s) => s.x < 5)],
 *   terminal: (s) => s.x === 5,
 * });
 *
 * test('exhaustive', () => { assertSpec(counter); });                               // BFS: every state
 * test('random', () => { assertSpec(counter, { engine: 'random', seed: 42 }); });  // fast-check walks
 * test('regression', () => { assertTraceReplays(counter, '0/0:0/0:0/0:0/0:0/0:0', { violates: 'small' }); });
 * ```
 *
 * `check` returns the result union (`pass | violation | incomplete | error`); `assertSpec` throws
 * an `Error` whose message is the counterexample trace and the line that reproduces it.
 */
// The authoring API, whole: `kripke` and `kripke/spec` export the same names for writing specs.
export * from './spec/index.ts';
export { check } from './checker/check.ts';
export type { CheckOptions, EngineName } from './checker/options.ts';
export type {
  ActionCoverage,
  CheckResult,
  CheckStatus,
  Example,
  Statistics,
  Violation,
  ViolationKind,
} from './checker/result.ts';
export type { Observer, Progress } from './checker/observer.ts';
export { formatPath, parsePath } from './checker/path.ts';
export type { ActionPath, PathStep, PathString } from './checker/path.ts';
export { replayPath } from './checker/random/replay.ts';
export type { ReplayResult } from './checker/random/replay.ts';
export type { Shard, ShrinkReport, SimulationStatistics, SometimesHits } from './checker/random/index.ts';
export { buildTrace } from './counterexamples/trace.ts';
export type { Trace, TraceStep } from './counterexamples/trace.ts';
export { renderTraceText } from './counterexamples/text.ts';
export { assertSpec, assertTraceReplays, SpecViolationError } from './assert.ts';
// What the commands print and write, as the published JSON Schemas (schema/*.schema.json) type it.
export type {
  KripkeBehaviourDiff,
  KripkeCheckResult,
  KripkeCIReport,
  KripkeComparison,
  KripkeMergedSimulationReport,
  KripkeModelList,
  KripkeReplayOutcome,
  KripkeSimulationResult,
  KripkeSweep,
  KripkeTraceFile,
} from './schema/types.ts';
export type { AssertOptions, ReplayExpectation } from './assert.ts';
// Workflows: the checks file and `kripke ci`, variant comparison, behaviour diffs, sweeps.
export * from './cli/workflows/index.ts';
export { findBehaviourOnlyIn, wholeState } from './checker/diff/index.ts';
export type { DiffOptions, DiffOutcome, DiffStatistics, Observe } from './checker/diff/index.ts';
