/* Generated from schema/*.schema.json by `npm run schemas` (schema/generate-types.ts): do not edit. */
/**
 * A state value in Kripke's JSON: records as objects, lists as arrays, {"#set": [...]}, {"#map": [[k, v], ...]}, {"#bigint": "n"}.
 */
export type Value =
  | (null | boolean | number | string)
  | Value[]
  | {
      [k: string]: Value;
    };
/**
 * An ADR-015 expression: a string, a boolean, an integer, {"#bigint": "n"}, a list, a record (fields not starting with #), {"#tup": [...]} ({"#tup": []} is Kripke's null), {"#set": [...]}, {"#map": [[k, v], ...]}.
 */
export type ItfValue =
  | (string | boolean | number)
  | ItfValue[]
  | {
      "#bigint": string;
    }
  | {
      "#tup": ItfValue[];
    }
  | {
      "#set": ItfValue[];
    }
  | {
      "#map": [ItfValue, ItfValue][];
    }
  | {
      [k: string]: ItfValue;
    };
/**
 * What `kripke replay <trace> --json` prints: the saved trace still replays (and still violates its property), or the first step that no longer holds, with the fields that differ; `against` names the model it was replayed against.
 */
export type KripkeReplayOutcome =
  | {
      /**
       * The format's version: fields are added in later versions, never changed in meaning.
       */
      version: 1;
      /**
       * The version of Kripke that wrote it (its package.json), as `kripke --version` prints it.
       */
      kripkeVersion: string;
      against: Against;
      status: "reproduced";
      verdict: string;
      steps: number;
    }
  | {
      /**
       * The format's version: fields are added in later versions, never changed in meaning.
       */
      version: 1;
      /**
       * The version of Kripke that wrote it (its package.json), as `kripke --version` prints it.
       */
      kripkeVersion: string;
      against: Against;
      status: "diverged";
      /**
       * 0: the initial state; n: the state after the n-th step.
       */
      step: number;
      action: string | null;
      reason: "initial-state" | "unknown-action" | "not-enabled" | "different-state" | "no-longer-violates";
      message: string;
      differences: {
        path: string;
        saved: string;
        now: string;
      }[];
    };
/**
 * What `kripke simulate <model> --replay <path> --json` prints: the path walks without violation, or the property it violates (the path up to the violating step).
 */
export type KripkePathReplay =
  | {
      kind: "kripke-replay";
      /**
       * The format's version: fields are added in later versions, never changed in meaning.
       */
      version: 1;
      /**
       * The version of Kripke that wrote it (its package.json), as `kripke --version` prints it.
       */
      kripkeVersion: string;
      status: "clean";
      steps: number;
    }
  | {
      kind: "kripke-replay";
      /**
       * The format's version: fields are added in later versions, never changed in meaning.
       */
      version: 1;
      /**
       * The version of Kripke that wrote it (its package.json), as `kripke --version` prints it.
       */
      kripkeVersion: string;
      status: "violation";
      property: string;
      violationKind: "invariant" | "step" | "deadlock" | "unreachable" | "liveness" | "refinement";
      /**
       * A replayable path: the initial state's index, then action:parameter indexes per step.
       */
      path: string;
    };
/**
 * What `kripke simulate --json` prints (version 1), and so what a swarm shard file holds (`kripke simulate … --shard i/n --json`, read by `kripke merge`): a check result (check-result.schema.json) with `kind`, the reproduce line and the campaign's statistics in `stats.simulation`.
 */
export type KripkeSimulationResult = KripkeCheckResult & {
  kind: "kripke-simulation";
  reproduce: string;
  stats: {
    simulation: {};
  };
};

export interface KripkeSchemas {
  "check-result.schema.json"?: KripkeCheckResult;
  "ci-report.schema.json"?: KripkeCIReport;
  "compare-result.schema.json"?: KripkeComparison;
  "diff-result.schema.json"?: KripkeBehaviourDiff;
  "itf-trace.schema.json"?: KripkeITFTrace;
  "list-result.schema.json"?: KripkeModelList;
  "merge-report.schema.json"?: KripkeMergedSimulationReport;
  "replay-result.schema.json"?: KripkeReplayOutcome;
  "simulate-replay-result.schema.json"?: KripkePathReplay;
  "simulate-result.schema.json"?: KripkeSimulationResult;
  "sweep-result.schema.json"?: KripkeSweep;
  "trace.schema.json"?: KripkeTraceFile;
}
/**
 * What `kripke check --json` prints on stdout (version 1): the verdict, the statistics and every violation with its path and trace. `kripke simulate --json` prints the same object with `kind`, `reproduce` and `stats.simulation` (simulate-result.schema.json). Fields are added in later versions, never changed in meaning.
 */
