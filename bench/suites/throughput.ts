/**
 * `npm run bench -- throughput [--quick] [--packed] [--json]`: BFS throughput on the performance
 * models of ../shared/reference/tlc-counts.json (the shipped ports, same constants), each in a
 * fresh child process, twice: the ports with a packed state layout (`--set packed=true`, where the
 * protocol has one; the figures the goals are about), then the same protocols written with
 * records, Sets and Maps (skipped with `--packed`). Per model: distinct and generated states (checked against TLC's: MISMATCH otherwise), generated
 * states per second (wall clock, and per CPU second — the two differ when the machine is busy),
 * peak RSS and JS heap, store bytes per distinct state, and the ratio to TLC's one-worker rate;
 * the geometric mean of the ratios per pass; then `--workers 2` on the largest packed model and
 * the speed-up against one worker measured before and after it.
 * Goals (issue 7): every ratio ≥ 2, geometric mean ≥ 5, two workers ≥ 1.6× one.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { protocols } from '../../model/index.ts';
import type { Measurement } from '../measure-one.ts';
import type { CheckOptions } from '../../checker/options.ts';
import type { BenchOptions } from '../run.ts';

export const name = 'throughput';
export const description = 'BFS generated states/s, memory and bytes/state on the TLC performance models; 2 workers';

export interface Target {
  /** The start of the `model` field of the TLC reference entry. */
  readonly tlcModel: string;
  readonly label: string;
  readonly protocol: string;
  readonly settings: Record<string, number | boolean>;
}

/** The performance entries of tlc-counts.json and the shipped protocol + constants that port each. */
const TARGETS: readonly Target[] = [
  { tlcModel: 'specifications/transaction_commit/TwoPhase.tla with RM = {r1, ..., r7} (7', label: 'TwoPhase 7 RMs', protocol: 'two-phase-commit', settings: { rms: 7 } },
  { tlcModel: 'specifications/transaction_commit/TwoPhase.tla with RM = {r1, ..., r8} (8', label: 'TwoPhase 8 RMs', protocol: 'two-phase-commit', settings: { rms: 8 } },
  { tlcModel: 'specifications/PaxosHowToWinATuringAward/MCPaxosSmall.cfg', label: 'MCPaxosSmall', protocol: 'paxos-turing', settings: { maxBallot: 2 } },
  { tlcModel: 'specifications/transaction_commit/PaxosCommit.cfg', label: 'PaxosCommit', protocol: 'paxos-commit', settings: {} },
  { tlcModel: 'specifications/lamport_mutex/MCLamportMutex.cfg', label: 'MCLamportMutex', protocol: 'lamport-mutex', settings: {} },
  { tlcModel: 'specifications/Bakery-Boulangerie/MCBoulanger.cfg', label: 'MCBoulanger', protocol: 'boulanger', settings: {} },
];
const QUICK = ['TwoPhase 7 RMs', 'MCLamportMutex'];

interface Reference {
  readonly distinct_states: number;
  readonly generated_states: number;
  readonly depth: number;
  readonly generated_per_second_1_worker: number;
  readonly generated_per_second_2_workers?: number;
}

interface Row extends Measurement {
  readonly label: string;
  readonly cpuGeneratedPerSecond: number;
  readonly tlcPerSecond: number;
  readonly ratio: number;
  /** The ratio from CPU time instead of wall time: what a machine to ourselves would show. */
  readonly cpuRatio: number;
  readonly countsMatch: boolean;
}

const here = fileURLToPath(new URL('.', import.meta.url));
const REFERENCE = fileURLToPath(new URL('../../../shared/reference/tlc-counts.json', import.meta.url));

function references(): Map<string, Reference> {
  const json = JSON.parse(readFileSync(REFERENCE, 'utf8')) as { models: { model: string; use: string; tlc: Reference }[] };
  const found = new Map<string, Reference>();
  for (const t of TARGETS) {
    const entry = json.models.find((m) => m.model.startsWith(t.tlcModel) && m.use.includes('performance'));
    if (entry) found.set(t.tlcModel, entry.tlc);
  }
  return found;
}

/**
 * Runs one measurement in a child process (fresh heap, its own peak RSS); `options` are more check
 * options (the disk store's). With `progressEveryMs` the child prints progress lines (with its RSS
 * and the bytes under `options.storeDir`) to this process's stderr: a long run shows how far it got.
 */
export function measureInChild<T extends Pick<Target, 'protocol' | 'settings'>>(target: T, workers: number, options: CheckOptions = {}, progressEveryMs?: number): Measurement | string {
  const child = spawnSync(process.execPath, ['--import', 'tsx', `${here}/../measure-one.ts`, target.protocol, JSON.stringify(target.settings), String(workers), JSON.stringify(options)],
    {
      encoding: 'utf8', maxBuffer: 1 << 24,
      ...(progressEveryMs ? { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, KRIPKE_BENCH_PROGRESS_MS: String(progressEveryMs) } } : {}),
    });
  if (child.status !== 0) return `child failed (${child.status ?? child.signal}): ${(child.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`;
  const line = child.stdout.trim().split('\n').at(-1)!;
  return JSON.parse(line) as Measurement;
}

function row(target: Target, m: Measurement, ref: Reference, workers: number): Row {
  const tlcPerSecond = workers === 1 ? ref.generated_per_second_1_worker : ref.generated_per_second_2_workers ?? ref.generated_per_second_1_worker;
  const cpuGeneratedPerSecond = Math.round(m.generated / Math.max(m.cpuSeconds / workers, 1e-9));
  return {
    ...m, label: target.label,
    cpuGeneratedPerSecond, tlcPerSecond, ratio: +(m.generatedPerSecond / tlcPerSecond).toFixed(2),
    cpuRatio: +(cpuGeneratedPerSecond / tlcPerSecond).toFixed(2),
    countsMatch: m.distinct === ref.distinct_states && m.generated === ref.generated_states && m.depth === ref.depth,
  };
}

