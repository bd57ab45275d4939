/**
 * `check --out` never loses a result: one folder per property even when names clean to the same
 * text, never outside --out; a trace too large for Graphviz still gets trace.json, ITF and text;
 * bad output paths are clear errors with exit 2.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Violation } from '../checker/result.ts';
import { parsePath } from '../checker/path.ts';
import longTrace from './fixtures/long-trace.ts';
import { type PictureMaker, uniqueFolders, writeViolationFiles } from './output-files.ts';
import { runCli } from './test-support/run-cli.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixture = (name: string) => join(root, 'cli', 'fixtures', name);

function kripke(...args: string[]) {
  return runCli(args, { cwd: root, env: { NO_COLOR: '1' } });
}

describe('output folders', () => {
  it('are unique per property and never a path', () => {
    expect([...uniqueFolders(['never 3 (a)', 'never 3 [a]', '..', '.', 'A', 'a'])]).toEqual([
      ['never 3 (a)', 'never-3-a'],
      ['never 3 [a]', 'never-3-a-2'],
      ['..', 'property-dots'],
      ['.', 'property-dots-2'],
      ['A', 'A'],
      ['a', 'a-2'],
    ]);
  });

  it('check --continue --out keeps every counterexample inside --out', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'kripke-out-'));
    const out = join(parent, 'out');
    const { code } = await kripke('check', fixture('clashing-names.ts'), '--continue', '--no-progress', '--out', out);
    expect(code).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['never-3-a', 'never-3-a-2', 'property-dots']);
    expect(readdirSync(parent)).toEqual(['out']);
    const property = (dir: string) =>
      (JSON.parse(readFileSync(join(out, dir, 'trace.json'), 'utf8')) as { property: string }).property;
    expect(['never-3-a', 'never-3-a-2', 'property-dots'].map(property)).toEqual(['never 3 (a)', 'never 3 [a]', '..']);
  });
});

describe('long traces and pictures that cannot be made', () => {
  it('a 20,000-step counterexample gets every file, its pictures summarised, and exits 1', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kripke-long-'));
    const { code, stdout } = await kripke('check', fixture('long-trace.ts'), '--no-progress', '--out', out);
    expect(code).toBe(1);
    const dir = join(out, 'below-20000');
    for (const file of ['trace.json', 'trace.itf.json', 'trace.txt', 'trace.svg', 'report.html'])
      expect(existsSync(join(dir, file))).toBe(true);
    expect((JSON.parse(readFileSync(join(dir, 'trace.json'), 'utf8')) as { steps: unknown[] }).steps).toHaveLength(
      20_001,
    );
    expect(readFileSync(join(dir, 'trace.svg'), 'utf8')).toContain('up ×');
    // The state-space picture alone is left out, and the output says so and why.
    expect(existsSync(join(dir, 'states.svg'))).toBe(false);
    expect(stdout.split('\n').filter((line) => line.includes('skipped'))).toEqual([
      `  skipped ${join(dir, 'states.svg')}: the counterexample of 'long-trace' passes through 20,001 distinct states, more than the 120 a state-space picture draws (kripke render <trace.json> --format states --max-states <n> draws more; or read the trace graph)`,
    ]);
  }, 600_000);

  it('when the pictures fail, trace.json, ITF and text are still written and the output says what was skipped and why', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kripke-nopictures-'));
    const violation: Violation = {
      property: 'below 20000',
      kind: 'invariant',
      propertyKind: 'always',
      path: parsePath('0/0:0/0:0'),
    };
    const failing: PictureMaker = () => Promise.reject(new Error('Graphviz: stack overflow'));
    const report = await writeViolationFiles(
      out,
      longTrace,
      [violation],
      { reference: 'long-trace' },
      undefined,
      failing,
    );
    const dir = join(out, 'below-20000');
    expect(readdirSync(dir).sort()).toEqual(['trace.dot', 'trace.itf.json', 'trace.json', 'trace.txt']);
    expect(report.lines.at(-1)).toBe(
      `skipped the pictures of 2 steps in ${dir} (trace.svg, report.html and the other SVGs): Graphviz: stack overflow`,
    );
  });
});

describe('bad output paths', () => {
  it('--out naming a file is a clear error, exit 2', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kripke-bad-')), 'a-file');
    writeFileSync(file, 'x');
    const { code, stderr } = await kripke('check', 'die-hard', '--out', file);
    expect(code).toBe(2);
    expect(stderr).toBe(`kripke: [invalid-config] cannot write output to ${file}: it is a file, not a folder\n`);
  });

  it('--out below a file is a clear error, exit 2', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kripke-bad-')), 'a-file');
    writeFileSync(file, 'x');
    const { code, stderr } = await kripke('check', 'die-hard', '--out', join(file, 'dir'));
    expect(code).toBe(2);
    expect(stderr).toBe(
      `kripke: [invalid-config] cannot write output to ${join(file, 'dir')}: a part of the path is a file, not a folder\n`,
    );
  });
});