export interface KripkeCheckResult {
  /**
   * Present on `kripke simulate` results only.
   */
  kind?: "kripke-simulation";
  /**
   * The format's version: fields are added in later versions, never changed in meaning.
   */
  version: 1;
  /**
   * The version of Kripke that wrote it (its package.json), as `kripke --version` prints it.
   */
  kripkeVersion: string;
  /**
   * The spec's name.
   */
  model: string;
  variant: string | null;
  settings: Settings;
  /**
   * interrupted: SIGINT or SIGTERM stopped the run; `stoppedAs` says what the engine returned then.
   */
  status: "pass" | "violation" | "incomplete" | "error" | "interrupted";
  /**
   * status interrupted: the signal that stopped the run.
   */
  signal?: "SIGINT" | "SIGTERM";
  /**
   * status interrupted: the engine's own status (incomplete, or violation / error found before the signal).
   */
  stoppedAs?: "pass" | "violation" | "incomplete" | "error";
  stats: Stats;
  /**
   * Each `sometimes` property and the shortest path found to a state satisfying it (null: not reached).
   */
  examples: {
    property: string;
    path: string | null;
  }[];
  /**
   * Caveats about the verdict.
   */
  notes: string[];
  /**
   * status incomplete: the bound that stopped the search.
   */
  reason?: string;
  /**
   * status violation or incomplete.
   */
  violations?: Violation[];
  error?: ModelError;
  /**
   * status error: the path to the state where it happened.
   */
  at?: string | null;
  /**
   * `kripke simulate` only: the command line that reproduces the run.
   */
  reproduce?: string;
}
/**
 * The --set values as given.
 */
export interface Settings {
  [k: string]: string;
}
export interface Stats {
  /**
   * bfs, dfs or random; `bfs (2 workers)` for a parallel search.
   */
  engine: string;
  distinctStates: number;
  /**
   * Initial states plus every successor computed, duplicates included (as TLC counts).
   */
  generatedStates: number;
  /**
   * TLC's diameter: initial states are at depth 1.
   */
  depth: number;
  /**
   * States still waiting to be explored when the run ended.
   */
  queued: number;
  coverage: Coverage[];
  elapsedMs: number;
  collisionProbability: number;
  storeBytes: number;
  liveness?: Liveness;
  simulation?: Simulation;
}
export interface Coverage {
  action: string;
  /**
   * Successors computed by this action (random: steps taken).
   */
  fired: number;
  /**
   * Of those, new distinct states.
   */
  found: number;
}
/**
 * Present when a liveness property was checked.
 */
export interface Liveness {
  graphStates: number;
  graphEdges: number;
  components: number;
  fairComponents: number;
  graphBytes: number;
  cutSuccessors: number;
  /**
   * Steps the action constraint rejected.
   */
  excludedSteps?: number;
  elapsedMs: number;
}
/**
 * `kripke simulate` only: the random campaign.
 */
