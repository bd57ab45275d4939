/**
 * Worker threads load whatever one thread loads: model files in CommonJS and ES-module packages,
 * `.ts`, `.mts` and `.cts`, outside the project, and a spec module that itself calls `check()`.
 * And strict mode catches an action that modifies its input whatever the module system (in
 * sloppy-mode CommonJS a write to a frozen object would fail silently). Each case runs the CLI as
 * a user does, in a fresh folder outside the project.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = new URL('../../cli/bin.js', import.meta.url).pathname;
const SPEC = new URL('../../spec/index.ts', import.meta.url).pathname;
const CHECK = new URL('../index.ts', import.meta.url).pathname;

/** Two counters, each counted up to 4 (25 states); `bump` is pure unless `mutate`. */
const esmModel = (mutate = false) => `import { defineSpec } from ${JSON.stringify(SPEC)};
interface State { counters: Record<string, number> }
export default defineSpec({
  name: 'counters',
  init: (): State[] => [{ counters: { a: 0, b: 0 } }],
  actions: {
    bump: {
      params: ['a', 'b'],
      next: (s, c) => {
        if (s.counters[c]! >= 4) return undefined;
        ${mutate ? 's.counters[c] = s.counters[c]! + 1; return { ...s };' : 'return { counters: { ...s.counters, [c]: s.counters[c]! + 1 } };'}
      },
    },
  },
  terminal: () => true,
});
`;

const cjsModel = (mutate = false) => `const { defineSpec } = require(${JSON.stringify(SPEC)});
module.exports = defineSpec({
  name: 'counters',
  init: () => [{ counters: { a: 0, b: 0 } }],
  actions: {
    bump: {
      params: ['a', 'b'],
      next: (s, c) => {
        if (s.counters[c] >= 4) return undefined;
        ${mutate ? 's.counters[c] = s.counters[c] + 1; return { ...s };' : 'return { counters: { ...s.counters, [c]: s.counters[c] + 1 } };'}
      },
    },
  },
  terminal: () => true,
});
`;

/** A script that defines its spec and checks it with two workers at its top level. */
const selfChecking = `import { defineSpec } from ${JSON.stringify(SPEC)};
import { check } from ${JSON.stringify(CHECK)};
export const spec = defineSpec({
  name: 'self-checking',
  init: () => [{ n: 0 }],
  actions: { inc: { next: (s: { n: number }) => (s.n < 9 ? { n: s.n + 1 } : undefined) } },
  terminal: () => true,
});
const result = check(spec, { workers: 2, specSource: { module: import.meta.url, exportName: 'spec' } });
console.log(JSON.stringify({ status: result.status, distinct: result.stats.distinctStates }));
`;

function project(type: 'commonjs' | 'module' | undefined, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kripke-load-'));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'user-project', version: '1.0.0', ...(type ? { type } : {}) }),
  );
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function kripke(
  cwd: string,
  ...args: string[]
): Promise<{
  code: number;
  json: {
    status: string;
    stats: Record<string, number>;
    error?: { code: string; message: string; where: Record<string, string> };
  };
}> {
  try {
    // The fixtures are untyped JavaScript-style models: what is tested here is loading, not typing.
    const { stdout } = await run('node', [BIN, ...args, '--json', '--no-typecheck'], { cwd });
    return { code: 0, json: JSON.parse(stdout) };
  } catch (e) {
    const failed = e as { code: number; stdout: string };
    return { code: failed.code, json: JSON.parse(failed.stdout) };
  }
}

describe('worker threads load what one thread loads', () => {
  it('CommonJS and ES-module packages, .ts, .mts and .cts files, outside the project', async () => {
    const cases: [string, 'commonjs' | 'module' | undefined, string, string][] = [
      [
        'npm init -y package, .ts in ES module syntax (the README model saved in a fresh folder)',
        undefined,
        'model.ts',
        esmModel(),
      ],
      ['"type": "module" package, .ts', 'module', 'model.ts', esmModel()],
      ['"type": "commonjs" package, .mts', 'commonjs', 'nested/model.mts', esmModel()],
      [
        '"type": "commonjs" package, .ts in ES module syntax (compiled to CommonJS: a default export inside default)',
        'commonjs',
        'model.ts',
        esmModel(),
      ],
      ['"type": "module" package, .cts in CommonJS syntax', 'module', 'model.cts', cjsModel()],
      ['npm init -y package, .ts in CommonJS syntax', undefined, 'model.ts', cjsModel()],
    ];
    // Two workers: the engine thread loads the file first, then each worker loads it again.
    const outcomes = await Promise.all(
      cases.map(([, type, file, text]) => kripke(project(type, { [file]: text }), 'check', file, '--workers', '2')),
    );
    outcomes.forEach((result, i) => {
      const label = cases[i]![0];
      expect({
        label,
        code: result.code,
        status: result.json.status,
        stats: result.json.stats && [
          result.json.stats.distinctStates,
          result.json.stats.generatedStates,
          result.json.stats.depth,
        ],
      }).toEqual({ label, code: 0, status: 'pass', stats: [25, 41, 9] });
    });
  }, 120_000);

  it('a spec module that calls check() itself: the worker loads it without checking again', async () => {
    const dir = project('module', { 'script.ts': selfChecking });
    const tsx = new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url).pathname;
    const { stdout } = await run('node', [tsx, 'script.ts'], { cwd: dir, timeout: 60_000 });
    // The module's own code runs in the worker too: there its check() returns at once, not run.
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    expect(lines).toHaveLength(2);
    expect(lines).toContainEqual({ status: 'pass', distinct: 10 });
    expect(lines).toContainEqual({ status: 'incomplete', distinct: 0 });
  }, 70_000);
});

describe('strict mode catches an action that modifies its input', () => {
  it('in an ES module and in sloppy-mode CommonJS alike, naming the action, parameter and field', async () => {
    const esm = project('module', { 'model.ts': esmModel(true) });
    const cjs = project(undefined, { 'model.cts': cjsModel(true) });
    const results = await Promise.all([
      kripke(esm, 'check', 'model.ts', '--strict'),
      kripke(cjs, 'check', 'model.cts', '--strict'),
    ]);
    for (const { code, json } of results) {
      expect(code).toBe(2);
      expect(json.error).toMatchObject({
        code: 'state-mutated',
        message: "action 'bump' modified its input state ($.counters.a is 1, was 0); return a new state instead",
        where: { action: 'bump', param: '"a"', field: '$.counters.a' },
      });
    }
  }, 60_000);
});
