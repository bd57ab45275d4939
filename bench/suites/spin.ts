/**
 * `npm run bench -- spin [--quick]`: SPIN and Kripke side by side on Two-Phase Commit with the same
 * number of resource managers (8, or 7 with --quick), in the same run: states, transitions and
 * transitions per second of SPIN's compiled verifier, Kripke's BFS on the shipped
 * `two-phase-commit` (written with objects, then with its packed layout), and each Kripke/SPIN
 * throughput ratio. The Promela model is
 * bench/spin/two_phase.pml (its state count equals TLC's: 296,448 for 7 RMs, 1,745,408 for 8).
 *
 * SPIN flags: `spin -a` generates pan.c; `gcc -O2 -DSAFETY -DNOREDUCE -DNOCLAIM`: -DSAFETY leaves
 * out cycle detection (safety only, as Kripke's BFS), -DNOREDUCE turns partial-order reduction
 * off so SPIN explores the full state space (the same states Kripke and TLC count), -DNOCLAIM as
 * there is no never claim; `pan -m1000000 -w24`: a search depth limit far beyond the model's 26,
 * and a 2^24-slot hash table. SPIN's rate uses pan's own elapsed time (compilation excluded).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchOptions } from '../run.ts';
import { measureInChild } from './throughput.ts';

export const name = 'spin';
export const description = 'SPIN vs Kripke on Two-Phase Commit (same RMs, same state space), throughput ratio';

const MODEL = fileURLToPath(new URL('../spin/two_phase.pml', import.meta.url));
const INSTALL = 'apt-get install -y spin   (Debian/Ubuntu package "spin")';

interface SpinRun {
  readonly states: number;
  readonly transitions: number;
  readonly seconds: number;
  readonly perSecond: number;
}

function spinInstalled(): boolean {
  return spawnSync('spin', ['-V'], { encoding: 'utf8' }).status === 0;
}

function runSpin(rms: number): SpinRun | string {
  const dir = mkdtempSync(join(tmpdir(), 'kripke-spin-'));
  try {
    copyFileSync(MODEL, join(dir, 'two_phase.pml'));
    const steps: [string, string[]][] = [
      ['spin', [`-DN=${rms}`, '-a', 'two_phase.pml']],
      ['gcc', ['-O2', '-DSAFETY', '-DNOREDUCE', '-DNOCLAIM', '-o', 'pan', 'pan.c']],
    ];
    for (const [command, args] of steps) {
      const done = spawnSync(command, args, { cwd: dir, encoding: 'utf8' });
      if (done.status !== 0) return `${command} ${args.join(' ')} failed: ${(done.stderr || done.stdout).trim().slice(0, 300)}`;
    }
    const pan = spawnSync('./pan', ['-m1000000', '-w24'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 22 });
    const out = pan.stdout;
    const number = (re: RegExp) => Number(re.exec(out)?.[1] ?? Number.NaN);
    const states = number(/(\d+) states, stored/);
    const transitions = number(/(\d+) transitions \(= stored\+matched\)/);
    const seconds = number(/pan: elapsed time ([\d.e+-]+) seconds/);
    if (!Number.isFinite(states) || !Number.isFinite(transitions)) return `could not read pan's output: ${out.slice(0, 300)}`;
    return { states, transitions, seconds, perSecond: Math.round(transitions / Math.max(seconds, 1e-3)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(options: BenchOptions): Promise<unknown> {
  const say = (text: string) => { if (!options.json) process.stdout.write(text); };
  if (!spinInstalled()) {
    say(`SPIN is not installed; install it with: ${INSTALL} — skipping the SPIN comparison\n`);
    return { skipped: 'spin not installed', install: INSTALL };
  }
  const rms = options.quick ? 7 : 8;
  const spin = runSpin(rms);
  if (typeof spin === 'string') {
    say(`SPIN: ${spin}\n`);
    return { error: spin };
  }
  const n = (x: number) => x.toLocaleString('en-US');
  say(`SPIN   two_phase.pml N=${rms}: ${n(spin.states)} states, ${n(spin.transitions)} transitions, ${spin.seconds.toFixed(2)} s, ${n(spin.perSecond)} transitions/s\n`);
  const kripke: Record<string, unknown> = {};
  for (const packed of [false, true]) {
    const layout = packed ? 'packed=true' : 'objects';
    const m = measureInChild({ tlcModel: '', label: `TwoPhase ${rms} RMs`, protocol: 'two-phase-commit', settings: { rms, packed } }, 1);
    if (typeof m === 'string') {
      say(`Kripke (${layout}): ${m}\n`);
      kripke[layout] = { error: m };
      continue;
    }
    const ratio = +(m.generatedPerSecond / spin.perSecond).toFixed(3);
    const same = m.distinct === spin.states && m.generated === spin.transitions;
    say(`Kripke two-phase-commit rms=${rms} ${layout}: ${n(m.distinct)} distinct, ${n(m.generated)} generated, ${m.seconds.toFixed(2)} s, ` +
      `${n(m.generatedPerSecond)} generated/s; Kripke/SPIN throughput ${ratio} (state spaces ${same ? 'identical: same states and transitions' : 'DIFFER'})\n`);
    kripke[layout] = { ...m, ratio, sameStateSpace: same };
  }
  return { rms, spin, kripke };
}