function print(r: Row): void {
  const n = (x: number) => x.toLocaleString('en-US');
  const check = r.countsMatch ? 'counts = TLC' : `MISMATCH vs TLC (distinct ${n(r.distinct)}, generated ${n(r.generated)}, depth ${r.depth})`;
  process.stdout.write(`${r.label.padEnd(25)} ${r.workers}w  ${r.status.padEnd(5)} distinct ${n(r.distinct).padStart(10)}  generated ${n(r.generated).padStart(11)}  ` +
    `${r.seconds.toFixed(1).padStart(6)} s  ${n(r.generatedPerSecond).padStart(9)}/s (cpu ${n(r.cpuGeneratedPerSecond)}/s)  ` +
    `RSS ${r.peakRssMb} MB  heap ${r.peakHeapMb} MB  store ${r.storeBytesPerState} B/state  ×TLC ${r.ratio} (cpu ${r.cpuRatio})  ${check}\n`);
  if (r.reason) process.stdout.write(`  ${r.reason}\n`);
}

/** The target with `packed: true` when its protocol offers a packed layout (a `packed` setting). */
function packedIfOffered(target: Target): Target {
  const offered = protocols.find((p) => p.name === target.protocol)?.config.packed !== undefined;
  return offered ? { ...target, label: `${target.label} (packed)`, settings: { ...target.settings, packed: true } } : target;
}

export async function run(options: BenchOptions): Promise<unknown> {
  const refs = references();
  const targets = TARGETS.filter((t) => !options.quick || QUICK.includes(t.label));
  const say = (text: string) => { if (!options.json) process.stdout.write(text); };
  say('Packed state layouts (spec/packed.ts) where the model has one, else objects:\n');
  const packedTargets = targets.map(packedIfOffered);
  const packed = measurePass(packedTargets, refs, options, say);
  const parallel = measureParallel(packed.rows, packedTargets, refs, options, say);
  if (options.args.includes('--packed')) return { packed, parallel };
  say('\nThe same protocols written with records, Sets and Maps:\n');
  const objects = measurePass(targets, refs, options, say);
  return { packed, objects, parallel };
}

function measurePass(targets: readonly Target[], refs: Map<string, Reference>, options: BenchOptions, say: (t: string) => void) {
  const known = new Set(protocols.map((p) => p.name));
  const rows: Row[] = [];
  for (const target of targets) {
    const ref = refs.get(target.tlcModel);
    if (!known.has(target.protocol)) { say(`${target.label}: skipped — no shipped model '${target.protocol}' in model/index.ts\n`); continue; }
    if (!ref) { say(`${target.label}: skipped — no TLC reference entry\n`); continue; }
    const m = measureInChild(target, 1);
    if (typeof m === 'string') { say(`${target.label}: ${m}\n`); continue; }
    const r = row(target, m, ref, 1);
    rows.push(r);
    if (!options.json) print(r);
  }
  const ratios = rows.map((r) => r.ratio);
  const geomean = geometricMean(ratios);
  const cpuGeomean = geometricMean(rows.map((r) => r.cpuRatio));
  say(`geometric mean of ×TLC (1 worker): ${geomean} wall clock, ${cpuGeomean} by CPU time  ` +
    `(goal ≥ 5; every model ≥ 2: ${ratios.every((x) => x >= 2) ? 'yes' : 'no'})\n`);
  return { rows, geomean, cpuGeomean };
}

function geometricMean(xs: readonly number[]): number {
  return xs.length ? +Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length).toFixed(2) : 0;
}

/**
 * `--workers 2` on the largest model measured, against one worker measured just before and just
 * after it (the mean of the two): the machine's speed drifts, so the two-worker run is bracketed.
 */
function measureParallel(rows: readonly Row[], targets: readonly Target[], refs: Map<string, Reference>, options: BenchOptions, say: (t: string) => void) {
  const largest = [...rows].sort((a, b) => b.distinct - a.distinct)[0];
  if (!largest) return undefined;
  const target = targets.find((t) => t.label === largest.label)!;
  const m = measureInChild(target, 2);
  if (typeof m === 'string') { say(`${target.label} 2 workers: ${m}\n`); return undefined; }
  const ref = refs.get(target.tlcModel)!;
  const r = row(target, m, ref, 2);
  if (!options.json) print(r);
  const again = measureInChild(target, 1);
  if (typeof again === 'string') { say(`${target.label} 1 worker again: ${again}\n`); return undefined; }
  const after = row(target, again, ref, 1);
  if (!options.json) print(after);
  const oneWorker = (largest.generatedPerSecond + after.generatedPerSecond) / 2;
  const speedup = +(r.generatedPerSecond / oneWorker).toFixed(2);
  const busy = r.cpuSeconds / r.seconds;
  const sameCounts = r.distinct === largest.distinct && r.generated === largest.generated && r.depth === largest.depth;
  say(`2 workers on ${target.label}: ${speedup}× one worker (the mean of the runs before and after; goal ≥ 1.6); ` +
    `counts ${sameCounts ? 'identical' : 'DIFFER'} to one worker; the two threads kept ${busy.toFixed(2)} cores busy\n`);
  return { row: r, speedup, sameCounts, coresBusy: busy, oneWorkerAfter: after };
}
