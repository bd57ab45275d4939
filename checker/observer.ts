/**
 * Engines report progress to an observer — a progress bar in a terminal, lines in CI, events to
 * the explorer — and never print.
 */
export interface Progress {
  readonly distinctStates: number;
  readonly generatedStates: number;
  readonly queued: number;
  readonly depth: number;
  readonly elapsedMs: number;
}

/** A checkpoint was saved (`checkpoint` option): the search can resume from `dir`. */
export interface CheckpointSaved {
  readonly dir: string;
  /** The level it resumes at. */
  readonly depth: number;
  readonly distinctStates: number;
}

export interface Observer {
  /** Called about every `progressIntervalMs` while an engine runs. */
  readonly progress?: (progress: Progress) => void;
  readonly progressIntervalMs?: number;
  readonly checkpointSaved?: (saved: CheckpointSaved) => void;
}
