/**
 * Parallel BFS on worker_threads. The calling thread coordinates and explores too; `workers - 1`
 * worker threads rebuild the spec from its source and prove it (`spec-digest.ts`) before they
 * explore. Levels are synchronised: every thread expands its share of level d against one shared
 * visited set (which grows in place, `shared-visited.ts`), then all wait. A packed spec's level is
 * shared: every thread publishes the states it found and all expand them together, a chunk at a
 * time (`shared-level.ts`). Other states stay with the thread that found them, and between levels
 * the coordinator evens out the shares (moving states by structured clone, `transport.ts`).
 * Distinct and generated counts, the depth and each action's firings equal one thread's (which
 * action first found a state may differ); a counterexample is a shortest one (found in the first
 * level holding a violation), though not necessarily the same one.
 */
import { MessageChannel, Worker } from 'node:worker_threads';
import { KripkeError } from '../../spec/errors.ts';
import { ownEntry } from '../own-modules.ts';
import type { Spec } from '../../spec/types.ts';
import type { CheckOptions, ResolvedOptions } from '../options.ts';
import { type CheckResult, noStatistics } from '../result.ts';
import { Channel } from './channel.ts';
import { type Batch, LevelExplorer, type LevelReport, type StopReason } from './level-explorer.ts';
import { mergeFinals } from './merge.ts';
import type { FinalReport, FromWorker, ToWorker, WorkerData } from './messages.ts';
import { allocateShared, type SharedBuffers } from './shared-visited.ts';
import { EMPTY_SHARE, levelSize, type Share, sharedLevel } from './shared-level.ts';
import { type SpecDigest, specDigest } from './spec-digest.ts';
import type { SpecSource } from './spec-source.ts';

const ENTRY = ownEntry('worker', import.meta.url);
const START_TIMEOUT_MS = 120_000;
/** Shares are evened out when they differ by more than this fraction of a fair share. */
const IMBALANCE = 0.1;

interface Thread {
  readonly worker: Worker;
  readonly channel: Channel;
  nextSize: number;
  /** It has rebuilt and proved the spec (`ready`), and takes part in the levels from then on. */
  ready: boolean;
}

export function parallelBfs<S>(spec: Spec<S>, resolved: ResolvedOptions, options: CheckOptions): CheckResult {
  const source = options.specSource;
  if (!source) {
    return configError(
      spec.name,
      resolved,
      new KripkeError(
        'invalid-config',
        `workers=${resolved.workers} needs a spec source ` +
          '(specSource: the module that exports the spec or protocol) so that worker threads can rebuild the spec',
        { model: spec.name },
      ),
    );
  }
  const buffers = allocateShared(resolved.workers);
  // Per thread: a wake-up counter, then (from index `workers`) a flag set when that thread stops.
  const signals = new Int32Array(new SharedArrayBuffer(4 * 2 * resolved.workers));
  const main = new LevelExplorer(spec, resolved, buffers, 0);
  const threads: Thread[] = [];
  try {
    const digest = digestOrUndefined(main);
    for (let i = 1; i < resolved.workers; i++)
      threads.push(spawn(i, spec as Spec<unknown>, source, options, buffers, signals, digest));
    // Shared levels need no thread but the coordinator: the others join as they become ready,
    // while the coordinator explores the first levels (a worker takes about a second to start).
    const failed = admitReady(threads, !main.sharesLevels);
    if (failed)
      return mergeFinals(spec, main.search, [], { stop: failed, exhaustive: false, workers: resolved.workers });
    let stop = main.seed();
    let bounded = false;
    let shares: Share[] | undefined = main.sharesLevels
      ? [main.publish(), ...threads.map(() => EMPTY_SHARE)]
      : undefined;
    for (let depth = 1; !stop; depth++) {
      if (main.nextSize + threads.reduce((n, t) => n + t.nextSize, 0) === 0) break;
      if (shares && (stop = admitReady(threads, false))) break;
      const reports = shares
        ? runSharedLevel(main, threads, depth, shares)
        : runLevel(main, threads, depth, balance(main, threads));
      if (shares) shares = sharesOf(threads, reports);
      stop = firstStop(reports.map((r) => r.stop));
      bounded ||= reports.some((r) => r.bounded);
    }
    // Every thread that started ends with a report; one that failed to start explains the run.
    stop = firstStop([stop, stop?.kind === 'error' ? undefined : admitReady(threads, true)]);
    return finish(spec, main, threads, stop, bounded, resolved.workers);
  } finally {
    for (const t of threads) void t.worker.terminate();
  }
}

/** The coordinator's digest; undefined when the model fails at its first states (the search reports that error itself). */
function digestOrUndefined<S>(main: LevelExplorer<S>): SpecDigest | undefined {
  try {
    return specDigest(main.search.successors);
  } catch (e) {
    if (e instanceof KripkeError) return undefined;
    throw e;
  }
}

/** One level on every thread, each with its own share (after `balance`). */
function runLevel<S>(
  main: LevelExplorer<S>,
  threads: Thread[],
  depth: number,
  batches: readonly (Batch<S> | undefined)[],
): LevelReport[] {
  threads.forEach((t, i) => send(t, { type: 'level', depth, batch: batches[i] }));
  return [main.runLevel(depth), ...reportsOf(threads)];
}

