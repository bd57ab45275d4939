/**
 * `npm run bench -- throughput [--quick] [--json]`: Kripke and TLC side by side, in one run, on the
 * performance models of ../shared/reference/tlc-counts.json (the shipped models, same constants).
 * Per model, one after the other: Kripke with one worker, then TLC with one worker — each a whole
 * process, so each ratio compares figures taken a minute apart on the same machine.
 *
 * Each tool checks the properties the cfg names (TwoPhase: TPTypeOK only, not the port's
 * refinement of TCommit), so the two do the same work.
 *
 * Per run: distinct and generated states (checked against TLC's: MISMATCH otherwise), wall clock
 * and CPU seconds of the whole process (start-up included, for both tools), Kripke's own check
 * time, peak RSS and bytes per state, and ×TLC = TLC's seconds / Kripke's, by wall clock and by
 * CPU time (on a busy machine wall clock grows with the others' load; CPU time does not). Then
 * the geometric mean, and `--workers 2` on the largest model against one worker measured before
 * and after it.
 *
 * Without TLC (see bench/peers/tlc.ts: TLC_JAR, TLA_EXAMPLES, java) the suite says how to get it
 * and compares with the reference figures instead, labelled so: TLC's generated states per second
 * from another run, against Kripke's whole process now, by wall clock and by CPU time.
 * Goals (issue 20): every ratio ≥ 4, geometric mean ≥ 8; two workers ≥ 1.8× one.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { protocols } from '../../model/index.ts';
import type { Measurement } from '../measure-one.ts';
import type { CheckOptions } from '../../checker/options.ts';

import {
  machineLoad,
  measuredForm,
  measureKripke,
  measureOneCommand,
  type ProcessMeasurement,
} from '../peers/kripke.ts';
import { findTlc, type TlcInstall, type TlcModel, type TlcRun, runTlc } from '../peers/tlc.ts';
import type { BenchOptions } from '../run.ts';

export const name = 'throughput';
export const description =
  'Kripke vs TLC side by side (wall clock and CPU time) on the TLC performance models; 2 workers';

export interface Target {
  /** The start of the `model` field of the TLC reference entry. */
  readonly tlcModel: string;
  readonly label: string;
  readonly protocol: string;
  readonly settings: Record<string, number | boolean>;
  /** The same model for TLC: a folder of the TLA+ Examples' specifications/, module and cfg. */
  readonly tlc: TlcModel;
  /** The properties the cfg has TLC check (INVARIANT, PROPERTY), when not all of the port's. */
  readonly properties?: readonly string[];
}

/** The performance entries of tlc-counts.json and the shipped protocol + constants that port each. */
const TARGETS: readonly Target[] = [
  {
    tlcModel: 'specifications/transaction_commit/TwoPhase.tla with RM = {r1, ..., r7} (7',
    label: 'TwoPhase 7 RMs',
    protocol: 'two-phase-commit',
    settings: { rms: 7 },
    tlc: { dir: 'transaction_commit', module: 'TwoPhase', cfg: 'TwoPhase_N7.cfg' },
    properties: ['TPTypeOK'],
  },
  {
    tlcModel: 'specifications/transaction_commit/TwoPhase.tla with RM = {r1, ..., r8} (8',
    label: 'TwoPhase 8 RMs',
    protocol: 'two-phase-commit',
    settings: { rms: 8 },
    tlc: { dir: 'transaction_commit', module: 'TwoPhase', cfg: 'TwoPhase_N8.cfg' },
    properties: ['TPTypeOK'],
  },
  {
    tlcModel: 'specifications/PaxosHowToWinATuringAward/MCPaxosSmall.cfg',
    label: 'MCPaxosSmall',
    protocol: 'paxos-turing',
    settings: { maxBallot: 2 },
    tlc: { dir: 'PaxosHowToWinATuringAward', module: 'MCPaxos', cfg: 'MCPaxosSmall.cfg' },
    properties: ['Inv', 'ImplementsVoting'], // INVARIANT Inv, PROPERTY V!Spec
  },
  {
    tlcModel: 'specifications/transaction_commit/PaxosCommit.cfg',
    label: 'PaxosCommit',
    protocol: 'paxos-commit',
    settings: {},
    tlc: { dir: 'transaction_commit', module: 'PaxosCommit', cfg: 'PaxosCommit.cfg' },
    properties: ['PCTypeOK'],
  },
  {
    tlcModel: 'specifications/lamport_mutex/MCLamportMutex.cfg',
    label: 'MCLamportMutex',
    protocol: 'lamport-mutex',
    settings: {},
    tlc: { dir: 'lamport_mutex', module: 'MCLamportMutex', cfg: 'MCLamportMutex.cfg' },
  },
  {
    tlcModel: 'specifications/Bakery-Boulangerie/MCBoulanger.cfg',
    label: 'MCBoulanger',
    protocol: 'boulanger',
    settings: {},
    tlc: { dir: 'Bakery-Boulangerie', module: 'MCBoulanger', cfg: 'MCBoulanger.cfg' },
  },
];
const QUICK = ['TwoPhase 7 RMs', 'MCLamportMutex'];