export interface Simulation {
  /**
   * The seed the walks were drawn from (a shard's is derived from the campaign seed).
   */
  seed: number;
  campaignSeed: number;
  shard: Shard | null;
  /**
   * Steps per walk at most.
   */
  depth: number;
  /**
   * null: walks until the time limit.
   */
  runsRequested: number | null;
  runs: number;
  steps: number;
  stepsPerSecond: number;
  deepestWalk: number;
  /**
   * Swarm: actions this shard leaves out when others are enabled.
   */
  excludedActions: string[];
  noBias: boolean;
  sometimes: SometimesHits[];
  shrink: null | {
    property: string;
    originalSteps: number;
    shrunkSteps: number;
    attempts: number;
    foundInWalk: number;
  };
  livenessNotChecked: string[];
}
export interface Shard {
  index: number;
  count: number;
}
export interface SometimesHits {
  property: string;
  walks: number;
}
export interface Violation {
  /**
   * The property's name (`deadlock` for a deadlock).
   */
  property: string;
  kind: "invariant" | "step" | "deadlock" | "unreachable" | "liveness" | "refinement";
  /**
   * For a property family (`forAll`): the instance that fails.
   */
  instance?: string | null;
  /**
   * A refinement violation: the abstract spec's image of the trace, state by state.
   */
  abstract?: {
    model: string;
    firstUnmatched: number | null;
    trace: {}[];
  };
  note: string | null;
  /**
   * Why the last state violates the property, when Kripke can tell.
   */
  explanation: string | null;
  path: string | null;
  /**
   * A lasso: the index of the state the last state loops back to.
   */
  loop: number | null;
  lasso: null | {
    loop: number;
    last: number;
    loopBack: {
      from: number;
      to: number;
    };
    stutter: boolean;
  };
  trace:
    | null
    | {
        /**
         * The step's label, `rmPrepare(r1)`; null for the initial state.
         */
        action: string | null;
        state: Value;
      }[];
}
/**
 * status error: the model's mistake.
 */
export interface ModelError {
  code:
    | "invalid-spec"
    | "unknown-name"
    | "invalid-config"
    | "init-threw"
    | "action-threw"
    | "domain-threw"
    | "property-threw"
    | "invalid-value"
    | "state-mutated"
    | "nondeterministic"
    | "invalid-trace"
    | "thread-failed";
  message: string;
  /**
   * model, action, parameter, field, … — whatever is known.
   */
  where: {
    [k: string]: string;
  };
}
/**
 * What `kripke ci` writes to report.json (version 1): every check of a checks file, what it was expected to do, what it did, and each difference. Fields are added in later versions, never changed in meaning.
 */
export interface KripkeCIReport {
  kind: "kripke-ci";
  /**
   * The format's version: fields are added in later versions, never changed in meaning.
   */
  version: 1;
  /**
   * The version of Kripke that wrote it (its package.json), as `kripke --version` prints it.
   */
  kripkeVersion: string;
  /**
   * The checks file as given on the command line.
   */
  checksFile: string;
  startedAt: string;
  elapsedMs: number;
  /**
   * How many cores the checks were spread over.
   */
  cores: number;
  summary: {
    checks: number;
    asExpected: number;
    differ: number;
    incomplete: number;
  };
  checks: Check[];
}
export interface Check {
  name: string;
  /**
   * The check's line in the checks file (null when it is not written as a literal).
   */
  line: number | null;
  /**
   * A shipped model's name, or the absolute path of a model file.
   */
  model: string;
  variant: string | null;
  settings: {
    [k: string]: string;
  };
  engine: "bfs" | "dfs" | "random";
  workers: number;
  timeLimitMs: number;
  expected: {
    verdict: "pass" | "violation";
    fails: string[];
    snapshot: Snapshot | null;
  };
  /**
   * incomplete: a time limit stopped the run and nothing else differs.
   */
  outcome: "as-expected" | "differs" | "incomplete";
  verdict: "pass" | "violation" | "incomplete" | "error" | "timeout" | "crashed";
  /**
   * What the engine returned (a random campaign without violation is incomplete: not exhaustive).
   */
  status: "pass" | "violation" | "incomplete" | "error" | "timeout" | "crashed";
  reason: string | null;
  stats: {
    distinct: number;
    generated: number;
    depth: number;
    elapsedMs: number;
  };
  /**
   * The state space's size when the run finished.
   */
  snapshot: Snapshot | null;
  peakRssBytes: number | null;
  properties: {
    name: string;
    kind:
      | "always"
      | "sometimes"
      | "alwaysStep"
      | "eventually"
      | "alwaysEventually"
      | "eventuallyAlways"
      | "leadsTo"
      | "refines"
      | "deadlock";
    expected: "hold" | "fail";
    verdict: "held" | "violated" | "undecided";
    ok: boolean;
    steps: number | null;
    /**
     * The counterexample's path (replay it with kripke simulate --replay, or see the artifacts).
     */
    path: string | null;
  }[];
  differences: {
    kind: "unexpected-violation" | "missing-violation" | "snapshot" | "incomplete" | "error" | "timeout" | "crashed";
    property: string | null;
    message: string;
  }[];
  /**
   * Counterexample files written (trace.json, trace.itf.json, trace.dot, trace.svg, report.html, …).
   */
  artifacts: string[];
}
export interface Snapshot {
  distinct: number;
  generated: number;
  depth: number;
}
/**
 * What `kripke compare <model> --format json` prints (version 1): a row per variant, configuration and property.
 */
