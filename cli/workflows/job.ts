/**
 * One check as plain data (it crosses a process boundary) and running it: load the model by name
 * or file, run `check()` to the end of the state space so that every property gets a verdict,
 * render each counterexample, and save the files of those asked for. `kripke ci`, `compare` and
 * `sweep` are made of jobs.
 */
import { check } from '../../checker/check.ts';
import type { EngineName } from '../../checker/options.ts';
import { formatPath } from '../../checker/path.ts';
import type { CheckResult, CheckStatus, Violation, ViolationKind } from '../../checker/result.ts';
import { renderTraceText } from '../../counterexamples/text.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import { KripkeError } from '../../spec/errors.ts';
import { isLiveness, type PropertyKind } from '../../spec/properties.ts';
import { type LoadedModel, loadModel, specSourceOf } from '../load-model.ts';
import { writeViolationFiles } from '../output-files.ts';

export interface RandomBudgetJob {
  readonly seed: number;
  readonly runs?: number;
  readonly depth?: number;
  readonly timeLimitMs?: number;
}

export interface Job {
  /** A shipped model's name, or an absolute path to a model file (`path#export`). */
  readonly model: string;
  readonly settings: Readonly<Record<string, string>>;
  readonly variant: string | undefined;
  readonly engine: EngineName;
  /** The random engine's campaign (required when `engine` is `random`). */
  readonly random?: RandomBudgetJob;
  /** Properties to check (default: all). */
  readonly properties: readonly string[] | undefined;
  readonly workers: number;
  /** Undefined: the spec's own `checkDeadlock` decides (else true). */
  readonly checkDeadlock: boolean | undefined;
  readonly liveness: boolean;
  /** Exhaustive engines stop as incomplete after this long. */
  readonly timeLimitMs: number | undefined;
  /** Save the counterexample files of every violated property not listed in `except`. */
  readonly artifacts?: { readonly dir: string; readonly except: readonly string[] };
}

/** A property the job checked; `deadlock` stands for the deadlock check. */
export interface CheckedProperty {
  readonly name: string;
  readonly kind: PropertyKind | 'deadlock';
}

export interface ViolationSummary {
  readonly property: string;
  readonly kind: ViolationKind;
  /** Steps of the counterexample (null when it has no path, e.g. a `sometimes` never reached). */
  readonly steps: number | null;
  readonly path: string | null;
  readonly loop: number | null;
  /** The trace as `kripke check` prints it (no colour). */
  readonly trace: string | null;
}

export type JobStatus = CheckStatus | 'timeout' | 'crashed';

export interface JobResult {
  readonly status: JobStatus;
  /** Why a run is incomplete, timed out or crashed; the message of an error. */
  readonly reason: string | null;
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly where: Readonly<Record<string, string>>;
  } | null;
  readonly stats: {
    readonly distinct: number;
    readonly generated: number;
    readonly depth: number;
    readonly elapsedMs: number;
  };
  readonly checked: readonly CheckedProperty[];
  readonly violations: readonly ViolationSummary[];
  /** The process's peak resident memory (null when not measured in a process of its own). */
  readonly peakRssBytes: number | null;
  readonly artifacts: readonly string[];
}

export async function runJob(job: Job): Promise<JobResult> {
  let model: LoadedModel;
  try {
    model = await loadModel(job.model, { settings: job.settings, variant: job.variant });
  } catch (e) {
    if (e instanceof KripkeError) return failed('error', e.message, e);
    throw e;
  }
  const result = check(model.spec, {
    engine: job.engine,
    continue: job.engine !== 'random',
    checkDeadlock: job.checkDeadlock,
    liveness: job.liveness,
    properties: job.properties,
    timeLimitMs: job.engine === 'random' ? job.random?.timeLimitMs : job.timeLimitMs,
    seed: job.random?.seed,
    runs: job.random?.runs,
    depth: job.random?.depth,
    workers: job.workers,
    specSource: job.workers > 1 ? specSourceOf(job.model, model, job.settings) : undefined,
  });
  const violations = 'violations' in result ? result.violations : [];
  const artifacts = job.artifacts ? await saveArtifacts(job.artifacts, model, job, violations) : [];
  const cut = cutShort(result, job);
  return {
    status: cut ? 'incomplete' : result.status,
    reason:
      cut ?? (result.status === 'incomplete' ? result.reason : result.status === 'error' ? result.error.message : null),
    error: result.status === 'error' ? errorJson(result.error) : null,
    stats: statsOf(result),
    checked: checkedProperties(model, job),
    violations: violations.map((v) => summarize(model, v)),
    peakRssBytes: null,
    artifacts,
  };
}

/** A job that did not produce a check result: the model did not load, the process died or was killed. */
export function failed(status: 'error' | 'timeout' | 'crashed', reason: string, error?: KripkeError): JobResult {
  return {
    status,
    reason,
    error: error ? errorJson(error) : null,
    stats: { distinct: 0, generated: 0, depth: 0, elapsedMs: 0 },
    checked: [],
    violations: [],
    peakRssBytes: null,
    artifacts: [],
  };
}

/**
 * Why an exhaustive run that found violations did not reach the end of the state space (`check`
 * reports such a run as a violation, whatever stopped it), or undefined when it did.
 */
function cutShort(result: CheckResult, job: Job): string | undefined {
  if (result.status !== 'violation' || job.engine === 'random' || result.stats.queued === 0) return undefined;
  const limit = job.timeLimitMs;
  return limit !== undefined && result.stats.elapsedMs >= limit
    ? `time limit ${limit} ms reached`
    : `stopped with ${result.stats.queued.toLocaleString('en-US')} states still queued`;
}

function statsOf(result: CheckResult): JobResult['stats'] {
  const { distinctStates, generatedStates, depth, elapsedMs } = result.stats;
  return { distinct: distinctStates, generated: generatedStates, depth, elapsedMs };
}

function checkedProperties(model: LoadedModel, job: Job): CheckedProperty[] {
  const chosen = job.properties ? new Set(job.properties) : undefined;
  const checked: CheckedProperty[] = model.spec.properties
    .filter((p) => (chosen ? chosen.has(p.name) : true) && (job.liveness || !isLiveness(p)))
    .filter((p) => job.engine !== 'random' || !isLiveness(p))
    .map((p) => ({ name: p.name, kind: p.kind }));
  if (job.checkDeadlock ?? model.spec.checkDeadlock ?? true) checked.push({ name: 'deadlock', kind: 'deadlock' });
  return checked;
}

function summarize(model: LoadedModel, v: Violation): ViolationSummary {
  const trace = v.path
    ? buildTrace(model.spec, v.path, { property: v.property, ...(v.loop !== undefined ? { loop: v.loop } : {}) })
    : undefined;
  return {
    property: v.property,
    kind: v.kind,
    steps: v.path ? v.path.steps.length : null,
    path: v.path ? formatPath(v.path) : null,
    loop: v.loop ?? null,
    trace: trace ? renderTraceText(trace) : null,
  };
}

async function saveArtifacts(
  target: NonNullable<Job['artifacts']>,
  model: LoadedModel,
  job: Job,
  violations: readonly Violation[],
): Promise<string[]> {
  const chosen = violations.filter((v) => !target.except.includes(v.property));
  // The same writer as `check --out`: unique folders, whole files, pictures skipped with a reason.
  const report = await writeViolationFiles(target.dir, model.spec, chosen, {
    reference: model.reference,
    variant: model.variant,
    settings: job.settings,
  });
  return report.written;
}

function errorJson(e: KripkeError): NonNullable<JobResult['error']> {
  return { code: e.code, message: e.message, where: { ...e.where } };
}
