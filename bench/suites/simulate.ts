/**
 * `npm run bench -- simulate`: random simulation throughput in steps per second, and Quint's
 * simulator on the same protocol in the same run — two-phase commit with 3 resource managers,
 * walks of 20 steps, the invariants checked at every step (bench/quint/two_phase_commit.qnt mirrors
 * model/transaction-commit/two-phase.ts). Quint runs offline with `--backend typescript`; its own
 * timing line (which excludes its start-up) is used. Both check Quint's invariant (TPTypeOK and TCConsistent);
 * a further row adds the refinement of TCommit that only Kripke's model states. Goal (issue 20, point 10):
 * Kripke ≥ 100× Quint's steps per second. Each figure is the fastest of three runs in a row.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check } from '../../checker/check.ts';
import { creditFlowSpec } from '../../model/credit-flow/credit-flow.ts';
import { twoPhaseSpec } from '../../model/transaction-commit/two-phase.ts';
import type { Spec } from '../../spec/types.ts';
import type { BenchOptions } from '../run.ts';

export const name = 'simulate';
export const description =
  "random simulation steps/s (walks of 20 steps) next to Quint's simulator on two-phase commit";

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const QUINT_CLI = join(root, 'node_modules', '@informalsystems', 'quint', 'dist', 'src', 'cli.js');
const QUINT_MODEL = join(root, 'bench', 'quint', 'two_phase_commit.qnt');
const STEPS = 20;
const GOAL = 100; // issue 20, point 10
/** Each engine's figure is the fastest of this many runs in a row. */
const ROUNDS = 3;

interface Row {
  readonly engine: string;
  readonly model: string;
  readonly walks: number;
  readonly steps: number;
  readonly seconds: number;
  readonly stepsPerSecond: number;
  readonly walksPerSecond: number;
}

/** Quint's `invariant` (bench/quint/two_phase_commit.qnt): TPTypeOK and TCConsistent, not the refinement of TCommit. */
const QUINT_INVARIANTS = ['TPTypeOK', 'TCConsistent'];

function kripkeRow(model: string, spec: Spec<any>, walks: number, properties?: readonly string[]): Row {
  const chosen = properties === undefined ? {} : { properties: [...properties] };
  check(spec, { engine: 'random', seed: 1, runs: Math.ceil(walks / 10), depth: STEPS, ...chosen }); // warm up the JIT
  // The fastest of ROUNDS runs, as for Quint: the machine is shared, and noise only ever slows a run.
  const sims = Array.from(
    { length: ROUNDS },
    () => check(spec, { engine: 'random', seed: 2, runs: walks, depth: STEPS, ...chosen }).stats.simulation!,
  );
  const sim = sims.reduce((best, next) => (next.stepsPerSecond > best.stepsPerSecond ? next : best));
  const seconds = sim.steps / sim.stepsPerSecond;
  return {
    engine: 'kripke',
    model,
    walks: sim.runs,
    steps: sim.steps,
    seconds: +seconds.toFixed(2),
    stepsPerSecond: sim.stepsPerSecond,
    walksPerSecond: Math.round(sim.runs / seconds),
  };
}

/** Quint's fastest of ROUNDS runs, or why it could not run. */
function quintRow(samples: number): Row | string {
  let best: Row | undefined;
  for (let round = 0; round < ROUNDS; round++) {
    const row = quintRun(samples);
    if (typeof row === 'string') return row;
    if (best === undefined || row.stepsPerSecond > best.stepsPerSecond) best = row;
  }
  return best!;
}

/** Runs `quint run` once and reads its own timing line, or says why it could not. */
function quintRun(samples: number): Row | string {
  if (!existsSync(QUINT_CLI)) return 'Quint is not installed (npm install --save-dev @informalsystems/quint)';
  const run = spawnSync(
    process.execPath,
    [
      QUINT_CLI,
      'run',
      '--backend',
      'typescript',
      '--max-samples',
      String(samples),
      '--max-steps',
      String(STEPS),
      '--invariant',
      'invariant',
      '--seed',
      '1',
      QUINT_MODEL,
    ],
    { encoding: 'utf8', timeout: 600_000 },
  );
  const out = `${run.stdout}\n${run.stderr}`;
  const timing = /\((\d+)ms at (\d+(?:\.\d+)?) traces\/second\)/.exec(out);
  const length = /average=(\d+(?:\.\d+)?)/.exec(out);
  if (run.status !== 0 || !timing || !length)
    return `Quint did not run (exit ${run.status}): ${out.trim().split('\n').slice(-3).join(' | ')}`;
  const seconds = Number(timing[1]) / 1000;
  const stepsPerWalk = Number(length[1]) - 1; // Quint reports trace length in states
  const steps = Math.round(samples * stepsPerWalk);
  return {
    engine: 'quint (typescript backend)',
    model: 'two-phase-commit rms=3',
    walks: samples,
    steps,
    seconds,
    stepsPerSecond: Math.round(steps / seconds),
    walksPerSecond: Math.round(Number(timing[2])),
  };
}

export async function run(options: BenchOptions): Promise<unknown> {
  const walks = options.quick ? 5_000 : 50_000;
  // The first row checks what Quint checks; the second adds the refinement of TCommit, which Quint's model lacks.
  const same = kripkeRow('two-phase-commit rms=3', twoPhaseSpec(3), walks, QUINT_INVARIANTS);
  const rows: Row[] = [
    same,
    kripkeRow('two-phase-commit rms=3 + refinement', twoPhaseSpec(3), walks),
    kripkeRow('two-phase-commit rms=7', twoPhaseSpec(7), walks / 5),
    kripkeRow('credit-flow (correct)', creditFlowSpec(), walks / 5),
  ];
  const quint = quintRow(options.quick ? 300 : 2_000);
  if (typeof quint !== 'string') rows.push(quint);
  const ratioOf = (row: Row) =>
    typeof quint === 'string' ? null : +(row.stepsPerSecond / quint.stepsPerSecond).toFixed(1);
  const ratio = ratioOf(same);
  if (!options.json) {
    console.table(rows);
    if (typeof quint === 'string') console.log(`Quint skipped: ${quint}`);
    else
      console.log(
        `two-phase-commit rms=3, Quint's invariants: Kripke ${ratio}× Quint's steps per second (goal ≥ ${GOAL}×: ${ratio! >= GOAL ? 'met' : 'not met'})`,
      );
  }
  return { rows, ratio, goal: GOAL, quintSkipped: typeof quint === 'string' ? quint : null };
}