interface Reference {
  readonly distinct_states: number;
  readonly generated_states: number;
  readonly depth: number;
  readonly generated_per_second_1_worker: number;
  readonly generated_per_second_2_workers?: number;
}

/** TLC's figures for one model: measured in this run, or the reference's (labelled so). */
type TlcFigures =
  | { readonly source: 'measured'; readonly run: TlcRun }
  | { readonly source: 'reference'; readonly ref: Reference };

interface Row extends ProcessMeasurement {
  readonly label: string;
  /** TLC's seconds / Kripke's, whole processes, by wall clock. */
  readonly ratio: number;
  /** The same by CPU time (against reference figures: Kripke's CPU seconds against TLC's wall clock then). */
  readonly cpuRatio: number;
  readonly countsMatch: boolean;
}

const REFERENCE = fileURLToPath(new URL('../../../shared/reference/tlc-counts.json', import.meta.url));

function references(): Map<string, Reference> {
  const json = JSON.parse(readFileSync(REFERENCE, 'utf8')) as {
    models: { model: string; use: string; tlc: Reference }[];
  };
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
export function measureInChild<T extends Pick<Target, 'protocol' | 'settings'>>(
  target: T,
  workers: number,
  options: CheckOptions = {},
  progressEveryMs?: number,
): Measurement | string {
  const child = spawnSync(
    process.execPath,
    [
      ...measureOneCommand(),
      target.protocol,
      JSON.stringify(target.settings),
      String(workers),
      JSON.stringify(options),
    ],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
      ...(progressEveryMs
        ? {
            stdio: ['ignore', 'pipe', 'inherit'],
            env: { ...process.env, KRIPKE_BENCH_PROGRESS_MS: String(progressEveryMs) },
          }
        : {}),
    },
  );
  if (child.status !== 0)
    return `child failed (${child.status ?? child.signal}): ${(child.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`;
  const line = child.stdout.trim().split('\n').at(-1)!;
  return JSON.parse(line) as Measurement;
}

function row(target: Target, m: ProcessMeasurement, tlc: TlcFigures, ref: Reference): Row {
  const countsMatch =
    m.distinct === ref.distinct_states && m.generated === ref.generated_states && m.depth === ref.depth;
  if (tlc.source === 'reference') {
    const rate = tlc.ref.generated_per_second_1_worker;
    const ratio = +(m.generated / m.processWallSeconds / rate).toFixed(2);
    return {
      ...m,
      label: target.label,
      ratio,
      cpuRatio: +(m.generated / m.processCpuSeconds / rate).toFixed(2),
      countsMatch,
    };
  }
  return {
    ...m,
    label: target.label,
    countsMatch,
    ratio: +(tlc.run.wallSeconds / m.processWallSeconds).toFixed(2),
    cpuRatio: +(tlc.run.cpuSeconds / m.processCpuSeconds).toFixed(2),
  };
}

const n = (x: number) => x.toLocaleString('en-US');

function printRow(r: Row, reference: boolean, say: (t: string) => void): void {
  const counts = r.countsMatch
    ? 'counts = TLC'
    : `MISMATCH vs TLC (distinct ${n(r.distinct)}, generated ${n(r.generated)}, depth ${r.depth})`;
  const ratio = reference
    ? `×TLC(reference) ${r.ratio} wall, ${r.cpuRatio} by Kripke's cpu`
    : `×TLC ${r.ratio} wall, ${r.cpuRatio} cpu`;
  say(
    `  Kripke ${r.workers}w       ${r.status.padEnd(5)} ${r.processWallSeconds.toFixed(1).padStart(6)} s wall ${r.processCpuSeconds.toFixed(1).padStart(6)} s cpu ` +
      `(check ${r.seconds.toFixed(1)} s, ${n(r.generatedPerSecond)}/s)  RSS ${r.peakRssMb} MB  store ${r.storeBytesPerState} B/state  ${ratio}  ${counts}\n`,
  );
  if (r.reason) say(`    ${r.reason}\n`);
}

function printTlc(run: TlcRun, ref: Reference, say: (t: string) => void): void {
  const same =
    run.distinct === ref.distinct_states && run.generated === ref.generated_states && run.depth === ref.depth;
  say(
    `  TLC 1w          ${run.status === 0 ? 'done ' : `exit ${run.status}`} ${run.wallSeconds.toFixed(1).padStart(6)} s wall ${run.cpuSeconds.toFixed(1).padStart(6)} s cpu ` +
      `distinct ${n(run.distinct)}  generated ${n(run.generated)}  depth ${run.depth}  ${same ? 'counts = reference' : 'counts DIFFER from the reference'}\n`,
  );
}

