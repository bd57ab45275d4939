/**
 * What `check` returns: a discriminated union, never an exception for a model's mistake.
 */
import type { KripkeError } from '../spec/errors.ts';
import type { PropertyKind } from '../spec/properties.ts';
import type { ActionPath } from './path.ts';
import type { SimulationStatistics } from './random/statistics.ts';

export interface ActionCoverage {
  readonly action: string;
  /** Successors computed by this action (duplicates included). */
  fired: number;
  /** Successors that were new distinct states. */
  found: number;
}

export interface Statistics {
  readonly engine: string;
  distinctStates: number;
  /** Initial states plus every successor computed, duplicates included (as TLC counts). */
  generatedStates: number;
  /** The longest shortest path from an initial state, initial states at depth 1 (TLC's diameter). */
  depth: number;
  /** States still waiting to be explored when the run ended. */
  queued: number;
  readonly coverage: ActionCoverage[];
  elapsedMs: number;
  /** Probability that two distinct states shared a fingerprint, so one was never explored. */
  collisionProbability: number;
  /** Bytes held by the visited-state store. */
  storeBytes: number;
  /** The liveness check's own cost: graph size, components, time (absent when no liveness property ran). */
  liveness?: LivenessStatistics;
  /** The random engine's campaign: walks, steps/s, seed, shard, `sometimes` hits, shrinking. */
  simulation?: SimulationStatistics;
  /** The disk store's figures (present when BFS ran on it). */
  disk?: DiskStatistics;
}

/** What the disk store kept where. */
export interface DiskStatistics {
  /** Its budget in memory. */
  readonly memoryBound: number;
  /** Distinct states when it first went to disk, or null when everything fitted in memory. */
  readonly spilledAtStates: number | null;
  /** Flushes of the table of recent fingerprints into the sorted file. */
  readonly flushes: number;
  /** Bytes on disk at the end: the sorted fingerprints, and the parent links. */
  readonly fingerprintBytes: number;
  readonly parentBytes: number;
  /** The most bytes the queue (two levels) took on disk. */
  readonly queueBytes: number;
  /** The most bytes the store held in memory (its table, undecided batch, parent links, page index). */
  readonly peakStoreBytes: number;
}

/** What liveness checking cost: the state graph it kept and the components it searched. */
export interface LivenessStatistics {
  graphStates: number;
  graphEdges: number;
  /** Strongly connected components found, over all properties (refinements included). */
  components: number;
  /** Components that admitted a fair behaviour (each a candidate counterexample). */
  fairComponents: number;
  graphBytes: number;
  /** Successors dropped by the state constraint (behaviours liveness could not follow). */
  cutSuccessors: number;
  /** Steps the action constraint rejected (behaviours liveness could not follow either). */
  excludedSteps: number;
  elapsedMs: number;
}

export type ViolationKind = 'invariant' | 'step' | 'refinement' | 'deadlock' | 'unreachable' | 'liveness';

export interface Violation {
  readonly property: string;
  readonly kind: ViolationKind;
  readonly propertyKind: PropertyKind | 'deadlock';
  /** For a family (`forAll`): the instance that fails (`c1`). */
  readonly instance?: string;
  /** The path to the violating state (for `step` and `refinement`, the path ends with the violating step). */
  readonly path: ActionPath | undefined;
  /** For a lasso (liveness): the index in the path's states where the cycle starts again. */
  readonly loop?: number;
  readonly note?: string;
}

/** A `sometimes` property and the shortest example found (BFS), if any. */
export interface Example {
  readonly property: string;
  readonly path: ActionPath | undefined;
}

interface Common {
  readonly model: string;
  readonly stats: Statistics;
  readonly examples: readonly Example[];
  /** Caveats about the verdict (e.g. a state constraint that makes a liveness pass possibly vacuous). */
  readonly notes?: readonly string[];
}

export type CheckResult =
  | (Common & { readonly status: 'pass' })
  | (Common & {
      readonly status: 'violation';
      readonly violations: readonly Violation[];
      /** Set when a bound (depth, states, time, memory) left part of the state space unexplored. */
      readonly unexplored?: string;
    })
  | (Common & { readonly status: 'incomplete'; readonly reason: string; readonly violations: readonly Violation[] })
  | (Common & { readonly status: 'error'; readonly error: KripkeError; readonly at: ActionPath | undefined });

export type CheckStatus = CheckResult['status'];

/** The statistics of a run that stopped before exploring anything (bad options, a config error). */
export function noStatistics(engine: string): Statistics {
  return {
    engine,
    distinctStates: 0,
    generatedStates: 0,
    depth: 0,
    queued: 0,
    coverage: [],
    elapsedMs: 0,
    collisionProbability: 0,
    storeBytes: 0,
  };
}
