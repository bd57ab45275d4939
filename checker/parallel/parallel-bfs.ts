/**
 * Parallel BFS on worker_threads. The calling thread coordinates and explores too; `workers - 1`
 * worker threads rebuild the spec from its source. Levels are synchronised: every thread expands
 * its share of level d against one shared visited set, then all wait; between levels the
 * coordinator evens out the shares (moving states by structured clone). When the shared table
 * passes 3/4 load, every thread pauses and the coordinator doubles it.
 * Distinct and generated counts, the depth and each action's firings equal one thread's (which
 * action first found a state may differ); a counterexample is a shortest one (found in the first
 * level holding a violation), though not necessarily the same one.
 */
import { Worker } from 'node:worker_threads';
import { MessageChannel } from 'node:worker_threads';
import { KripkeError } from '../../spec/errors.ts';
import type { Spec } from '../../spec/types.ts';
import type { CheckOptions, ResolvedOptions } from '../options.ts';
import type { CheckResult } from '../result.ts';
import { Channel } from './channel.ts';
import { type Batch, LevelExplorer, type LevelReport, type StopReason } from './level-explorer.ts';
import { mergeFinals } from './merge.ts';
import type { FinalReport, FromWorker, ToWorker, WorkerData } from './messages.ts';
import { allocateShared, grown, type SharedBuffers } from './shared-visited.ts';
import type { SpecSource } from './spec-source.ts';

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);
const START_TIMEOUT_MS = 60_000;
/** Shares are evened out when they differ by more than this fraction of a fair share. */
const IMBALANCE = 0.1;

interface Thread {
  readonly worker: Worker;
  readonly channel: Channel;
  nextSize: number;
  /** This level's report, once the thread has sent it. */
  report: LevelReport | undefined;
}

export function parallelBfs<S>(spec: Spec<S>, resolved: ResolvedOptions, options: CheckOptions): CheckResult {
  const source = options.specSource;
  if (!source) {
    return configError(spec.name, resolved, new KripkeError('invalid-config', `workers=${resolved.workers} needs a spec source ` +
      '(specSource: the module that exports the spec or protocol) so that worker threads can rebuild the spec', { model: spec.name }));
  }
  const buffers = allocateShared(1 << 12);
  const signals = new Int32Array(new SharedArrayBuffer(4 * resolved.workers));
  const run: Run<S> = { main: new LevelExplorer(spec, resolved, buffers, new Int32Array(buffers.control)), threads: [], buffers };
  const { main, threads } = run;
  main.onGrow = () => growMidLevel(run, new Set());
  try {
    for (let i = 1; i < resolved.workers; i++) threads.push(spawn(i, spec as Spec<unknown>, source, options, buffers, signals));
    const failed = awaitReady(threads);
    if (failed) return stopped(spec, main, threads, failed);
    let stop = main.seed();
    let depth = 1;
    let bounded = false;
    while (!stop) {
      const total = main.nextSize + threads.reduce((n, t) => n + t.nextSize, 0);
      if (total === 0) break;
      run.buffers = grown(run.buffers, total);
      main.visited.attach(run.buffers);
      const reports = runLevel(run, depth, balance(main, threads));
      stop = firstStop(reports);
      bounded ||= reports.some((r) => r.bounded);
      depth++;
    }
    return finish(spec, main, threads, stop, bounded);
  } finally {
    for (const t of threads) void t.worker.terminate();
  }
}

interface Run<S> {
  readonly main: LevelExplorer<S>;
  readonly threads: Thread[];
  buffers: SharedBuffers;
}

/** One level on every thread; grows the table when a thread asks (all others paused or done). */
function runLevel<S>(run: Run<S>, depth: number, batches: readonly (Batch<S> | undefined)[]): LevelReport[] {
  run.threads.forEach((t, i) => {
    t.report = undefined;
    send(t, { type: 'level', depth, buffers: run.buffers, batch: batches[i] });
  });
  const own = run.main.runLevel(depth);
  run.threads.forEach((t, i) => {
    while (t.report === undefined) {
      if (awaitPauseOrReport(t)) growMidLevel(run, new Set([i]));
    }
    t.nextSize = t.report.nextSize;
  });
  return [own, ...run.threads.map((t) => t.report!)];
}