export interface KripkeComparison {
  kind: "kripke-compare";
  /**
   * The format's version: fields are added in later versions, never changed in meaning.
   */
  version: 1;
  /**
   * The version of Kripke that wrote it (its package.json), as `kripke --version` prints it.
   */
  kripkeVersion: string;
  model: string;
  rows: {
    variant: string | null;
    configuration: Settings;
    property: string;
    /**
     * undecided: the run did not finish.
     */
    verdict: "holds" | "violated" | "undecided" | "error";
    distinct: number;
    generated: number;
    depth: number;
    elapsedMs: number;
    /**
     * Steps of the shortest counterexample (null when the property holds).
     */
    counterexampleSteps: number | null;
    /**
     * Why the run did not finish, or failed.
     */
    note: string | null;
  }[];
}
/**
 * What `kripke diff … --json` prints (version 1): for each direction, whether every behaviour one side allows is one the other allows too, or the shortest behaviour that only one side has.
 */
export interface KripkeBehaviourDiff {
  kind: "kripke-diff";
  /**
   * The format's version: fields are added in later versions, never changed in meaning.
   */
  version: 1;
  /**
   * The version of Kripke that wrote it (its package.json), as `kripke --version` prints it.
   */
  kripkeVersion: string;
  /**
   * What was compared of each state (`the whole state`, or the --observe fields).
   */
  observation: string;
  /**
   * @minItems 2
   * @maxItems 2
   */
  directions: [
    {
      allows: string;
      forbids: string;
      status: "included" | "differs" | "incomplete" | "error";
      /**
       * differs: the shortest behaviour's length.
       */
      steps?: number;
      /**
       * A replayable path: the initial state's index, then action:parameter indexes per step.
       */
      path?: string;
      /**
       * differs: a path of `forbids` matching all but its last step.
       */
      witness?: string | null;
      /**
       * differs: the states `forbids` could be in before the step it cannot match.
       */
      candidates?: number;
      /**
       * incomplete: the bound that stopped the search.
       */
      reason?: string;
      error?: {
        code: string;
        message: string;
      };
      stats?: {
        /**
         * (state, set of states) pairs explored.
         */
        pairs: number;
        allowedStates: number;
        forbiddingStates: number;
      };
    },
    {
      allows: string;
      forbids: string;
      status: "included" | "differs" | "incomplete" | "error";
      /**
       * differs: the shortest behaviour's length.
       */
      steps?: number;
      /**
       * A replayable path: the initial state's index, then action:parameter indexes per step.
       */
      path?: string;
      /**
       * differs: a path of `forbids` matching all but its last step.
       */
      witness?: string | null;
      /**
       * differs: the states `forbids` could be in before the step it cannot match.
       */
      candidates?: number;
      /**
       * incomplete: the bound that stopped the search.
       */
      reason?: string;
      error?: {
        code: string;
        message: string;
      };
      stats?: {
        /**
         * (state, set of states) pairs explored.
         */
        pairs: number;
        allowedStates: number;
        forbiddingStates: number;
      };
    }
  ];
}
/**
 * trace.itf.json, written by `kripke check --out` and `kripke render --format itf`: a trace in the Informal Trace Format (ADR-015 of Apalache, as Quint reads it), with Kripke's own fields in `#meta`. A lasso's cycle runs from state `loop` to the last state, which steps back to state `loop`.
 */
