/**
 * The explorer's HTTP API as data: what the page sends and what the server answers. Shared by
 * the server (`server.ts`) and the page (`ui/`), so it holds types only and imports nothing.
 * Paths are action-index paths (`0/1:0/0:2`, the form of `checker/path.ts`).
 */

/** Which model, configured how: what the page's URL holds besides the path. */
export interface ModelKey {
  /** A shipped protocol's name, or the model file the explorer was started with. */
  readonly model: string;
  readonly variant?: string | undefined;
  readonly settings: Readonly<Record<string, string>>;
}

export interface ModelInfo {
  readonly key: ModelKey;
  /** The spec's own name. */
  readonly name: string;
  readonly summary: string | undefined;
  /** The variant in force (the protocol's default when the key names none). */
  readonly variant: string | undefined;
  readonly variants: readonly { readonly name: string; readonly doc: string }[];
  readonly config: readonly { readonly key: string; readonly value: string; readonly doc: string }[];
  readonly properties: readonly { readonly name: string; readonly kind: string }[];
  readonly actions: readonly string[];
  readonly initialStates: number;
  /** An actor model: its states have per-process columns and its traces a sequence chart. */
  readonly actor: boolean;
}

/** One node of a state shown as a tree; `path` (`nodes.p1.ballot`) names it for hiding. */
export interface ValueNode {
  readonly key: string;
  readonly path: string;
  readonly kind: 'leaf' | 'record' | 'list' | 'set' | 'map';
  /** The value on one line (long values cut with an ellipsis). */
  readonly text: string;
  /** `changed`: this value differs; `inside`: something within it does; `added`: a new member. */
  readonly change?: 'changed' | 'inside' | 'added';
  /** The value it had before (for `changed`). */
  readonly before?: string;
  readonly children?: readonly ValueNode[];
  /** Members that the step removed (sets and lists). */
  readonly removed?: readonly string[];
  /** Children left out of a very large value. */
  readonly omitted?: number;
}

export interface StepSummary {
  /** 0 is the initial state; step n is the state after the n-th action. */
  readonly index: number;
  readonly label: string;
  readonly action: string | undefined;
  readonly color: string | undefined;
  /** How many fields the step changed (0: it changed nothing). */
  readonly changes: number;
}

export interface Choice {
  readonly param: number;
  readonly label: string;
  readonly enabled: boolean;
  /** The step leads back to the same state. */
  readonly noChange: boolean;
  /** The path of the state it leads to. */
  readonly target: string | undefined;
  /** Invariants and step properties the step would violate. */
  readonly violates: readonly string[];
}

export interface ActionGroup {
  readonly index: number;
  readonly name: string;
  readonly color: string;
  readonly choices: readonly Choice[];
  /** The model threw while computing this action here. */
  readonly error?: string;
}

export type PropertyState = 'holds' | 'fails' | 'reached' | 'unreached' | 'liveness' | 'error';

export interface PropertyStatus {
  readonly name: string;
  readonly kind: string;
  readonly state: PropertyState;
  readonly detail: string;
}

/** Per-process columns of an actor state: one column per node, one row per field. */
export interface ProcessTable {
  readonly ids: readonly string[];
  readonly rows: readonly { readonly field: string; readonly cells: readonly ProcessCell[] }[];
  /** Fields of the whole system (network, spent bounds, history), shown under the columns. */
  readonly shared: readonly ValueNode[];
}

export interface ProcessCell {
  readonly text: string;
  readonly changed: boolean;
  readonly before?: string;
}

export interface Neighbourhood {
  readonly dot: string;
  /** Graph node id (as in the SVG's node titles) → the path that reaches it. */
  readonly targets: Readonly<Record<string, string>>;
  readonly predecessors: number;
  readonly successors: number;
}

export interface StepError {
  /** The step at which the model threw (the state shown is the one before it). */
  readonly step: number;
  readonly code: string;
  readonly message: string;
}

/** A trace pinned in the timeline: a counterexample, a loaded file, a walk. */
export interface LineRequest {
  readonly path: string;
  readonly loop?: number | undefined;
  readonly property?: string | undefined;
}

export interface StateRequest {
  readonly key: ModelKey;
  readonly path: string;
  readonly line?: LineRequest | undefined;
}

