/**
 * `npm run bench -- spin [--quick]`: SPIN and Kripke side by side on Two-Phase Commit with the same
 * number of resource managers (8, or 7 with --quick), in one run and in turn: three pairs of
 * Kripke then SPIN's compiled verifier — each a whole process, timed by wall clock and CPU
 * seconds — and Kripke's time as a multiple of SPIN's, pair by pair (the machine's speed drifts),
 * then the median of the pairs (the goal of issue 20 is at most 2×). The Promela model is bench/spin/two_phase.pml (its state count equals TLC's:
 * 296,448 for 7 RMs, 1,745,408 for 8). It asserts nothing, so Kripke checks none of the port's
 * properties here: both tools explore the same states and do no more.
 *
 * SPIN flags: `spin -a` generates pan.c; `gcc -O2 -DSAFETY -DNOREDUCE -DNOCLAIM`: -DSAFETY leaves
 * out cycle detection (safety only, as Kripke's BFS), -DNOREDUCE turns partial-order reduction
 * off so SPIN explores the full state space (the same states Kripke and TLC count), -DNOCLAIM as
 * there is no never claim; `pan -m1000000 -w24`: a search depth limit far beyond the model's 26,
 * and a 2^24-slot hash table. Compilation is not timed; pan's run is.
 *
 * Without SPIN (`apt-get install -y spin`) the suite says so and compares with the reference
 * figures of bench/spin/reference.json instead, labelled as such.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineLoad, measureKripke, type ProcessMeasurement } from '../peers/kripke.ts';
import { type ProcessRun, runTimed } from '../peers/process.ts';
import type { BenchOptions } from '../run.ts';
import { median } from '../statistics.ts';

export const name = 'spin';
export const description = 'SPIN vs Kripke side by side on Two-Phase Commit (same RMs, same state space): time ratios';

const MODEL = fileURLToPath(new URL('../spin/two_phase.pml', import.meta.url));
const REFERENCE = fileURLToPath(new URL('../spin/reference.json', import.meta.url));
const INSTALL = 'apt-get install -y spin   (Debian/Ubuntu package "spin"; gcc too)';

interface SpinRun {
  readonly states: number;
  readonly transitions: number;
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
}

function spinInstalled(): boolean {
  return spawnSync('spin', ['-V'], { encoding: 'utf8' }).status === 0 && spawnSync('gcc', ['--version']).status === 0;
}

/** Generates and compiles SPIN's verifier for `rms` RMs into a fresh folder: pan, or why not. */
function compileSpin(rms: number): { readonly dir: string } | string {
  const dir = mkdtempSync(join(tmpdir(), 'kripke-spin-'));
  copyFileSync(MODEL, join(dir, 'two_phase.pml'));
  const steps: [string, string[]][] = [
    ['spin', [`-DN=${rms}`, '-a', 'two_phase.pml']],
    ['gcc', ['-O2', '-DSAFETY', '-DNOREDUCE', '-DNOCLAIM', '-o', 'pan', 'pan.c']],
  ];
  for (const [command, args] of steps) {
    const done = spawnSync(command, args, { cwd: dir, encoding: 'utf8' });
    if (done.status !== 0) {
      rmSync(dir, { recursive: true, force: true });
      return `${command} ${args.join(' ')} failed: ${(done.stderr || done.stdout).trim().slice(0, 300)}`;
    }
  }
  return { dir };
}

function readPan(pan: ProcessRun): SpinRun | string {
  const number = (re: RegExp) => Number(re.exec(pan.stdout)?.[1] ?? Number.NaN);
  const states = number(/(\d+) states, stored/);
  const transitions = number(/(\d+) transitions \(= stored\+matched\)/);
  if (!Number.isFinite(states) || !Number.isFinite(transitions))
    return `could not read pan's output: ${pan.stdout.slice(0, 300)}`;
  return { states, transitions, wallSeconds: pan.wallSeconds, cpuSeconds: pan.cpuSeconds };
}

function reference(rms: number): SpinRun | undefined {
  const json = JSON.parse(readFileSync(REFERENCE, 'utf8')) as {
    runs: { rms: number; states: number; transitions: number; wall_seconds: number; cpu_seconds: number }[];
  };
  const r = json.runs.find((x) => x.rms === rms);
  return r && { states: r.states, transitions: r.transitions, wallSeconds: r.wall_seconds, cpuSeconds: r.cpu_seconds };
}

