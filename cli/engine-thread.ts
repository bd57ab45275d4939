/**
 * Runs `check` for a CLI command on its own thread, so the main thread stays free to answer
 * signals and to notice a thread that dies. On SIGINT or SIGTERM the engine is asked to stop
 * (it returns its statistics as `incomplete`, 'interrupted'); if it has not answered within
 * `GRACE_MS` (a long action, a phase that does not poll) or a second signal comes, the thread is
 * stopped and the result is built from the last progress report. A thread that dies — out of
 * memory, killed, crashed — ends the command with a result that says so, never a hang.
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

/**
 * Starts the engine thread at once, so that it loads the model while the main thread loads it for
 * the report; `result()` then supervises it to the end.
 */
export class EngineThread {
  private readonly worker: Worker;
  private readonly early: Event[] = [];
  private listener: ((event: Event) => void) | undefined;
  private settled = false;

  constructor(
    private readonly request: Request,
    private readonly interruption: Interruption,
    observer: Observer = {},
  ) {
    this.worker = new Worker(ENTRY, {
      workerData: {
        ...request,
        interrupt: interruption.flag,
        progressIntervalMs: Math.min(observer.progressIntervalMs ?? 1000, REPORT_EVERY_MS),
      },
    });
    // Until `result()` listens, what the thread says (or its death) waits here.
    this.worker.on('message', (message: FromEngine) => this.deliver({ message }));
    this.worker.on('error', (error: Error & { code?: string }) => this.deliver({ error }));
    this.worker.on('exit', (code: number) => this.deliver({ error: new Error(`it exited with code ${code}`) }));
  }

  /** Stops the thread (when the command fails before it needs the result). */
  stop(): void {
    this.settled = true;
    void this.worker.terminate();
  }

  /** `specName` names the model in a result built here (the thread that loaded it is gone). */
  result(specName: string, observer: Observer): Promise<CheckResult> {
    const { worker, interruption } = this;
    const engine = this.request.options.engine ?? 'bfs';
    let last: Progress | undefined;
    let lastShown = 0;
    return new Promise<CheckResult>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const settle = (outcome: () => CheckResult) => {
        if (this.settled) return;
        this.settled = true;
        clearTimeout(timer);
        removeListener();
        void worker.terminate();
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
            return settle(() => fromPortable(message.result));
          case 'failed':
            return settle(() => {
              if (message.error) throw new KripkeError(message.error.code, message.error.message, message.error.where);
              throw new Error(`the engine thread failed: ${message.stack}`);
            });
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
