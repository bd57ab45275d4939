/**
 * A check started from the page, on its own thread so the server keeps answering: loads the
 * model as the CLI does, runs `check()` with an observer that posts progress, then posts the
 * outcome. Cancelling terminates the thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { check } from '../checker/check.ts';
import type { Progress } from '../checker/observer.ts';
import { loadModel } from '../cli/load-model.ts';
import { KripkeError } from '../spec/errors.ts';
import type { CheckEvent, CheckRequest } from './api-types.ts';
import { checkOutcome, progressOf } from './check-outcome.ts';

const PROGRESS_INTERVAL_MS = 250;

async function run(request: CheckRequest): Promise<CheckEvent> {
  const { key } = request;
  const model = await loadModel(key.model, { settings: key.settings, variant: key.variant });
  const result = check(model.spec, {
    engine: request.engine,
    liveness: request.liveness,
    checkDeadlock: request.deadlock,
    ...(request.engine === 'random' ? { runs: request.runs, depth: request.depth, seed: request.seed } : {}),
    observer: {
      progress: (p: Progress) => post({ type: 'progress', progress: progressOf(p) }),
      progressIntervalMs: PROGRESS_INTERVAL_MS,
    },
  });
  return { type: 'done', outcome: checkOutcome(result) };
}

function post(event: CheckEvent): void {
  parentPort!.postMessage(event);
}

try {
  post(await run(workerData as CheckRequest));
} catch (e) {
  if (!(e instanceof KripkeError)) throw e;
  post({
    type: 'done',
    outcome: { status: 'error', summary: `[${e.code}] ${e.message}`, violations: [], stats: progressOf(undefined) },
  });
}
