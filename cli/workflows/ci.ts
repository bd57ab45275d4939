/**
 * `kripke ci` as a library call: load a checks file, run every check in its own process (as many
 * at once as the cores allow, each with a time limit), judge each against its expectation and
 * save the counterexamples of those that differ.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { folderName } from '../../counterexamples/artifacts.ts';
import { type CheckPlace, locateChecks } from './checks-source.ts';
import type { ChecksConfig } from './checks-file.ts';
import type { Job, JobResult } from './job.ts';
import { type Judgement, judge } from './judge.ts';
import { DEFAULT_CHECKS_FILE, importChecksFile, resolveChecks, type ResolvedCheck } from './load-checks.ts';
import { defaultCores, runJobs } from './pool.ts';

export type ArtifactsChoice = 'failures' | 'all' | 'none';

export interface CiOptions {
  /** Run BFS checks on this many threads, whatever the file says (snapshots must not change). */
  readonly workers?: number;
  /** Cores to fill with checks (default: all). */
  readonly cores?: number;
  /** Run only the checks whose name contains this text. */
  readonly only?: string;
  /** Where counterexample files go (default `kripke-report`): `<dir>/<check>/<property>/`. */
  readonly outDir?: string;
  /** Whose counterexamples to save: checks that differ (default), every violation, or none. */
  readonly artifacts?: ArtifactsChoice;
  readonly onFinish?: (report: CheckReport) => void;
}

export interface CheckReport {
  readonly check: ResolvedCheck;
  /** Where the check is written in the checks file. */
  readonly place: CheckPlace | undefined;
  readonly result: JobResult;
  readonly judgement: Judgement;
}

export interface CiReport {
  /** The checks file as given. */
  readonly file: string;
  readonly startedAt: Date;
  readonly elapsedMs: number;
  readonly cores: number;
  readonly checks: readonly CheckReport[];
}

export const DEFAULT_OUT_DIR = 'kripke-report';

/** Hard limit: past its own time limit (which stops the search cleanly), a check's process is killed. */
export const killAfter = (limitMs: number) => limitMs + Math.max(30_000, limitMs / 4);

export async function runChecks(file: string = DEFAULT_CHECKS_FILE, options: CiOptions = {}): Promise<CiReport> {
  const config: ChecksConfig = await importChecksFile(file);
  const places = locateChecks(await readFile(resolve(file), 'utf8'));
  const checks = (await resolveChecks(config, file)).filter(
    (c) => options.only === undefined || c.name.includes(options.only),
  );
  const cores = options.cores ?? defaultCores();
  const startedAt = new Date();
  const jobs = checks.map((c) => jobFor(c, options));
  const limits = new Map(jobs.map((job, i) => [job, killAfter(checks[i]!.timeLimitMs)]));
  const reports: CheckReport[] = new Array(checks.length);
  await runJobs(jobs, {
    cores,
    killAfterMs: (job) => limits.get(job),
    onFinish: (i, result) => {
      const check = checks[i]!;
      reports[i] = { check, place: places[check.index], result, judgement: judge(check, result) };
      options.onFinish?.(reports[i]);
    },
  });
  return { file, startedAt, elapsedMs: Date.now() - startedAt.getTime(), cores, checks: reports };
}

function jobFor(check: ResolvedCheck, options: CiOptions): Job {
  const workers = options.workers !== undefined && check.job.engine === 'bfs' ? options.workers : check.job.workers;
  const choice = options.artifacts ?? 'failures';
  const dir = join(resolve(options.outDir ?? DEFAULT_OUT_DIR), folderName(check.name));
  return {
    ...check.job,
    workers,
    ...(choice === 'none' ? {} : { artifacts: { dir, except: choice === 'all' ? [] : check.expected.fails } }),
  };
}

/** 0 every outcome as expected, 1 some differ, 3 only time limits were hit (see exit-codes.ts). */
export function ciExitCode(report: {
  readonly checks: readonly { readonly judgement: Pick<Judgement, 'outcome'> }[];
}): 0 | 1 | 3 {
  const outcomes = report.checks.map((c) => c.judgement.outcome);
  if (outcomes.includes('differs')) return 1;
  return outcomes.includes('incomplete') ? 3 : 0;
}
