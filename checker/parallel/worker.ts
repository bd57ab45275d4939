/**
 * The body of a parallel-search worker thread: rebuild the spec, then obey the coordinator —
 * run a level, hand over states, report at the end.
 */
import { type MessagePort, workerData } from 'node:worker_threads';
import { KripkeError } from '../../spec/errors.ts';
import { resolveOptions } from '../options.ts';
import { Channel, markStopped } from './channel.ts';
import { LevelExplorer } from './level-explorer.ts';
import type { FinalReport, FromWorker, ToWorker, WorkerData } from './messages.ts';
import { digestDifference, specDigest } from './spec-digest.ts';
import { whileLoadingSpecSource } from './loading-guard.ts';
import { loadSpecSource } from './spec-source.ts';

const data = workerData as WorkerData & { port: MessagePort };
const startedAt = performance.now();
const channel = new Channel(data.port, new Int32Array(data.signals), data.index, 0);
const reply = (message: FromWorker) => channel.send(message);
// However this thread ends (process.exit in a model, a crash), the coordinator stops waiting for it.
const signalsView = new Int32Array(data.signals);
process.on('exit', () => markStopped(signalsView, signalsView.length / 2 + data.index, 0));

async function start(): Promise<LevelExplorer<unknown> | undefined> {
  try {
    const spec = await whileLoadingSpecSource(() => loadSpecSource(data.source));
    const names = spec.actions.map((a) => a.name);
    if (spec.name !== data.specName || names.join() !== data.actionNames.join()) {
      throw new KripkeError(
        'invalid-config',
        `the spec source rebuilt '${spec.name}' (${names.join(', ')}), ` +
          `not the spec being checked, '${data.specName}' (${data.actionNames.join(', ')})`,
        { file: data.source.module },
      );
    }
    const explorer = new LevelExplorer(spec, resolveOptions(spec, data.options), data.buffers, data.index);
    requireSameSpec(explorer);
    reply({ type: 'ready', startupMs: performance.now() - startedAt });
    return explorer;
  } catch (e) {
    const error =
      e instanceof KripkeError
        ? { code: e.code, message: e.message, where: e.where }
        : {
            code: 'invalid-config',
            message: `worker failed to start: ${e instanceof Error ? e.message : String(e)}`,
            where: {},
          };
    reply({ type: 'failed', stop: { kind: 'error', message: error.message, error } });
    return undefined;
  }
}

/** The rebuilt spec must give the coordinator's fingerprints for the first states and steps. */
function requireSameSpec(explorer: LevelExplorer<unknown>): void {
  if (data.digest === undefined) return;
  const difference = digestDifference(data.digest, specDigest(explorer.search.successors), data.actionNames);
  if (difference === undefined) return;
  throw new KripkeError(
    'invalid-config',
    `worker thread ${data.index} rebuilt '${data.specName}' from ${data.source.module} ` +
      `differently from the main thread: ${difference}. The spec source must rebuild the very same spec (same settings and variant), ` +
      'and the model must not depend on anything but its state (no clock, no randomness, no module-level state)',
    { model: data.specName },
  );
}

function serve(explorer: LevelExplorer<unknown>): void {
  for (;;) {
    const message = channel.receive<ToWorker>()!;
    switch (message.type) {
      case 'level':
        if (message.batch) explorer.take(message.batch);
        reply({ type: 'report', report: explorer.runLevel(message.depth) });
        break;
      case 'shared-level':
        reply({ type: 'report', report: explorer.runSharedLevel(message.depth, message.level) });
        break;
      case 'give':
        reply({ type: 'batch', batch: explorer.give(message.count) });
        break;
      case 'finish':
        reply({ type: 'final', final: finalReport(explorer, message.exhaustive) });
        return;
    }
  }
}

function finalReport(explorer: LevelExplorer<unknown>, exhaustive: boolean): FinalReport {
  const { search } = explorer;
  if (exhaustive) search.monitor.finishExhaustive();
  return {
    stats: search.finishStats(),
    violations: search.monitor.violations,
    examples: search.monitor.exampleList(),
    boundHit: search.boundHit,
  };
}

const explorer = await start();
if (explorer) serve(explorer);
data.port.close();