export async function run(options: BenchOptions): Promise<unknown> {
  const refs = references();
  const targets = TARGETS.filter((t) => !options.quick || QUICK.includes(t.label));
  const say = (text: string) => {
    if (!options.json) process.stdout.write(text);
  };
  const tlc = findTlc();
  say(
    typeof tlc === 'string'
      ? `${tlc}.\nRatios below are against TLC's REFERENCE figures (../shared/reference/tlc-counts.json, another run on another day): ` +
          `its generated states per second then, against Kripke's now by wall clock and by CPU time.\n`
      : `TLC: ${tlc.jar}, one worker, in turn with Kripke on each model. ${machineLoad()} at the start.\n`,
  );
  say(`${measuredForm()}.\n`);
  const rows: Row[] = [];
  for (const target of targets) {
    const measured = measureTarget(target, refs.get(target.tlcModel), tlc, say);
    if (measured) rows.push(measured);
  }
  const summary = summarise(rows, typeof tlc === 'string', say);
  const parallel = measureParallel(rows, targets, say);
  say(`${machineLoad()} at the end.\n`);
  return { tlc: typeof tlc === 'string' ? { reference: true, why: tlc } : { jar: tlc.jar }, rows, summary, parallel };
}

/** One model: Kripke, then TLC — in turn, so the two see the same machine. */
function measureTarget(
  target: Target,
  ref: Reference | undefined,
  tlc: TlcInstall | string,
  say: (t: string) => void,
): Row | undefined {
  if (!protocols.some((p) => p.name === target.protocol)) {
    say(`${target.label}: skipped — no shipped model '${target.protocol}'\n`);
    return undefined;
  }
  if (!ref) {
    say(`${target.label}: skipped — no TLC reference entry\n`);
    return undefined;
  }
  const checks = target.properties ? target.properties.join(', ') : 'all its properties';
  say(
    `${target.label} (${target.tlc.dir}/${target.tlc.cfg}; reference: ${n(ref.distinct_states)} distinct, ${n(ref.generated_states)} generated, depth ${ref.depth}; ` +
      `both check ${checks})\n`,
  );
  const kripke = measureKripke(target.protocol, target.settings, 1, target.properties);
  const figures: TlcFigures =
    typeof tlc === 'string' ? { source: 'reference', ref } : { source: 'measured', run: runTlc(tlc, target.tlc) };
  if (figures.source === 'measured') printTlc(figures.run, ref, say);
  if (typeof kripke === 'string') {
    say(`  Kripke: ${kripke}\n`);
    return undefined;
  }
  const measured = row(target, kripke, figures, ref);
  printRow(measured, figures.source === 'reference', say);
  return measured;
}

function summarise(rows: readonly Row[], reference: boolean, say: (t: string) => void) {
  if (rows.length === 0) return undefined;
  const wall = geometricMean(rows.map((r) => r.ratio));
  const cpu = geometricMean(rows.map((r) => r.cpuRatio));
  const least = Math.min(...rows.map((r) => r.cpuRatio));
  say(
    `Geometric mean ×TLC${reference ? '(reference)' : ''} ${wall} wall clock, ${cpu} CPU time over ${rows.length} models; ` +
      `least ${least} (goal: every model ≥ 4, mean ≥ 8)\n`,
  );
  return { models: rows.length, geomean: wall, cpuGeomean: cpu, least };
}

function geometricMean(xs: readonly number[]): number {
  return xs.length ? +Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length).toFixed(2) : 0;
}

/**
 * `--workers 2` on the largest model measured, against one worker measured just before and just
 * after it (the mean of the two): the machine's speed drifts, so the two-worker run is bracketed.
 */
function measureParallel(rows: readonly Row[], targets: readonly Target[], say: (t: string) => void) {
  const largest = [...rows].sort((a, b) => b.distinct - a.distinct)[0];
  const target = largest && targets.find((t) => t.label === largest.label);
  if (!largest || !target) return undefined;
  const two = measureKripke(target.protocol, target.settings, 2, target.properties);
  const again = measureKripke(target.protocol, target.settings, 1, target.properties);
  if (typeof two === 'string' || typeof again === 'string') {
    say(`${target.label} 2 workers: ${typeof two === 'string' ? two : again}\n`);
    return undefined;
  }
  const oneWorker = (largest.generatedPerSecond + again.generatedPerSecond) / 2;
  const speedup = +(two.generatedPerSecond / oneWorker).toFixed(2);
  const sameCounts =
    two.distinct === largest.distinct && two.generated === largest.generated && two.depth === largest.depth;
  const busy = two.cpuSeconds / two.seconds;
  say(
    `2 workers on ${target.label}: ${speedup}× one worker (check time; the mean of the runs before and after; goal ≥ 1.8); ` +
      `counts ${sameCounts ? 'identical' : 'DIFFER'} to one worker; the two threads kept ${busy.toFixed(2)} cores busy\n`,
  );
  return { two, oneWorkerAfter: again, speedup, sameCounts, coresBusy: busy };
}
