/**
 * `kripke diff`: the shortest behaviour one variant allows and the other forbids, both ways —
 * pinned on Two-Phase Commit against its commit-on-majority bug, over the whole state and over
 * the RM states only — and two model files with their own observations.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function kripke(...args: string[]) {
  return runCli(['diff', ...args], { cwd: root, env: { NO_COLOR: '1' } });
}

describe('kripke diff', () => {
  it('prints the shortest behaviour only commit-on-majority allows, and that correct allows nothing more', async () => {
    const out = join(root, 'tmp', 'diff-test', 'out');
    rmSync(out, { recursive: true, force: true });
    const { code, stdout } = await kripke(
      'two-phase-commit',
      '--variant',
      'correct',
      '--variant',
      'commit-on-majority',
      '--out',
      out,
    );
    expect(code).toBe(1);
    expect(stdout.slice(0, stdout.indexOf('  wrote'))).toBe(
      [
        'Behaviours of correct and commit-on-majority, observing the whole state:',
        '',
        '✔ every behaviour of correct is one of commit-on-majority (288 pairs of states explored)',
        '',
        '✘ only commit-on-majority allows this behaviour (5 steps); correct forbids it:',
        'State 1 (initial)',
        '    rmState = { r1: "working", r2: "working", r3: "working" }',
        '    tmState = "init"',
        '    tmPrepared = {}',
        '    msgs = {}',
        'State 2 ← rmPrepare("r1")',
        '    rmState.r1: "working" → "prepared"',
        '    msgs: + "prepared:r1"',
        'State 3 ← tmRcvPrepared("r1")',
        '    tmPrepared: + "r1"',
        'State 4 ← rmPrepare("r2")',
        '    rmState.r2: "working" → "prepared"',
        '    msgs: + "prepared:r2"',
        'State 5 ← tmRcvPrepared("r2")',
        '    tmPrepared: + "r2"',
        'State 6 ← tmCommit',
        '    tmState: "init" → "committed"',
        '    msgs: + "commit"',
        '  correct shows the same up to State 5 (4 steps of its own, path 0/3:0/2:0/3:1/2:1), but the one state it can then be in has no step that shows State 6',
        '  path: 0/3:0/2:0/3:1/2:1/0:0',
        '',
      ].join('\n'),
    );
    for (const file of ['trace.json', 'trace.itf.json', 'trace.svg', 'report.html'])
      expect(existsSync(join(out, 'only-in-commit-on-majority', file))).toBe(true);
    expect(existsSync(join(out, 'only-in-correct'))).toBe(false);
  });

  it('over the RM states alone, the difference is an RM committing while another still works', async () => {
    const { code, stdout } = await kripke(
      'two-phase-commit',
      '--variant',
      'correct',
      '--variant',
      'commit-on-majority',
      '--observe',
      'rmState',
      '--json',
    );
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({
      observation: 'rmState',
      directions: [
        { allows: 'correct', forbids: 'commit-on-majority', status: 'included' },
        // prepare r1, receive, prepare r2, receive, commit, r1 commits: only the RM steps are seen
        {
          allows: 'commit-on-majority',
          forbids: 'correct',
          status: 'differs',
          steps: 6,
          path: '0/3:0/2:0/3:1/2:1/0:0/5:0',
          witness: '0/3:0/3:1',
          candidates: 8,
        },
      ],
    });
  });

  it('compares two model files over the observation each exports', async () => {
    const dir = join(root, 'tmp', 'diff-test');
    mkdirSync(dir, { recursive: true });
    const counter = (name: string, step: string) => `import { defineSpec } from 'kripke/spec';
export default defineSpec({ name: '${name}', init: () => [{ n: 0, ticks: 0 }],
  actions: { tick: { next: (s) => (s.ticks < 3 ? { ...s, ticks: s.ticks + 1 } : undefined) }, up: { next: (s) => (s.n < 4 ? { ...s, n: s.n + ${step} } : undefined) } } });
export const observe = (s: { n: number }) => s.n;
`;
    writeFileSync(join(dir, 'ones.ts'), counter('ones', '1'));
    writeFileSync(join(dir, 'twos.ts'), counter('twos', '2'));
    const { code, stdout } = await kripke('tmp/diff-test/twos.ts', 'tmp/diff-test/ones.ts');
    expect(code).toBe(1);
    expect(stdout).toContain("observing the models' observe():");
    expect(stdout).toContain(
      '✘ only tmp/diff-test/twos.ts allows this behaviour (1 step); tmp/diff-test/ones.ts forbids it:\nState 1 (initial)',
    );
    expect(stdout).toContain(
      'State 2 ← up\n    n: 0 → 2\n  tmp/diff-test/ones.ts shows the same up to State 1 (0 steps of its own, path 0), but none of the 4 states it can then be in has a step that shows State 2',
    );
    expect(stdout).toContain('✘ only tmp/diff-test/ones.ts allows this behaviour (1 step)');
  });

  it('needs two sides', async () => {
    const { code, stderr } = await kripke('two-phase-commit', '--variant', 'correct');
    expect(code).toBe(2);
    expect(stderr).toContain(
      'diff two-phase-commit needs two variants to compare: --variant a --variant b (or a second model file)',
    );
  });
});
