/**
 * The body of the CLI's engine thread: load the model the user named, run `check`, report
 * progress and the result to the main thread (which keeps its event loop free for signals).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { check } from '../checker/check.ts';
import { KripkeError } from '../spec/errors.ts';
import { type EngineRequest, type FromEngine, portableError, toPortable } from './engine-messages.ts';
import { loadModel, specSourceOf } from './load-model.ts';

const request = workerData as EngineRequest;
const post = (message: FromEngine) => parentPort!.postMessage(message);

try {
  const model = await loadModel(request.model, { settings: request.settings, variant: request.variant });
  const parallel = (request.options.workers ?? 1) > 1;
  const result = check(model.spec, {
    ...request.options,
    interrupt: request.interrupt,
    observer: {
      progressIntervalMs: request.progressIntervalMs,
      progress: (progress) => post({ type: 'progress', progress }),
      checkpointSaved: (saved) => post({ type: 'checkpoint', saved }),
    },
    ...(parallel ? { specSource: specSourceOf(request.model, model, request.settings) } : {}),
  });
  post({ type: 'result', result: toPortable(result) });
} catch (e) {
  post(
    e instanceof KripkeError
      ? { type: 'failed', error: portableError(e) }
      : { type: 'failed', stack: e instanceof Error ? (e.stack ?? e.message) : String(e) },
  );
}
