/**
 * Runs jobs in child processes, as many at once as the cores allow (a job on n worker threads
 * takes n cores). A job in another process cannot take the others down: past its hard time limit
 * it is killed, and a crash is reported as such. Processes are reused from job to job (starting
 * one costs seconds) unless each job needs its own — to measure its peak memory.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ownEntry } from '../../checker/own-modules.ts';
import { failed, type Job, type JobResult } from './job.ts';

const CHILD = fileURLToPath(ownEntry('job-child', import.meta.url));

export interface PoolOptions {
  /** How many cores to fill (default: all of this machine's). */
  readonly cores?: number;
  /** A fresh process for every job, so each reports its own peak memory (default false). */
  readonly freshProcesses?: boolean;
  /** Kill a job's process after this long (undefined: never). */
  readonly killAfterMs?: (job: Job) => number | undefined;
  readonly onFinish?: (index: number, result: JobResult) => void;
}

export function defaultCores(): number {
  return availableParallelism();
}

export async function runJobs(jobs: readonly Job[], options: PoolOptions = {}): Promise<JobResult[]> {
  const cores = options.cores ?? defaultCores();
  const idle: ChildProcess[] = [];
  const results: JobResult[] = new Array(jobs.length);
  let next = 0;
  let busy = 0;
  let running = 0;
  await new Promise<void>((resolve) => {
    const launch = () => {
      if (next === jobs.length && running === 0) return resolve();
      while (next < jobs.length && (running === 0 || busy + coresOf(jobs[next]!, cores) <= cores)) {
        const index = next++;
        const job = jobs[index]!;
        const taken = coresOf(job, cores);
        busy += taken;
        running++;
        const child = (!options.freshProcesses && idle.pop()) || startChild();
        void runOn(child, job, options.killAfterMs?.(job)).then((result) => {
          results[index] = result;
          busy -= taken;
          running--;
          if (child.connected && !child.killed && !options.freshProcesses) idle.push(child);
          else stopChild(child);
          options.onFinish?.(index, result);
          launch();
        });
      }
    };
    launch();
  });
  idle.forEach(stopChild);
  return results;
}

function coresOf(job: Job, cores: number): number {
  return Math.min(Math.max(job.workers, 1), cores);
}

function startChild(): ChildProcess {
  return fork(CHILD, [], { execArgv: [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
}

function stopChild(child: ChildProcess): void {
  if (child.connected) child.disconnect();
}

/** Sends one job to `child` and waits for its result, its death, or its time limit. */
function runOn(child: ChildProcess, job: Job, killAfterMs: number | undefined): Promise<JobResult> {
  return new Promise((resolve) => {
    let stderr = '';
    const onData = (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    };
    const timer =
      killAfterMs === undefined
        ? undefined
        : setTimeout(() => {
            done(failed('timeout', `killed after ${(killAfterMs / 1000).toFixed(0)} s, past its time limit`));
            child.kill('SIGKILL');
          }, killAfterMs);
    const onMessage = (result: JobResult) => done(result);
    const onExit = (code: number | null, signal: string | null) =>
      done(
        failed(
          'crashed',
          `the check's process exited (${signal ?? `code ${code}`}) without a result${stderr ? `: ${lastLines(stderr)}` : ''}`,
        ),
      );
    const done = (result: JobResult) => {
      clearTimeout(timer);
      child.off('message', onMessage).off('exit', onExit);
      child.stderr!.off('data', onData);
      resolve(result);
    };
    child.stderr!.on('data', onData);
    child.on('message', onMessage).on('exit', onExit);
    child.send(job);
  });
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-8).join('\n');
}