export interface KripkeITFTrace {
  "#meta": {
    format: "ITF";
    "format-description": string;
    source: string;
    description: string;
    kripke: {
      /**
       * The version of Kripke that wrote it (its package.json), as `kripke --version` prints it.
       */
      kripkeVersion: string;
      model: string;
      reference: string;
      /**
       * The model file the trace was found in (a model file runs on replay only when named on the command line).
       */
      modelFile?: string;
      variant: string | null;
      settings: Settings;
      property: string | null;
      kind: string | null;
      /**
       * A replayable path: the initial state's index, then action:parameter indexes per step.
       */
      path: string;
      /**
       * Why it fails, as check found it (as in trace.json).
       */
      why?: {};
      /**
       * The state is not a record: it is the one variable `state`.
       */
      wholeState: boolean;
      loopBack?: StepMeta;
    };
  };
  vars: string[];
  /**
   * @minItems 1
   */
  states: [
    {
      "#meta": StepMeta1;
      [k: string]: ItfValue | StepMeta1;
    },
    ...{
      "#meta": StepMeta1;
      [k: string]: ItfValue | StepMeta1;
    }[]
  ];
  loop?: number;
}
/**
 * A lasso whose last step returns to state `loop`: that step (its state is state `loop`'s).
 */
export interface StepMeta {
  index: number;
  /**
   * The step's label, `rmPrepare(r1)`.
   */
  action?: string;
  "kripke:action"?: {
    name: string;
    param: null | ItfValue;
    paramIndex: number;
  };
  /**
   * A packed model's state itself.
   */
  "kripke:words"?: number[];
}
export interface StepMeta1 {
  index: number;
  /**
   * The step's label, `rmPrepare(r1)`.
   */
  action?: string;
  "kripke:action"?: {
    name: string;
    param: null | ItfValue;
    paramIndex: number;
  };
  /**
   * A packed model's state itself.
   */
  "kripke:words"?: number[];
}
/**
 * What `kripke list --json` prints (version 1): every shipped model with its configuration, variants and properties.
 */
export interface KripkeModelList {
  /**
   * The format's version: fields are added in later versions, never changed in meaning.
   */
  version: 1;
  /**
   * The version of Kripke that wrote it (its package.json), as `kripke --version` prints it.
   */
  kripkeVersion: string;
  models: {
    name: string;
    summary: string;
    config: {
      [k: string]: {
        default: number | boolean | string;
        doc: string;
      };
    };
    /**
     * Variant name → what it changes; the first is the default.
     */
    variants: {
      [k: string]: string;
    };
    properties: {
      name: string;
      kind:
        | "always"
        | "sometimes"
        | "alwaysStep"
        | "eventually"
        | "alwaysEventually"
        | "eventuallyAlways"
        | "leadsTo"
        | "refines";
      /**
       * a property family: the instances it is checked for
       */
      instances?: string[];
    }[];
  }[];
}
/**
 * What `kripke merge shard-*.json --json` prints (version 1): the shards of one swarm campaign summed into one report; violations keep the shortest per property.
 */
export interface KripkeMergedSimulationReport {
  kind: "kripke-simulation-merge";
  /**
   * The format's version: fields are added in later versions, never changed in meaning.
   */
  version: 1;
  /**
   * The version of Kripke that wrote it (its package.json), as `kripke --version` prints it.
   */
  kripkeVersion: string;
  model: string;
  variant: string | null;
  settings: Settings;
  campaignSeed: number;
  depth: number;
  status: "pass" | "violation" | "error";
  shards: {
    count: number;
    present: number[];
    missing: number[];
  };
  runs: number;
  steps: number;
  /**
   * The shards' rates added up: the campaign's throughput when shards run in parallel.
   */
  stepsPerSecond: number;
  deepestWalk: number;
  /**
   * Shards do not share fingerprints: the largest shard's count, and the sum as an upper bound.
   */
  distinctStates: {
    largestShard: number;
    sumUpperBound: number;
  };
  coverage: Coverage[];
  sometimes: SometimesHits[];
  violations: {
    property: string;
    kind: "invariant" | "step" | "deadlock" | "unreachable" | "liveness" | "refinement";
    steps: number;
    /**
     * A replayable path: the initial state's index, then action:parameter indexes per step.
     */
    path: string;
    shard: string;
    reproduce: string;
  }[];
  errors: {
    shard: string;
    code: string;
    message: string;
  }[];
}
/**
 * The model the trace was replayed against: the one named on the command line, else the shipped model the trace names.
 */