export interface StateView {
  readonly model: ModelInfo;
  /** The path of the state shown (cut before the step that threw, if one did). */
  readonly path: string;
  readonly steps: readonly StepSummary[];
  readonly error: StepError | undefined;
  readonly state: ValueNode;
  readonly processes: ProcessTable | undefined;
  readonly actions: readonly ActionGroup[];
  readonly properties: readonly PropertyStatus[];
  /** No action is enabled: `terminal` when the model allows it, else a deadlock. */
  readonly end: 'terminal' | 'deadlock' | undefined;
  readonly traceDot: string;
  readonly sequenceSvg: string | undefined;
  readonly neighbourhood: Neighbourhood;
  /** The pinned trace's steps, when the request gave one. */
  readonly line: PinnedLine | undefined;
}

export interface PinnedLine {
  readonly steps: readonly StepSummary[];
  readonly loop: number | undefined;
  readonly property: string | undefined;
  /** For a lasso: the state that stepping past the last one goes to (round the cycle). */
  readonly wrapTo: number | undefined;
}

export interface WalkRequest {
  readonly key: ModelKey;
  readonly path: string;
  readonly steps: number;
  readonly seed?: number | undefined;
}
export interface WalkResult {
  readonly path: string;
  readonly seed: number;
  readonly taken: number;
  readonly stopped: 'steps' | 'end' | 'violation';
  readonly property?: string;
}

export interface UntilRequest {
  readonly key: ModelKey;
  readonly path: string;
  readonly property: string;
  readonly goal: 'holds' | 'fails';
  readonly maxStates?: number | undefined;
}
export type UntilResult =
  | { readonly found: true; readonly path: string; readonly steps: number; readonly explored: number }
  | { readonly found: false; readonly explored: number; readonly exhaustive: boolean; readonly message: string };

export interface OpenTraceRequest {
  readonly key: ModelKey;
  readonly name: string;
  readonly text: string;
}
export interface OpenTraceResult {
  readonly key: ModelKey;
  readonly line: LineRequest;
  /** How the file was matched: by its actions, or (another tool's trace) state by state. */
  readonly matched: 'actions' | 'states';
  readonly format: 'kripke' | 'itf';
  readonly steps: number;
  readonly note: string;
}

export interface TraceRef {
  readonly key: ModelKey;
  readonly path: string;
}
export interface CompareRequest {
  readonly left: TraceRef;
  /** Another trace, or a model under which to replay the left trace's actions. */
  readonly right: TraceRef | { readonly key: ModelKey; readonly replay: true };
}

export interface CompareRow {
  readonly index: number;
  readonly left: StepSummary | undefined;
  readonly right: StepSummary | undefined;
  /** Fields that differ between the two states at this step. */
  readonly differences: readonly string[];
  readonly leftState: ValueNode | undefined;
  readonly rightState: ValueNode | undefined;
}

export interface CompareResult {
  readonly leftTitle: string;
  readonly rightTitle: string;
  readonly rows: readonly CompareRow[];
  /** The first step at which the traces differ, named; undefined when they agree throughout. */
  readonly divergence: { readonly step: number; readonly message: string } | undefined;
  /** The right trace as a path, when it was replayed (to open it). */
  readonly rightPath: string;
}

export type CheckEngine = 'bfs' | 'dfs' | 'random';

export interface CheckRequest {
  readonly key: ModelKey;
  readonly engine: CheckEngine;
  readonly liveness: boolean;
  readonly deadlock: boolean;
  /** Random engine: walks and steps per walk. */
  readonly runs?: number | undefined;
  readonly depth?: number | undefined;
  readonly seed?: number | undefined;
}

export interface CheckProgress {
  readonly distinctStates: number;
  readonly generatedStates: number;
  readonly depth: number;
  readonly elapsedMs: number;
  /** Generated states per second so far. */
  readonly rate: number;
}

export interface CheckViolation {
  readonly property: string;
  readonly kind: string;
  readonly path: string | undefined;
  readonly loop: number | undefined;
}

export interface CheckOutcome {
  readonly status: 'pass' | 'violation' | 'incomplete' | 'error' | 'cancelled';
  readonly summary: string;
  readonly violations: readonly CheckViolation[];
  readonly stats: CheckProgress;
  /** For an error: where the model failed. */
  readonly errorPath?: string | undefined;
}

/** Server-sent events of one check: `progress` many times, then one `done`. */
export type CheckEvent =
  | { readonly type: 'progress'; readonly progress: CheckProgress }
  | { readonly type: 'done'; readonly outcome: CheckOutcome };

export interface ApiError {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly where?: Readonly<Record<string, string>>;
  };
}
