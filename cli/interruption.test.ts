/**
 * SIGINT and SIGTERM stop `check` and `simulate` with the statistics so far (exit 130 / 143,
 * `--json` status interrupted), `simulate` prints its seed before the first walk, files in
 * `--out` are whole; and a thread that dies ends the check with a clear error, never a hang.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validatorFor } from '../schema/validate.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixture = (name: string) => join(root, 'cli', 'fixtures', name);

/** Runs kripke, sends `signal` once stdout (or stderr) shows `ready`, and resolves with what it printed. */
function interrupt(signal: NodeJS.Signals, ready: RegExp, ...args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [join(root, 'cli', 'bin.js'), ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '',
      stderr = '',
      sent = false;
    // Once the command is running, give the engine a moment to explore, then signal.
    const watch = () => {
      if (!sent && (ready.test(stdout) || ready.test(stderr))) {
        sent = true;
        setTimeout(() => child.kill(signal), 1500);
      }
    };
    child.stdout.on('data', (d: Buffer) => {
      stdout += d;
      watch();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d;
      watch();
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('interruption', () => {
  it('SIGINT stops check with the statistics so far, exit 130', async () => {
    const { code, stdout } = await interrupt(
      'SIGINT',
      /memory bound/,
      'check',
      fixture('forever.ts'),
      '--property',
      'finite',
      '--no-progress',
    );
    expect(code).toBe(130);
    expect(stdout).toMatch(/… incomplete \(interrupted[^)]*\): [\d,]+ distinct states, [\d,]+ generated/);
    expect(stdout).toContain('stopped by SIGINT: the statistics above are what was explored so far');
  });

  it('SIGTERM under --json: one result with status interrupted, exit 143; --out holds whole files only', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kripke-int-'));
    const { code, stdout, stderr } = await interrupt(
      'SIGTERM',
      /^progress: /m,
      'check',
      fixture('forever.ts'),
      '--continue',
      '--json',
      '--out',
      out,
    );
    expect(code).toBe(143);
    const json = JSON.parse(stdout) as { status: string; signal: string; stats: { distinctStates: number } };
    expect([json.status, json.signal]).toEqual(['interrupted', 'SIGTERM']);
    expect(typeof json.stats.distinctStates).toBe('number');
    const valid = validatorFor('check-result');
    expect(valid(json), JSON.stringify(valid.errors)).toBe(true);
    // The violation found before the signal was saved, whole, under its final name.
    expect(stderr).toContain(`wrote ${join(out, 'small', 'trace.json')}`);
    expect(JSON.parse(readFileSync(join(out, 'small', 'trace.json'), 'utf8'))).toHaveProperty('steps');
    expect(readdirSync(join(out, 'small')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('simulate prints its seed before the first walk and, interrupted, the walks so far', async () => {
    const { code, stdout } = await interrupt(
      'SIGINT',
      /seed \d+\)/,
      'simulate',
      fixture('forever.ts'),
      '--property',
      'finite',
      '--time',
      '10m',
      '--no-progress',
    );
    expect(code).toBe(130);
    const seed = /^Simulating forever \(walks of up to 100 steps until the time limit, seed (\d+)\)$/m.exec(
      stdout,
    )?.[1];
    expect(seed).toBeDefined();
    expect(stdout).toContain(`stopped by SIGINT: the figures above are the walks run so far (seed ${seed})`);
  });

  it('a thread killed mid-run ends the check with a clear error, exit 2, no hang', () => {
    const run = spawnSync(
      process.execPath,
      [join(root, 'cli', 'bin.js'), 'check', fixture('dies-in-thread.ts'), '--no-progress'],
      // A minute bounds the "no hang": the model is infinite, so a fault that is not noticed never ends.
      {
        cwd: root,
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, NO_COLOR: '1', KRIPKE_TEST_FAULT: 'engine' },
      },
    );
    expect(run.signal, 'the check hung and was killed').toBeNull();
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      '✘ model error [thread-failed]: the engine thread stopped unexpectedly: it exited with code 7',
    );
  });
});
