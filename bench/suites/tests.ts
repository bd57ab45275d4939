/**
 * `npm run bench -- tests`: what running the CLI in-process saves the test suite (issue 15). The
 * same suite runs in turn with the CLI tests' runs in-process (as `npm test` runs them) and as
 * `node cli/bin.js` processes (`KRIPKE_TEST_CLI=subprocess`), pair by pair; each run's wall and
 * CPU seconds (user + system of every process it waited for) and the ratio in-process/subprocess.
 * Whole `npm test` by default (about 6 + 10 minutes a pair on two cores); `--quick`: only the
 * files that run the CLI, through vitest; `--rounds=N` pairs (default 1).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchOptions } from '../run.ts';

export const name = 'tests';
export const description = 'npm test with the CLI tests run in-process vs as subprocesses (wall, CPU, ratio)';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The test files that run the CLI (through test-support/run-cli.ts). */
const CLI_FILES = ['cli', 'schema'];

interface Run {
  readonly mode: 'in-process' | 'subprocess';
  readonly wall: number;
  /** Undefined where the system gives no children's CPU time (outside Linux). */
  readonly cpu: number | undefined;
  readonly passed: boolean;
}

/** User + system seconds of this process's reaped children (Linux: /proc/self/stat, fields 16–17). */
function childrenCpu(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    const ticks = Number(fields[13]) + Number(fields[14]);
    return ticks / 100; // USER_HZ: 100 on every Linux Node runs on
  } catch {
    return undefined;
  }
}

function runSuite(mode: Run['mode'], quick: boolean): Run {
  const [program, args] = quick
    ? [process.execPath, [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...CLI_FILES]]
    : ['npm', ['test']];
  const { KRIPKE_TEST_CLI: _mode, ...inherited } = process.env;
  const env = { ...inherited, CI: 'true', ...(mode === 'subprocess' ? { KRIPKE_TEST_CLI: 'subprocess' } : {}) };
  const cpuBefore = childrenCpu();
  const started = performance.now();
  const run = spawnSync(program, args, { cwd: ROOT, env, stdio: 'ignore' });
  const wall = (performance.now() - started) / 1000;
  const cpuAfter = childrenCpu();
  const cpu = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
  return { mode, wall, cpu, passed: run.status === 0 };
}

const seconds = (s: number | undefined) => (s === undefined ? '—' : `${s.toFixed(0)} s`);

export async function run(options: BenchOptions): Promise<unknown> {
  const rounds = Number(options.args.find((a) => a.startsWith('--rounds='))?.slice('--rounds='.length) ?? 1);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a whole number of pairs, at least 1`);
  const pairs: { inProcess: Run; subprocess: Run }[] = [];
  for (let i = 0; i < rounds; i++) {
    const inProcess = runSuite('in-process', options.quick);
    const subprocess = runSuite('subprocess', options.quick);
    pairs.push({ inProcess, subprocess });
    if (!options.json) {
      const ratio = (a: number | undefined, b: number | undefined) =>
        a === undefined || b === undefined ? '—' : (a / b).toFixed(2);
      process.stdout.write(
        `${options.quick ? 'CLI test files' : 'npm test'}, pair ${i + 1}: in-process ${seconds(inProcess.wall)} wall, ` +
          `${seconds(inProcess.cpu)} CPU${inProcess.passed ? '' : ' (FAILED)'}; subprocess ${seconds(subprocess.wall)} wall, ` +
          `${seconds(subprocess.cpu)} CPU${subprocess.passed ? '' : ' (FAILED)'}; ratio wall ${ratio(inProcess.wall, subprocess.wall)}, ` +
          `CPU ${ratio(inProcess.cpu, subprocess.cpu)}\n`,
      );
    }
  }
  return { quick: options.quick, pairs };
}
