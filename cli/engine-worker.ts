/**
 * The body of the CLI's engine thread: for each request the main thread posts, load the model the
 * user named, run `check`, report progress and the result (the main thread keeps its event loop
 * free for signals). Requests come one at a time; a thread that has answered one may be given the
 * next run of the same process (`engine-thread.ts`).
 */
import { parentPort } from 'node:worker_threads';
import { check } from '../checker/check.ts';
import { KripkeError } from '../spec/errors.ts';
import { type EngineRequest, type FromEngine, portableError, toPortable } from './engine-messages.ts';
import { loadModel, specSourceOf } from './load-model.ts';

const port = parentPort!;
const post = (message: FromEngine) => port.postMessage(message);

port.on('message', (request: EngineRequest) => void run(request));

async function run(request: EngineRequest): Promise<void> {
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
}
