/**
 * Checkpoint and resume, as a user meets them: a check saving checkpoints is killed (SIGKILL)
 * once one exists, and `--resume` finishes with exactly the counts, coverage, verdict and
 * counterexample of an uninterrupted run; a checkpoint of another configuration is refused.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(root, 'cli', 'bin.js');
/** A budget small enough that the store is on disk from the start, so the checkpoint holds every kind of file. */
const DISK = ['--store', 'disk', '--memory', '256k', '--no-progress', '--json'];

/** In-process (test-support/run-cli.ts): only the run that is killed needs a process of its own. */
async function kripke(...args: string[]) {
  const run = await runCli(args, { cwd: root });
  return {
    code: run.code,
    json: run.stdout.startsWith('{') ? JSON.parse(run.stdout) : undefined,
    stderr: run.stderr,
  };
}

/** Starts a check saving a checkpoint before every level and kills it as soon as one exists at level `level` or later. */
async function killedAfterCheckpoint(args: string[], dir: string, level: number): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, [BIN, ...args, '--checkpoint', dir, '--checkpoint-every', '0'], {
    cwd: root,
    stdio: 'ignore',
  });
  const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)));
  const current = join(dir, 'current.json');
  // No cap on the wait: on a loaded machine the first checkpoints come late; a run that ends first fails the test below.
  while (child.exitCode === null) {
    if (existsSync(current) && Number(/-(\d+)"/.exec(readFileSync(current, 'utf8'))?.[1]) >= level) break;
    await new Promise((wait) => setTimeout(wait, 10));
  }
  child.kill('SIGKILL');
  return exited;
}

/** What an interrupted and resumed run must share with an uninterrupted one. */
function answer(json: { status: string; stats: Record<string, unknown>; violations?: unknown; examples: unknown }) {
  const { distinctStates, generatedStates, depth, queued, coverage } = json.stats;
  return {
    status: json.status,
    distinctStates,
    generatedStates,
    depth,
    queued,
    coverage,
    violations: json.violations,
    examples: json.examples,
  };
}

describe('checkpoint and resume', () => {
  it('a killed run resumes to the counts and verdict of an uninterrupted one', async () => {
    const args = ['check', 'two-phase-commit', '--set', 'rms=6', ...DISK];
    const whole = await kripke(...args);
    expect([
      whole.code,
      whole.json.stats.distinctStates,
      whole.json.stats.generatedStates,
      whole.json.stats.depth,
    ]).toEqual([0, 50_816, 402_306, 20]);
    const dir = mkdtempSync(join(tmpdir(), 'kripke-checkpoint-test-'));
    expect(await killedAfterCheckpoint(args, dir, 6)).toBe('SIGKILL');
    const resumed = await kripke(...args, '--resume', dir);
    expect(resumed.code).toBe(0);
    expect(answer(resumed.json)).toEqual(answer(whole.json));
    expect(existsSync(join(dir, 'current.json'))).toBe(false); // a finished run leaves no checkpoint to resume
  }, 180_000);

  it('resumes a violation to the same shortest counterexample', async () => {
    const args = ['check', 'two-phase-commit', '--set', 'rms=6', '--variant', 'commit-on-majority', ...DISK];
    const whole = await kripke(...args);
    expect([
      whole.code,
      whole.json.violations[0].property,
      whole.json.violations[0].path.split('/').length - 1,
    ]).toEqual([1, 'ImplementsTCommit', 10]); // the refinement of transaction commit fails a step before TCConsistent
    const dir = mkdtempSync(join(tmpdir(), 'kripke-checkpoint-test-'));
    expect(await killedAfterCheckpoint(args, dir, 4)).toBe('SIGKILL');
    const resumed = await kripke(...args, '--resume', dir);
    expect(resumed.code).toBe(1);
    expect(answer(resumed.json)).toEqual(answer(whole.json));
  }, 180_000);

  it('refuses a checkpoint of another configuration, naming what differs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kripke-checkpoint-test-'));
    expect(await killedAfterCheckpoint(['check', 'two-phase-commit', '--set', 'rms=6', ...DISK], dir, 2)).toBe(
      'SIGKILL',
    );
    const other = await kripke('check', 'two-phase-commit', '--set', 'rms=5', ...DISK, '--resume', dir);
    expect(other.code).toBe(2);
    expect(other.json.error.message).toContain(
      `cannot resume from ${dir}: it is a checkpoint of another check (settings: {"rms":"6"} in the checkpoint, {"rms":"5"} now)`,
    );
  }, 180_000);
});
