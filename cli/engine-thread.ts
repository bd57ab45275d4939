/**
 * Runs `check` for a CLI command on its own thread, so the main thread stays free to answer
 * signals and to notice a thread that dies. On SIGINT or SIGTERM the engine is asked to stop
 * (it returns its statistics as `incomplete`, 'interrupted'); if it has not answered within
 * `GRACE_MS` (a long action, a phase that does not poll) or a second signal comes, the thread is
 * stopped and the result is built from the last progress report. A thread that dies — out of
 * memory, killed, crashed — ends the command with a result that says so, never a hang.
 *
 * A thread that answered its request (a result, or a clean failure such as a model error) is kept,
 * unreferenced, for the next run in the same process: starting one loads Kripke and tsx again, about
 * a second, which in-process callers (the CLI's tests) would pay at every run. A thread that was
 * stopped, timed out or died is never reused. One process runs one command at a time.
 */
import { Worker } from 'node:worker_threads';
import { INTERRUPTED } from '../checker/interrupt.ts';
import { ownEntry } from '../checker/own-modules.ts';
import type { Observer, Progress } from '../checker/observer.ts';
import type { CheckResult } from '../checker/result.ts';
import { collisionProbability } from '../checker/search.ts';
import { KripkeError } from '../spec/errors.ts';
import { type EngineRequest, type FromEngine, fromPortable } from './engine-messages.ts';
import type { Interruption } from './interruption.ts';

const ENTRY = ownEntry('engine-worker', import.meta.url);
/** How long the engine may take to stop after a signal (the whole stop stays under a second). */
const GRACE_MS = 700;
/** Progress reports arrive at least this often, so that a stopped thread leaves recent figures. */
const REPORT_EVERY_MS = 500;

type Request = Omit<EngineRequest, 'interrupt' | 'progressIntervalMs'>;

/** Threads that answered their request cleanly, waiting for the next run of this process. */
const idle: Worker[] = [];

function startThread(): Worker {
  const worker = new Worker(ENTRY, { workerData: { role: 'engine' } }); // the requests come as messages
  // A kept thread that dies while it waits is forgotten; during a run, the run's own listeners hear it.
  worker.on('error', () => {});
  worker.on('exit', () => {
    const at = idle.indexOf(worker);
    if (at >= 0) idle.splice(at, 1);
  });
  return worker;
}

/**
 * Starts the engine thread at once, so that it loads the model while the main thread loads it for
 * the report; `result()` then supervises it to the end.
 */
export class EngineThread {
  private readonly worker: Worker;
  private readonly early: Event[] = [];
  private listener: ((event: Event) => void) | undefined;
  private settled = false;
  private readonly onMessage = (message: FromEngine) => this.deliver({ message });
  private readonly onError = (error: Error & { code?: string }) => this.deliver({ error });
  private readonly onExit = (code: number) => this.deliver({ error: new Error(`it exited with code ${code}`) });

  constructor(
    private readonly request: Request,
    private readonly interruption: Interruption,
    observer: Observer = {},
  ) {
    this.worker = idle.pop() ?? startThread();
    this.worker.ref();
    // Until `result()` listens, what the thread says (or its death) waits here.
    this.worker.on('message', this.onMessage);
    this.worker.on('error', this.onError);
    this.worker.on('exit', this.onExit);
    const message: EngineRequest = {
      ...request,
      interrupt: interruption.flag,
      progressIntervalMs: Math.min(observer.progressIntervalMs ?? 1000, REPORT_EVERY_MS),
    };
    this.worker.postMessage(message);
  }

  /** Stops the thread (when the command fails before it needs the result); a no-op once settled. */
  stop(): void {
    if (this.settled) return;
    this.settled = true;
    void this.worker.terminate();
  }

  /** Keeps a thread that answered its request for the next run; it no longer holds the process open. */
  private release(): void {
    this.worker.off('message', this.onMessage);
    this.worker.off('error', this.onError);
    this.worker.off('exit', this.onExit);
    this.worker.unref();
    idle.push(this.worker);
  }