/** One shared level (`shared-level.ts`), expanded together by every thread that is ready. */
function runSharedLevel<S>(main: LevelExplorer<S>, threads: Thread[], depth: number, shares: readonly Share[]) {
  if (levelSize(shares) === 0) throw new Error('internal: an empty shared level');
  const level = sharedLevel(shares);
  const ready = threads.filter((t) => t.ready);
  for (const t of ready) send(t, { type: 'shared-level', depth, level });
  return [main.runSharedLevel(depth, level), ...reportsOf(ready)];
}

/** The next level's shares, by thread (the coordinator's first); empty for a thread not yet ready. */
function sharesOf(threads: Thread[], reports: readonly LevelReport[]): Share[] {
  let next = 1;
  return [reports[0]!.share!, ...threads.map((t) => (t.ready ? reports[next++]!.share! : EMPTY_SHARE))];
}

function reportsOf(threads: Thread[]): LevelReport[] {
  return threads.map((t) => {
    const { report } = receive(t, 'report');
    t.nextSize = report.nextSize;
    return report;
  });
}

function spawn(
  index: number,
  spec: Spec<unknown>,
  source: SpecSource,
  options: CheckOptions,
  buffers: SharedBuffers,
  signals: Int32Array,
  digest: SpecDigest | undefined,
): Thread {
  const { port1, port2 } = new MessageChannel();
  const { observer: _observer, specSource: _source, ...portable } = options;
  const data: WorkerData & { port: typeof port2 } = {
    index,
    source,
    options: { ...portable, workers: 1 },
    buffers,
    signals: signals.buffer as SharedArrayBuffer,
    specName: spec.name,
    actionNames: spec.actions.map((a) => a.name),
    digest,
    port: port2,
  };
  const worker = new Worker(ENTRY, { workerData: data, transferList: [port2] });
  worker.unref();
  return {
    worker,
    channel: new Channel(port1, signals, 0, index, signals.length / 2 + index),
    nextSize: 0,
    ready: false,
  };
}

/**
 * Marks the threads that have said they are ready; with `wait`, waits for every one of them.
 * The stop of a thread that failed to start, or did not start in time.
 */
function admitReady(threads: Thread[], wait: boolean): StopReason | undefined {
  for (const t of threads) {
    if (t.ready) continue;
    const message = wait ? t.channel.receive<FromWorker>(START_TIMEOUT_MS) : t.channel.poll<FromWorker>();
    if (message === undefined && !wait) continue;
    if (message === undefined) {
      return {
        kind: 'error',
        message: `a worker thread did not start within ${START_TIMEOUT_MS / 1000} s`,
        error: {
          code: 'invalid-config',
          message: `a worker thread did not start within ${START_TIMEOUT_MS / 1000} s`,
          where: {},
        },
      };
    }
    if (message.type === 'failed') return message.stop;
    if (message.type !== 'ready') throw new Error(`internal: expected 'ready' from a worker, got '${message.type}'`);
    t.ready = true;
  }
  return undefined;
}

/** Evens out the next level: surplus states come to the coordinator, which hands them on. */
function balance<S>(main: LevelExplorer<S>, threads: Thread[]): (Batch<S> | undefined)[] {
  const sizes = [main.nextSize, ...threads.map((t) => t.nextSize)];
  const fair = Math.ceil(sizes.reduce((a, b) => a + b, 0) / sizes.length);
  const slack = Math.max(16, fair * IMBALANCE);
  if (sizes.every((s) => Math.abs(s - fair) <= slack)) return threads.map(() => undefined);
  threads.forEach((t, i) => {
    if (sizes[i + 1]! <= fair) return;
    send(t, { type: 'give', count: sizes[i + 1]! - fair });
    main.take(receive(t, 'batch').batch as Batch<S>);
  });
  return threads.map((_t, i) => {
    const want = fair - sizes[i + 1]!;
    if (want <= 0 || main.nextSize <= fair) return undefined;
    return main.give(Math.min(want, main.nextSize - fair));
  });
}

function send(thread: Thread, message: ToWorker): void {
  thread.channel.send(message);
}

function receive<T extends FromWorker['type']>(thread: Thread, type: T): Extract<FromWorker, { type: T }> {
  const message = thread.channel.receive<FromWorker>()!;
  if (message.type === 'failed' && type !== 'failed') throw new KripkeError('invalid-config', message.stop.message);
  if (message.type !== type) throw new Error(`internal: expected '${type}' from a worker, got '${message.type}'`);
  return message as Extract<FromWorker, { type: T }>;
}

/** The stop that explains the run: an error, then a violation, then a store or limit, then another thread's halt. */
function firstStop(stops: readonly (StopReason | undefined)[]): StopReason | undefined {
  const order: StopReason['kind'][] = ['error', 'violation', 'store-full', 'limit', 'halted'];
  for (const kind of order) {
    const found = stops.find((s) => s?.kind === kind);
    if (found) return found;
  }
  return undefined;
}

function finish<S>(
  spec: Spec<S>,
  main: LevelExplorer<S>,
  threads: Thread[],
  stop: StopReason | undefined,
  bounded: boolean,
  workers: number,
): CheckResult {
  const exhaustive = stop === undefined && !bounded;
  const finals: FinalReport[] = threads
    .filter((t) => t.ready)
    .map((t) => {
      send(t, { type: 'finish', exhaustive });
      return receive(t, 'final').final;
    });
  return mergeFinals(spec, main.search, finals, { stop, exhaustive, workers });
}

function configError(model: string, resolved: ResolvedOptions, error: KripkeError): CheckResult {
  return {
    status: 'error',
    model,
    error,
    at: undefined,
    examples: [],
    stats: noStatistics(resolved.engine),
  };
}
