/**
 * `check --out` never loses a result: one folder per property even when names clean to the same
 * text, never outside --out; a trace too large for Graphviz still gets trace.json, ITF and text;
 * bad output paths are clear errors with exit 2.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { uniqueFolders } from './output-files.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixture = (name: string) => join(root, 'cli', 'fixtures', name);

function kripke(...args: string[]) {
  const run = spawnSync(process.execPath, [join(root, 'cli', 'bin.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('output folders', () => {
  it('are unique per property and never a path', () => {
    expect([...uniqueFolders(['never 3 (a)', 'never 3 [a]', '..', '.', 'A', 'a'])]).toEqual([
      ['never 3 (a)', 'never-3-a'], ['never 3 [a]', 'never-3-a-2'], ['..', 'property-dots'], ['.', 'property-dots-2'], ['A', 'A'], ['a', 'a-2'],
    ]);
  });

  it('check --continue --out keeps every counterexample inside --out', () => {
    const parent = mkdtempSync(join(tmpdir(), 'kripke-out-'));
    const out = join(parent, 'out');
    const { code } = kripke('check', fixture('clashing-names.ts'), '--continue', '--no-progress', '--out', out);
    expect(code).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['never-3-a', 'never-3-a-2', 'property-dots']);
    expect(readdirSync(parent)).toEqual(['out']);
    const property = (dir: string) => (JSON.parse(readFileSync(join(out, dir, 'trace.json'), 'utf8')) as { property: string }).property;
    expect(['never-3-a', 'never-3-a-2', 'property-dots'].map(property)).toEqual(['never 3 (a)', 'never 3 [a]', '..']);
  });
});

describe('a trace too large for a picture', () => {
  it('writes trace.json, ITF and text, says which pictures were skipped, and exits 1', () => {
    const out = mkdtempSync(join(tmpdir(), 'kripke-long-'));
    const { code, stdout } = kripke('check', fixture('long-trace.ts'), '--no-progress', '--out', out);
    expect(code).toBe(1);
    const dir = join(out, 'below-20000');
    for (const file of ['trace.json', 'trace.itf.json', 'trace.txt']) expect(existsSync(join(dir, file))).toBe(true);
    expect((JSON.parse(readFileSync(join(dir, 'trace.json'), 'utf8')) as { steps: unknown[] }).steps).toHaveLength(20_001);
    expect(stdout).toMatch(new RegExp(`skipped the pictures of 20000 steps in ${dir} \\(trace.svg, report.html and the other SVGs\\): \\S`));
  }, 600_000);
});

describe('bad output paths', () => {
  it('--out naming a file is a clear error, exit 2', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kripke-bad-')), 'a-file');
    writeFileSync(file, 'x');
    const { code, stderr } = kripke('check', 'die-hard', '--out', file);
    expect(code).toBe(2);
    expect(stderr).toBe(`kripke: [invalid-config] cannot write output to ${file}: it is a file, not a folder\n`);
  });

  it('--out below a file is a clear error, exit 2', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kripke-bad-')), 'a-file');
    writeFileSync(file, 'x');
    const { code, stderr } = kripke('check', 'die-hard', '--out', join(file, 'dir'));
    expect(code).toBe(2);
    expect(stderr).toBe(`kripke: [invalid-config] cannot write output to ${join(file, 'dir')}: a part of the path is a file, not a folder\n`);
  });
});
