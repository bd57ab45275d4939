/**
 * The checks started from the page, each on a worker thread (`check-worker.ts`): their events so
 * far (so a page that connects late, or reconnects, sees them all), their listeners (server-sent
 * event streams), and cancel. At most `MAX_RUNNING` run at once: the machine's cores are few.
 */
import { Worker } from 'node:worker_threads';
import { ownEntry } from '../checker/own-modules.ts';
import { KripkeError } from '../spec/errors.ts';
import type { CheckEvent, CheckRequest } from './api-types.ts';
import { progressOf } from './check-outcome.ts';

const ENTRY = ownEntry('check-worker', import.meta.url);
const MAX_RUNNING = 2;
/** Finished runs kept for late listeners. */
const MAX_KEPT = 20;

type Listener = (event: CheckEvent) => void;

interface Run {
  readonly worker: Worker;
  readonly events: CheckEvent[];
  readonly listeners: Set<Listener>;
  done: boolean;
}

export class Checks {
  private readonly runs = new Map<string, Run>();
  private next = 1;

  start(request: CheckRequest): string {
    const running = [...this.runs.values()].filter((r) => !r.done).length;
    if (running >= MAX_RUNNING) {
      throw new KripkeError('invalid-config', `${running} checks are already running: cancel one first`);
    }
    const id = String(this.next++);
    const run: Run = {
      worker: new Worker(ENTRY, { workerData: request }),
      events: [],
      listeners: new Set(),
      done: false,
    };
    this.runs.set(id, run);
    run.worker.on('message', (event: CheckEvent) => this.emit(run, event));
    run.worker.on('error', (e) => this.finish(run, 'error', `the check thread failed: ${e.message}`));
    run.worker.on('exit', () => this.finish(run, 'error', 'the check thread stopped without a result'));
    this.forgetOld();
    return id;
  }

  /** Sends every event so far, then each new one; returns the unsubscribe function. */
  listen(id: string, listener: Listener): () => void {
    const run = this.find(id);
    run.events.forEach(listener);
    if (!run.done) run.listeners.add(listener);
    return () => run.listeners.delete(listener);
  }

  cancel(id: string): void {
    const run = this.find(id);
    if (run.done) return;
    this.finish(run, 'cancelled', 'cancelled');
    void run.worker.terminate();
  }

  /** Stops every run (when the server closes). */
  async close(): Promise<void> {
    await Promise.all([...this.runs.values()].map((r) => r.worker.terminate()));
  }

  private find(id: string): Run {
    const run = this.runs.get(id);
    if (run === undefined)
      throw new KripkeError('unknown-name', `no check #${id} (checks are numbered from 1 as they start)`, {
        check: id,
      });
    return run;
  }

  private emit(run: Run, event: CheckEvent): void {
    if (run.done) return;
    run.events.push(event);
    if (event.type === 'done') run.done = true;
    run.listeners.forEach((l) => l(event));
    if (run.done) run.listeners.clear();
  }

  private finish(run: Run, status: 'error' | 'cancelled', summary: string): void {
    const stats = [...run.events].reverse().find((e) => e.type === 'progress');
    this.emit(run, {
      type: 'done',
      outcome: {
        status,
        summary,
        violations: [],
        stats: stats?.type === 'progress' ? stats.progress : progressOf(undefined),
      },
    });
  }

  private forgetOld(): void {
    for (const [id, run] of this.runs) {
      if (this.runs.size <= MAX_KEPT) return;
      if (run.done) this.runs.delete(id);
    }
  }
}