/** Waits for a thread's next message: true when it paused for growth, false when it reported its level. */
function awaitPauseOrReport(thread: Thread): boolean {
  const message = thread.channel.receive<FromWorker>()!;
  if (message.type === 'paused') return true;
  if (message.type !== 'report') throw new Error(`internal: expected 'report' or 'paused' from a worker, got '${message.type}'`);
  thread.report = message.report;
  return false;
}

/** Doubles the shared table once every thread still in the level has paused, then resumes them. */
function growMidLevel<S>(run: Run<S>, paused: Set<number>): void {
  run.threads.forEach((t, i) => {
    if (t.report === undefined && !paused.has(i) && awaitPauseOrReport(t)) paused.add(i);
  });
  run.buffers = grown(run.buffers, 0, true);
  run.main.visited.attach(run.buffers);
  for (const i of paused) send(run.threads[i]!, { type: 'resume', buffers: run.buffers });
}

function spawn(index: number, spec: Spec<unknown>, source: SpecSource, options: CheckOptions, buffers: SharedBuffers, signals: Int32Array): Thread {
  const { port1, port2 } = new MessageChannel();
  const { observer: _observer, specSource: _source, ...portable } = options;
  const data: WorkerData & { port: typeof port2 } = {
    index, source, options: { ...portable, workers: 1 }, buffers, signals: signals.buffer as SharedArrayBuffer,
    specName: spec.name, actionNames: spec.actions.map((a) => a.name), port: port2,
  };
  const worker = new Worker(ENTRY, { workerData: data, transferList: [port2] });
  worker.unref();
  return { worker, channel: new Channel(port1, signals, 0, index), nextSize: 0, report: undefined };
}

function awaitReady(threads: Thread[]): StopReason | undefined {
  for (const t of threads) {
    const message = t.channel.receive<FromWorker>(START_TIMEOUT_MS);
    if (message === undefined) return { kind: 'error', message: `a worker thread did not start within ${START_TIMEOUT_MS / 1000} s` };
    if (message.type === 'failed') return message.stop;
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
  return threads.map((t, i) => {
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
  if (message.type !== type) throw new Error(`internal: expected '${type}' from a worker, got '${message.type}'`);
  return message as Extract<FromWorker, { type: T }>;
}

function firstStop(reports: readonly LevelReport[]): StopReason | undefined {
  const stops = reports.map((r) => r.stop).filter((s): s is StopReason => s !== undefined);
  return stops.find((s) => s.kind === 'error') ?? stops.find((s) => s.kind === 'violation') ?? stops.find((s) => s.kind === 'table-full')
    ?? stops.find((s) => !s.message.startsWith('another thread')) ?? stops[0];
}

function finish<S>(spec: Spec<S>, main: LevelExplorer<S>, threads: Thread[], stop: StopReason | undefined, bounded: boolean): CheckResult {
  const exhaustive = stop === undefined && !bounded;
  const finals: FinalReport[] = threads.map((t) => {
    send(t, { type: 'finish', exhaustive });
    return receive(t, 'final').final;
  });
  return mergeFinals(spec, main.search, finals, { stop, exhaustive, workers: threads.length + 1 });
}

function stopped<S>(spec: Spec<S>, main: LevelExplorer<S>, threads: Thread[], stop: StopReason): CheckResult {
  return mergeFinals(spec, main.search, [], { stop, exhaustive: false, workers: threads.length + 1 });
}

function configError(model: string, resolved: ResolvedOptions, error: KripkeError): CheckResult {
  return {
    status: 'error', model, error, at: undefined, examples: [],
    stats: { engine: resolved.engine, distinctStates: 0, generatedStates: 0, depth: 0, queued: 0,
      coverage: [], elapsedMs: 0, collisionProbability: 0, storeBytes: 0 },
  };
}
