/**
 * `kripke check --out`, `kripke render` and `kripke replay` as users and CI see them: the files
 * written, exit codes, and the step a replay names when an edited trace no longer holds (the program
 * run in-process); the rest is tested beside the modules in counterexamples/.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function kripke(...args: string[]) {
  return runCli(args, { cwd: root, env: { NO_COLOR: '1' } });
}

const out = mkdtempSync(join(tmpdir(), 'kripke-out-'));
const saved = join(out, 'NotSolved', 'trace.json');

describe('check --out, render, replay', () => {
  beforeAll(async () => {
    const { code, stdout, stderr } = await kripke('check', 'die-hard', '--out', out, '--no-progress');
    expect(code, stderr).toBe(1);
    expect(stdout).toContain(`wrote ${saved}`);
  });

  it('writes trace.json, trace.itf.json, trace.dot, trace.svg and report.html per violated property', () => {
    for (const file of ['trace.json', 'trace.itf.json', 'trace.dot', 'trace.svg', 'report.html']) {
      expect(existsSync(join(out, 'NotSolved', file)), file).toBe(true);
    }
    expect(JSON.parse(readFileSync(saved, 'utf8'))).toMatchObject({
      model: 'die-hard',
      variant: 'puzzle',
      property: 'NotSolved',
      path: '0/1:0/5:0/2:0/5:0/1:0/5:0',
    });
  });

  it('replays a saved trace that still fails (exit 0) and names the first step of an edited one (exit 1)', async () => {
    const replayed = await kripke('replay', saved);
    expect(replayed, replayed.stderr).toMatchObject({
      code: 0,
      stdout: `Replaying ${saved} against die-hard, variant puzzle\n✔ replays all 6 steps: 'NotSolved' is still violated\n`,
    });
    const trace = JSON.parse(readFileSync(saved, 'utf8'));
    trace.steps[3].state.small = 1;
    const edited = join(out, 'edited.json');
    writeFileSync(edited, JSON.stringify(trace));
    expect(await kripke('replay', edited)).toEqual({
      code: 1,
      stderr: '',
      stdout: `Replaying ${edited} against die-hard, variant puzzle\n✘ the trace no longer holds at step 3: emptySmall now leads to a different state (1 field differs)\n    small: saved 1, now 0\n`,
    });
  });

  it('renders a saved trace without the model', async () => {
    const dot = await kripke('render', join(out, 'NotSolved', 'trace.itf.json'), '--format', 'dot');
    expect(dot.code, dot.stderr).toBe(0);
    expect(dot.stdout).toBe(readFileSync(join(out, 'NotSolved', 'trace.dot'), 'utf8'));
  });
});

describe('a counterexample of a packed model', () => {
  const packedOut = mkdtempSync(join(tmpdir(), 'kripke-packed-'));
  const dir = join(packedOut, 'TCConsistent');

  beforeAll(async () => {
    const { code, stderr } = await kripke(
      'check',
      'two-phase-commit',
      '--variant',
      'commit-on-majority',
      '--property',
      'TCConsistent',
      '--out',
      packedOut,
      '--no-progress',
    );
    expect(code, stderr).toBe(1);
  });

  it('replays from trace.json and trace.itf.json (exit 0), naming the reproduced violation', async () => {
    for (const file of ['trace.json', 'trace.itf.json']) {
      expect(await kripke('replay', join(dir, file)), file).toEqual({
        code: 0,
        stderr: '',
        stdout: `Replaying ${join(dir, file)} against two-phase-commit, variant commit-on-majority\n✔ replays all 7 steps: 'TCConsistent' is still violated\n`,
      });
    }
  });

  it('renders in every format, showing the decoded fields', async () => {
    const all = await kripke('render', join(dir, 'trace.itf.json'), '--format', 'all', '--out', join(packedOut, 'all'));
    expect(all.code, all.stderr).toBe(0);
    for (const file of ['trace.json', 'trace.dot', 'trace.svg']) {
      expect(readFileSync(join(packedOut, 'all', file), 'utf8'), file).toBe(readFileSync(join(dir, file), 'utf8'));
    }
    expect(readFileSync(join(packedOut, 'all', 'report.html'), 'utf8')).toContain(
      '<li><code>rmState.r1: &quot;prepared&quot; → &quot;committed&quot;</code>',
    );
    const text = await kripke('render', join(dir, 'trace.json'), '--format', 'text');
    expect(text.stdout).toContain('State 8 ← rmRcvCommitMsg("r1")\n    rmState.r1: "prepared" → "committed"');
    const states = await kripke('render', join(dir, 'trace.json'), '--format', 'states', '--max-states', '400');
    expect(states.code, states.stderr).toBe(0);
    expect(states.stdout).toContain('every reachable state: the 8 states of the counterexample and 340 others'); // 348 in all
  });
});