export interface Against {
  /**
   * The spec's name.
   */
  model: string;
  /**
   * The model file, or the shipped model's name.
   */
  reference: string;
  variant: string | null;
  settings: Settings;
}
/**
 * What `kripke sweep <model> --set key=a..b --format json` prints (version 1): the state space's size per value of the swept setting, per variant.
 */
export interface KripkeSweep {
  kind: "kripke-sweep";
  /**
   * The format's version: fields are added in later versions, never changed in meaning.
   */
  version: 1;
  /**
   * The version of Kripke that wrote it (its package.json), as `kripke --version` prints it.
   */
  kripkeVersion: string;
  model: string;
  /**
   * The swept setting.
   */
  key: string;
  values: string[];
  variants: (string | null)[];
  points: {
    variant: string | null;
    value: string;
    /**
     * skipped: a smaller value did not finish.
     */
    status: "pass" | "violation" | "incomplete" | "error" | "timeout" | "crashed" | "skipped";
    distinct: number;
    generated: number;
    depth: number;
    elapsedMs: number;
    peakRssBytes: number | null;
    /**
     * Distinct states divided by the previous value's (null for the first, or after a gap).
     */
    growth: number | null;
  }[];
}
/**
 * trace.json (version 1), written by `kripke check --out` and `kripke render --format json`, read by `kripke replay` and `kripke render`: the model and its configuration, the property, the replayable path, a lasso's loop and every step with its action and the state as shown. Fields are added in later versions, never changed in meaning.
 */
export interface KripkeTraceFile {
  format: "kripke-trace";
  /**
   * The format's version: fields are added in later versions, never changed in meaning.
   */
  version: 1;
  /**
   * The version of Kripke that wrote it (its package.json), as `kripke --version` prints it.
   */
  kripkeVersion: string;
  /**
   * The spec's name.
   */
  model: string;
  /**
   * How to name the model on the command line: a shipped model's name, or a model file.
   */
  reference: string;
  /**
   * The model file the trace was found in (a model file runs on replay only when named on the command line).
   */
  modelFile?: string;
  variant: string | null;
  settings: Settings;
  /**
   * The violated property (null: not a counterexample).
   */
  property: string | null;
  /**
   * For a property family (forAll): the instance that fails.
   */
  instance?: string;
  /**
   * Why it fails, as check found it: the property, its text and the fields its predicate read (paths into the shown state).
   */
  why?: {};
  /**
   * The kind of violation: invariant, step, deadlock, liveness, …
   */
  kind: string | null;
  /**
   * A replayable path: the initial state's index, then action:parameter indexes per step.
   */
  path: string;
  /**
   * A lasso: the index of the step the last state loops back to (the last step's state is that step's state again, or the last index: it stutters).
   */
  loop: number | null;
  /**
   * @minItems 1
   */
  steps: [
    {
      index: number;
      /**
       * null for the initial state.
       */
      action: null | {
        name: string;
        /**
         * `rmPrepare(r1)`: what people read.
         */
        label: string;
        /**
         * The parameter value (null: the action has none).
         */
        param:
          | (null | boolean | number | string)
          | Value[]
          | {
              [k: string]: Value;
            };
        paramIndex: number;
      };
      /**
       * The state as shown (`Spec.display`).
       */
      state:
        | (null | boolean | number | string)
        | Value[]
        | {
            [k: string]: Value;
          };
      /**
       * A packed model's state itself, its words.
       */
      words?: number[];
    },
    ...{
      index: number;
      /**
       * null for the initial state.
       */
      action: null | {
        name: string;
        /**
         * `rmPrepare(r1)`: what people read.
         */
        label: string;
        /**
         * The parameter value (null: the action has none).
         */
        param:
          | (null | boolean | number | string)
          | Value[]
          | {
              [k: string]: Value;
            };
        paramIndex: number;
      };
      /**
       * The state as shown (`Spec.display`).
       */
      state:
        | (null | boolean | number | string)
        | Value[]
        | {
            [k: string]: Value;
          };
      /**
       * A packed model's state itself, its words.
       */
      words?: number[];
    }[]
  ];
}