  /** `specName` names the model in a result built here (the thread that loaded it is gone). */
  result(specName: string, observer: Observer): Promise<CheckResult> {
    const { worker, interruption } = this;
    const engine = this.request.options.engine ?? 'bfs';
    let last: Progress | undefined;
    let lastShown = 0;
    return new Promise<CheckResult>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      /** `answered`: the thread replied to its request and is fit for another. */
      const settle = (outcome: () => CheckResult, answered = false) => {
        if (this.settled) return;
        this.settled = true;
        clearTimeout(timer);
        removeListener();
        if (answered) this.release();
        else void worker.terminate();
        try {
          resolve(outcome());
        } catch (e) {
          reject(e);
        }
      };
      const stopNow = () =>
        settle(() =>
          fromProgress(
            specName,
            engine,
            last,
            last === undefined
              ? `${INTERRUPTED} before the search began`
              : `${INTERRUPTED}; the engine did not stop in time, statistics are from the last progress report`,
            'incomplete',
          ),
        );
      const onSignal = (repeated: boolean) => (repeated ? stopNow() : (timer ??= setTimeout(stopNow, GRACE_MS)));
      const removeListener = interruption.onSignal((_signal, repeated) => onSignal(repeated));
      if (interruption.signal !== undefined) onSignal(false);
      const onMessage = (message: FromEngine) => {
        switch (message.type) {
          case 'progress':
            last = message.progress;
            if (observer.progress && last.elapsedMs - lastShown >= (observer.progressIntervalMs ?? 1000)) {
              lastShown = last.elapsedMs;
              observer.progress(last);
            }
            return;
          case 'checkpoint':
            observer.checkpointSaved?.(message.saved);
            return;
          case 'result':
            return settle(() => fromPortable(message.result), true);
          case 'failed':
            return settle(() => {
              if (message.error) throw new KripkeError(message.error.code, message.error.message, message.error.where);
              throw new Error(`the engine thread failed: ${message.stack}`);
            }, message.error !== undefined);
        }
      };
      this.listener = (event) =>
        event.message ? onMessage(event.message) : settle(() => died(specName, engine, last, event.error!));
      for (const event of this.early.splice(0)) this.listener(event);
    });
  }

  private deliver(event: Event): void {
    if (this.listener) this.listener(event);
    else this.early.push(event);
  }
}

type Event = { readonly message?: FromEngine; readonly error?: Error & { code?: string } };

/** The engine thread died: out of memory is `incomplete` (a bound of the machine), anything else an error. */
function died(model: string, engine: string, last: Progress | undefined, e: Error & { code?: string }): CheckResult {
  const figures = last ? 'statistics are from the last progress report' : 'no progress was reported before';
  if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return fromProgress(
      model,
      engine,
      last,
      `the JavaScript heap ran out of memory (${figures}); ` +
        'use --memory to stop earlier with full statistics, --workers, a smaller configuration, symmetry, or node --max-old-space-size',
      'incomplete',
    );
  }
  return fromProgress(
    model,
    engine,
    last,
    `the engine thread stopped unexpectedly: ${e.message} (${figures})`,
    'error',
  );
}

function fromProgress(
  model: string,
  engine: string,
  p: Progress | undefined,
  reason: string,
  status: 'incomplete' | 'error',
): CheckResult {
  const stats = {
    engine,
    distinctStates: p?.distinctStates ?? 0,
    generatedStates: p?.generatedStates ?? 0,
    depth: p?.depth ?? 0,
    queued: p?.queued ?? 0,
    coverage: [],
    elapsedMs: p?.elapsedMs ?? 0,
    storeBytes: 0,
    collisionProbability: collisionProbability(p?.distinctStates ?? 0, p?.generatedStates ?? 0),
  };
  if (status === 'incomplete') return { status, model, reason, violations: [], examples: [], stats };
  return {
    status,
    model,
    error: new KripkeError('thread-failed', reason, { model }),
    at: undefined,
    examples: [],
    stats,
  };
}