const n = (x: number) => x.toLocaleString('en-US');

/** Pairs of runs, Kripke then SPIN, each pair's ratio taken on its own: the machine's speed drifts. */
const PAIRS = 3;

export async function run(options: BenchOptions): Promise<unknown> {
  const say = (text: string) => {
    if (!options.json) process.stdout.write(text);
  };
  const rms = options.quick ? 7 : 8;
  const installed = spinInstalled();
  say(
    installed
      ? `SPIN in turn with Kripke, ${PAIRS} pairs; ${machineLoad()} at the start.\n`
      : `SPIN is not installed; install it with: ${INSTALL}.\nComparing with SPIN's REFERENCE figures (bench/spin/reference.json, another run), not side by side.\n`,
  );
  const compiled = installed ? compileSpin(rms) : undefined;
  if (typeof compiled === 'string') {
    say(`SPIN: ${compiled}\n`);
    return { error: compiled };
  }
  try {
    const label = installed ? 'SPIN' : 'SPIN (reference)';
    const pairs: { spin: SpinRun & { reference: boolean }; kripke: ReturnType<typeof compare> }[] = [];
    const wallRatios: number[] = [],
      cpuRatios: number[] = [];
    for (let pair = 1; pair <= (installed ? PAIRS : 1); pair++) {
      // two_phase.pml asserts nothing, so Kripke checks no property either: both only explore.
      const kripke = measureKripke('two-phase-commit', { rms }, 1, []);
      const spin = compiled
        ? readPan(runTimed('./pan', ['-m1000000', '-w24'], compiled.dir))
        : (reference(rms) ?? `no reference figures for ${rms} RMs`);
      if (typeof spin === 'string') {
        say(`SPIN: ${spin}\n`);
        return { error: spin };
      }
      // In the order they ran: Kripke (with its ratio to this pair's SPIN run), then SPIN.
      const compared = compare(`pair ${pair}`, kripke, spin, label, say);
      say(
        `${label.padEnd(17)} pair ${pair}: two_phase.pml N=${rms}: ${n(spin.states)} states, ${n(spin.transitions)} transitions, ` +
          `${spin.wallSeconds.toFixed(2)} s wall, ${spin.cpuSeconds.toFixed(2)} s cpu\n`,
      );
      pairs.push({ spin: { ...spin, reference: !installed }, kripke: compared });
      if ('wallTimesSpin' in compared) {
        wallRatios.push(compared.wallTimesSpin);
        cpuRatios.push(compared.cpuTimesSpin);
      }
    }
    const wall = median(wallRatios);
    const cpu = median(cpuRatios);
    if (wall !== undefined && cpu !== undefined)
      say(`Median of the pairs: Kripke's time = ${wall}× ${label}'s by wall clock, ${cpu}× by CPU (goal ≤ 2)\n`);
    say(`${machineLoad()} at the end.\n`);
    return { rms, pairs, medianWallTimesSpin: wall, medianCpuTimesSpin: cpu };
  } finally {
    if (compiled) rmSync(compiled.dir, { recursive: true, force: true });
  }
}

function compare(when: string, m: ProcessMeasurement | string, spin: SpinRun, label: string, say: (t: string) => void) {
  if (typeof m === 'string') {
    say(`Kripke ${when}: ${m}\n`);
    return { error: m };
  }
  const wall = +(m.processWallSeconds / spin.wallSeconds).toFixed(2);
  const cpu = +(m.processCpuSeconds / spin.cpuSeconds).toFixed(2);
  const same = m.distinct === spin.states && m.generated === spin.transitions;
  say(
    `Kripke ${when.padEnd(10)} rms=${m.settings.rms}: ${n(m.distinct)} distinct, ${n(m.generated)} generated, ` +
      `${m.processWallSeconds.toFixed(2)} s wall, ${m.processCpuSeconds.toFixed(2)} s cpu (check ${m.seconds.toFixed(2)} s); ` +
      `Kripke's time = ${wall}× ${label}'s by wall clock, ${cpu}× by CPU (goal ≤ 2); state spaces ${same ? 'identical' : 'DIFFER'}\n`,
  );
  return { ...m, wallTimesSpin: wall, cpuTimesSpin: cpu, sameStateSpace: same };
}
