/** What the coordinator and its workers say to each other (all structured-clone friendly). */
import type { CheckOptions } from '../options.ts';
import type { Example, Statistics, Violation } from '../result.ts';
import type { Batch, LevelReport, StopReason } from './level-explorer.ts';
import type { SharedLevel } from './shared-level.ts';
import type { SharedBuffers } from './shared-visited.ts';
import type { SpecDigest } from './spec-digest.ts';
import type { SpecSource } from './spec-source.ts';

export interface WorkerData {
  readonly index: number;
  readonly source: SpecSource;
  /** The check options that can cross a thread boundary (no observer, no functions). */
  readonly options: CheckOptions;
  readonly buffers: SharedBuffers;
  readonly signals: SharedArrayBuffer;
  readonly specName: string;
  readonly actionNames: readonly string[];
  /** What the rebuilt spec must reproduce before the worker explores (absent when the model failed at its first states). */
  readonly digest: SpecDigest | undefined;
}

export type ToWorker =
  | { readonly type: 'level'; readonly depth: number; readonly batch?: Batch<unknown> }
  | { readonly type: 'shared-level'; readonly depth: number; readonly level: SharedLevel }
  | { readonly type: 'give'; readonly count: number }
  | { readonly type: 'finish'; readonly exhaustive: boolean };

/** A thread's outcome at the end of the run. */
export interface FinalReport {
  readonly stats: Statistics;
  readonly violations: readonly Violation[];
  readonly examples: readonly Example[];
  readonly boundHit: string | undefined;
}

export type FromWorker =
  | { readonly type: 'ready'; readonly startupMs: number }
  | { readonly type: 'failed'; readonly stop: StopReason }
  | { readonly type: 'report'; readonly report: LevelReport }
  | { readonly type: 'batch'; readonly batch: Batch<unknown> }
  | { readonly type: 'final'; readonly final: FinalReport };
