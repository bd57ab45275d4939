/**
 * The command line's conventions, as other Node tools keep them: `--version`, the version in
 * every JSON output and trace file, colour by NO_COLOR / FORCE_COLOR / CI, examples and exit
 * codes in each command's `--help`, a model file named without `./`, a labelled progress bar.
 * The program runs in-process (test-support/run-cli.ts), its output captured as a pipe.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './test-support/run-cli.ts';
import { buildProgram } from './program.ts';
import { createProgress } from './progress.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const VERSION = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const COMMANDS = [
  'list',
  'check',
  'simulate',
  'swarm',
  'merge',
  'render',
  'replay',
  'ci',
  'compare',
  'diff',
  'sweep',
  'explore',
];
const ESC = '\u001b[';

/** The CLI (in-process, its output a pipe) with no colour variables of the caller's (CI, FORCE_COLOR, NO_COLOR), then `env`. */
function kripke(args: string[], env: Record<string, string> = {}, cwd = root) {
  return runCli(args, { cwd, env: { CI: undefined, FORCE_COLOR: undefined, NO_COLOR: undefined, ...env } });
}

describe('kripke --version and versioned output', () => {
  it('prints the version of package.json', async () => {
    expect(await kripke(['--version'])).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
  });

  it('records the version in --json results, trace.json and the ITF #meta.kripke', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kripke-version-'));
    const { code, stdout } = await kripke(['check', 'die-hard', '--json', '--out', out]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ kripkeVersion: VERSION, version: 1, status: 'violation' });
    const trace = JSON.parse(readFileSync(join(out, 'NotSolved', 'trace.json'), 'utf8')) as Record<string, unknown>;
    const itf = JSON.parse(readFileSync(join(out, 'NotSolved', 'trace.itf.json'), 'utf8')) as {
      '#meta': { kripke: Record<string, unknown> };
    };
    expect(trace.kripkeVersion).toBe(VERSION);
    expect(itf['#meta'].kripke.kripkeVersion).toBe(VERSION);
    expect(JSON.parse((await kripke(['list', '--json'])).stdout)).toMatchObject({
      version: 1,
      kripkeVersion: VERSION,
      models: expect.arrayContaining([expect.objectContaining({ name: 'die-hard' })]),
    });
  });
});

describe('colour', () => {
  it('is off in a pipe, on with FORCE_COLOR or CI, and NO_COLOR wins over both', async () => {
    const coloured = async (env: Record<string, string>) =>
      (await kripke(['check', 'die-hard', '--no-progress'], env)).stdout.includes(ESC);
    expect(await coloured({})).toBe(false);
    expect(await coloured({ FORCE_COLOR: '1' })).toBe(true);
    expect(await coloured({ CI: 'true' })).toBe(true);
    expect(await coloured({ NO_COLOR: '1', FORCE_COLOR: '1', CI: 'true' })).toBe(false);
    expect((await kripke(['check', 'die-hard', '--json'], { FORCE_COLOR: '1' })).stdout).not.toContain(ESC);
  }, 180_000); // five runs of the CLI
});

describe('--help', () => {
  it('gives every command an example and its exit codes', () => {
    const program = buildProgram(() => {});
    expect(program.commands.map((c) => c.name())).toEqual(COMMANDS);
    for (const command of program.commands) {
      let help = '';
      command
        .configureOutput({
          writeOut: (text) => {
            help += text;
          },
        })
        .outputHelp();
      expect(help).toMatch(new RegExp(`Examples:\\n  \\$ kripke ${command.name()}\\b`));
      expect(help).toContain('Exit codes:\n  0  ');
      expect(help).toContain('  2  a usage or model error');
    }
  });
});

describe('a model file', () => {
  it('is found by its name alone, with or without #export', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kripke-bare-'));
    const spec = `import { defineSpec } from ${JSON.stringify(join(root, 'spec', 'index.ts'))};
export const big = defineSpec({ name: 'small-counter', init: () => [{ x: 0 }], actions: { inc: { next: (s: { x: number }) => (s.x < 3 ? { x: s.x + 1 } : undefined) } }, terminal: () => true });
export default big;
`;
    writeFileSync(join(dir, 'grid.ts'), spec);
    for (const name of ['grid.ts#big', 'grid.ts', './grid.ts#big']) {
      const { code, stdout } = await kripke(['check', name, '--json'], {}, dir);
      expect({
        name,
        code,
        distinct: (JSON.parse(stdout) as { stats: { distinctStates: number } }).stats.distinctStates,
      }).toEqual({ name, code: 0, distinct: 4 });
    }
  }, 120_000); // three runs of the CLI
});

describe('the progress bar', () => {
  it('says what it measures', () => {
    const stream = Object.assign(new PassThrough(), {
      isTTY: true,
      columns: 200,
      cursorTo: () => true,
      clearLine: () => true,
      moveCursor: () => true,
    });
    let written = '';
    stream.on('data', (chunk: Buffer) => {
      written += chunk.toString();
    });
    const display = createProgress(true, stream as unknown as NodeJS.WriteStream);
    display.observer.progress!({
      distinctStates: 1000,
      generatedStates: 2500,
      queued: 400,
      depth: 7,
      elapsedMs: 2000,
    } as Parameters<NonNullable<typeof display.observer.progress>>[0]);
    expect(written).toContain('explored');
    expect(written).toContain('600 of 1,000 states found | 2,500 generated | 400 queued | depth 7');
    display.stop();
  });
});
