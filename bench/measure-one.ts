/**
 * One benchmark measurement in a fresh process (a fresh heap, an honest peak RSS):
 * `tsx bench/measure-one.ts <protocol> '<settings json>' [workers] ['<check options json>'] [warm-ups]`
 * checks the shipped protocol with BFS and prints one JSON line: verdict, counts, time, peak RSS and JS
 * heap, store bytes (and the disk store's figures, e.g. with '{"store":"disk","memoryBytes":1e9}').
 * With warm-ups, that many checks of the same spec run first, untimed, so that the measured one runs
 * the JIT's optimised code: a small model's check is otherwise mostly the JIT warming up.
 * Run by bench/suites/throughput.ts and scale.ts; not a test.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { check } from '../checker/check.ts';
import type { Progress } from '../checker/observer.ts';
import type { CheckOptions } from '../checker/options.ts';
import type { DiskStatistics } from '../checker/result.ts';
import { findProtocol } from '../model/index.ts';
import { ownModule } from '../checker/own-modules.ts';

export interface Measurement {
  readonly protocol: string;
  readonly settings: Record<string, string | number | boolean>;
  readonly workers: number;
  readonly status: string;
  readonly reason?: string;
  readonly distinct: number;
  readonly generated: number;
  readonly depth: number;
  readonly seconds: number;
  readonly generatedPerSecond: number;
  readonly peakRssMb: number;
  readonly peakHeapMb: number;
  readonly storeBytesPerState: number;
  readonly collisionProbability: number;
  /** User + system CPU seconds of this process (all threads) during the check. */
  readonly cpuSeconds: number;
  readonly disk?: DiskStatistics;
}

/** Bytes of the files under `dir` (the disk store's folder), 0 when there is none. */
function bytesUnder(dir: string | undefined): number {
  if (!dir) return 0;
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name), { throwIfNoEntry: false })?.size ?? 0;
  }
  return total;
}

/** With KRIPKE_BENCH_PROGRESS_MS set (a long run, bench/suites/scale.ts), a progress line on stderr at that interval. */
function progressPrinter(storeDir: string | undefined): (p: Progress) => void {
  const every = Number(process.env.KRIPKE_BENCH_PROGRESS_MS ?? 0);
  let next = every;
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  return (p) => {
    if (!every || p.elapsedMs < next) return;
    next = p.elapsedMs + every;
    const rss = process.memoryUsage.rss(),
      disk = bytesUnder(storeDir);
    process.stderr.write(
      `  ${n(p.elapsedMs / 1000)} s: ${n(p.distinctStates)} distinct, ${n(p.generatedStates)} generated, depth ${p.depth}, ` +
        `${n(p.generatedStates / (p.elapsedMs / 1000))} generated/s; RSS ${n(rss / 2 ** 20)} MB (${(rss / p.distinctStates).toFixed(1)} B/state), ` +
        `files ${n(disk / 2 ** 20)} MB (${(disk / p.distinctStates).toFixed(1)} B/state)\n`,
    );
  };
}

function measure(
  protocol: string,
  settings: Record<string, string | number | boolean>,
  workers: number,
  extra: CheckOptions,
  warmups: number,
): Measurement {
  const spec = findProtocol(protocol).instantiate(settings);
  for (let i = 0; i < warmups; i++) check(spec, { ...extra, workers: 1, liveness: false });
  let peakHeap = getHeapStatistics().used_heap_size;
  const print = progressPrinter(extra.storeDir);
  const observer = {
    progressIntervalMs: 250,
    progress: (p: Progress) => {
      peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size);
      print(p);
    },
  };
  const specSource = {
    // The library's models as this child runs: sources, or compiled (bench/compiled.ts).
    module: ownModule('../model/index.ts', import.meta.url).href,
    exportName: 'protocols',
    protocol,
    settings,
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = check(spec, {
    ...extra,
    workers,
    specSource: workers > 1 ? specSource : undefined,
    observer,
    liveness: false,
  });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size);
  const { stats } = result;
  return {
    protocol,
    settings,
    workers,
    status: result.status,
    reason:
      result.status === 'incomplete' ? result.reason : result.status === 'error' ? result.error.message : undefined,
    distinct: stats.distinctStates,
    generated: stats.generatedStates,
    depth: stats.depth,
    seconds,
    generatedPerSecond: Math.round(stats.generatedStates / seconds),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    peakHeapMb: Math.round(peakHeap / 2 ** 20),
    storeBytesPerState: +(stats.storeBytes / Math.max(1, stats.distinctStates)).toFixed(1),
    collisionProbability: stats.collisionProbability,
    cpuSeconds: (used.user + used.system) / 1e6,
    ...(stats.disk ? { disk: stats.disk } : {}),
  };
}

const [protocol, settings = '{}', workers = '1', options = '{}', warmups = '0'] = process.argv.slice(2);
if (!protocol) {
  process.stderr.write(
    'usage: tsx bench/measure-one.ts <protocol> [settings-json] [workers] [options-json] [warm-ups]\n',
  );
  process.exit(2);
}
process.stdout.write(
  `${JSON.stringify(measure(protocol, JSON.parse(settings) as Record<string, string | number>, Number(workers), JSON.parse(options) as CheckOptions, Number(warmups)))}\n`,
);
