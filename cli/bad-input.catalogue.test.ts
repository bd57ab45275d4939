/**
 * The catalogue of bad inputs (issue 13): each way a user, a script or an edited file can feed
 * Kripke something wrong, with the exit code and the message it must get — never a stack trace,
 * never a silent wrong answer. CLI cases run the program in-process (test-support/run-cli.ts).
 */
import { availableParallelism } from 'node:os';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../checker/check.ts';
import { defineSpec } from '../spec/define.ts';
import { findProtocol } from '../model/index.ts';
import { parsePath } from '../checker/path.ts';
import { traceToItf } from '../counterexamples/itf.ts';
import { buildTrace } from '../counterexamples/trace.ts';
import { runCli, type CliRun } from './test-support/run-cli.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'tmp', 'bad-input');
const marker = join(dir, 'evil-ran');

function kripke(args: readonly string[], cwd = root): Promise<CliRun> {
  return runCli(args, { cwd, env: { NO_COLOR: '1' } });
}

const MODELS: Record<string, string> = {
  'no-init.ts': `import { defineSpec } from 'kripke/spec';
export default defineSpec({ name: 'no-init', init: (): { x: number }[] => [], actions: { step: { next: () => undefined } } });\n`,
  'type-error.ts': `import { defineSpec } from 'kripke/spec';
interface State { x: number }
export const limit: number = 'three';
export default defineSpec({ name: 'type-error', init: (): State[] => [{ x: 0 }], terminal: () => true,
  actions: { inc: { next: (s: State) => (s.x < 2 ? { x: s.x + 1 } : undefined) } } });\n`,
  'missing-field.ts': `import { defineSpec } from 'kripke/spec';
interface State { x: number }
export default defineSpec({ name: 'missing-field', init: (): State[] => [{ x: 0 }], terminal: () => true,
  actions: { inc: { next: (s: State) => (s.x < 2 ? { x: s.x + 1 } : undefined) } },
  // 'y' is a typo a cast hides from the type checker: without a check this holds of nothing.
  properties: ({ always }) => [always('y small', (s) => ((s as unknown as { y: number }).y ?? 0) < 1)] });\n`,
  'counter.ts': `import { defineSpec } from 'kripke/spec';
interface State { x: number }
export default defineSpec({ name: 'counter', init: (): State[] => [{ x: 0 }], terminal: () => true,
  actions: { inc: { next: (s: State) => (s.x < 3 ? { x: s.x + 1 } : undefined) } },
  properties: ({ always }) => [always('small', (s) => s.x < 2)] });\n`,
  'evil.ts': `import { writeFileSync } from 'node:fs';
writeFileSync(${JSON.stringify(marker)}, 'ran');
export { default } from './counter.ts';\n`,
};

const fileTrace = join(dir, 'out', 'small', 'trace.json');
const edited = join(dir, 'edited.json');
const bareItf = join(dir, 'bare.itf.json');
const cores = availableParallelism();
const dieHard = findProtocol('die-hard').instantiate({}, undefined);
let made: CliRun;

beforeAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, source] of Object.entries(MODELS)) writeFileSync(join(dir, name), source);
  made = await kripke([
    'check',
    'tmp/bad-input/counter.ts',
    '--out',
    'tmp/bad-input/out',
    '--no-progress',
    '--no-typecheck',
  ]);
  // An edited trace that names another file: replay must not import it.
  const trace = JSON.parse(readFileSync(fileTrace, 'utf8'));
  writeFileSync(
    edited,
    JSON.stringify({ ...trace, reference: 'tmp/bad-input/evil.ts', modelFile: join(dir, 'evil.ts') }),
  );
  // Another tool's ITF: no #meta.kripke, so no model, variant or settings of Kripke's.
  const itf = traceToItf(
    buildTrace(dieHard, parsePath('0/1:0/5:0/2:0/5:0/1:0/5:0'), { property: 'NotSolved' }),
  ) as Record<string, unknown>;
  writeFileSync(bareItf, JSON.stringify({ ...itf, '#meta': { format: 'ITF', source: 'die-hard' } }));
});

it('a counterexample of a model file prints the exact command that replays it', () => {
  expect(made.code, made.stderr).toBe(1);
  expect(made.stdout).toContain('replay: kripke replay tmp/bad-input/out/small/trace.json tmp/bad-input/counter.ts\n');
});

type Stream = 'stdout' | 'stderr';
interface CliCase {
  readonly why: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly code: number;
  /** The stream that must contain `message`; under --json, stdout must be one JSON object with this error code. */
  readonly stream: Stream;
  readonly message: string;
  readonly json?: string;
  /** The file the edited trace names must not have run. */
  readonly importsNothing?: true;
}

const M = 'tmp/bad-input';
const CLI_CASES: readonly CliCase[] = [
  {
    why: 'render --out into a folder that does not exist',
    args: ['render', `${M}/out/small/trace.json`, '--out', '/nonexistent/x.svg'],
    code: 2,
    stream: 'stderr',
    message: 'cannot write output to /nonexistent/x.svg: its folder does not exist',
  },
  {
    why: 'render --format all --out below a file',
    args: ['render', `${M}/out/small/trace.json`, '--format', 'all', '--out', `${M}/counter.ts/pictures`],
    code: 2,
    stream: 'stderr',
    message: `cannot write output to ${M}/counter.ts/pictures: a part of the path is a file, not a folder`,
  },
  {
    why: 'init without states',
    args: ['check', `${M}/no-init.ts`, '--no-typecheck'],
    code: 2,
    stream: 'stderr',
    message: 'init returned no states: there is nothing to check',
  },
  {
    why: 'a type error',
    args: ['check', `${M}/type-error.ts`],
    code: 2,
    stream: 'stderr',
    message: `${M}/type-error.ts:3:14: Type 'string' is not assignable to type 'number'.`,
  },
  {
    why: '--no-typecheck runs it anyway',
    args: ['check', `${M}/type-error.ts`, '--no-typecheck'],
    code: 0,
    stream: 'stdout',
    message: '✔ pass: 3 distinct states',
  },
  {
    why: 'a property reading a field no state has',
    args: ['check', `${M}/missing-field.ts`, '--no-typecheck'],
    code: 2,
    stream: 'stderr',
    message: "property 'y small' reads the field 'y', which no state it was evaluated on has (the state's fields: x)",
  },
  {
    why: '1e1 is not a decimal integer',
    args: ['check', 'die-hard', '--set', 'big=1e1'],
    code: 2,
    stream: 'stderr',
    message: 'big=1e1: expected a whole number in decimal digits (such as 3)',
  },
  {
    why: '0x10 is not a decimal integer',
    args: ['check', 'die-hard', '--max-depth', '0x10'],
    code: 2,
    stream: 'stderr',
    message: "expected a positive whole number, got '0x10'",
  },
  {
    why: 'an unknown engine, refused by the argument parser',
    args: ['check', 'die-hard', '--engine', 'xfs'],
    code: 2,
    stream: 'stderr',
    message: "argument 'xfs' is invalid. Allowed choices are bfs, dfs, random.",
  },
  {
    why: 'a folder as the model',
    args: ['check', 'model/die-hard'],
    code: 2,
    stream: 'stderr',
    message:
      'model/die-hard is a folder, not a model file: name the file that exports the spec, as in model/die-hard/die-hard.ts',
  },
  {
    why: 'a folder named without a slash, which is no shipped model',
    args: ['check', 'model'],
    code: 2,
    stream: 'stderr',
    message: 'model is a folder, not a model file: name the file that exports the spec, as in model/',
  },
  {
    why: 'an unknown property, on stderr',
    args: ['check', 'die-hard', '--property', 'nope'],
    code: 2,
    stream: 'stderr',
    message: "unknown property 'nope'; available: TypeOK, NotSolved",
  },
  {
    why: 'more workers than cores',
    args: ['check', 'die-hard', '--property', 'TypeOK', '--workers', String(cores + 1), '--no-progress'],
    code: 0,
    stream: 'stderr',
    message: `--workers ${cores + 1} is more than this machine's ${cores} cores`,
  },
  {
    why: 'an unknown model under --json',
    args: ['check', 'nosuchmodel', '--json'],
    code: 2,
    stream: 'stderr',
    message: "unknown model 'nosuchmodel'",
    json: 'unknown-name',
  },
  {
    why: 'a usage error under --json',
    args: ['check', 'die-hard', '--engine', 'xfs', '--json'],
    code: 2,
    stream: 'stderr',
    message: "argument 'xfs' is invalid",
    json: 'usage',
  },
  {
    why: 'a model error under --json',
    args: ['check', 'die-hard', '--property', 'nope', '--json'],
    code: 2,
    stream: 'stdout',
    message: "unknown property 'nope'",
    json: 'unknown-name',
  },
  {
    why: 'a file model is never imported because a trace names it',
    args: ['replay', fileTrace],
    cwd: '/',
    code: 2,
    stream: 'stderr',
    message: `was made from the model file ${join(dir, 'counter.ts')}. A trace never chooses the code that runs: name the model file to replay it against, as in\n  kripke replay ${fileTrace} ${join(dir, 'counter.ts')}`,
  },
  {
    why: 'named on the command line, it replays from any folder and says against what',
    args: ['replay', fileTrace, join(dir, 'counter.ts')],
    cwd: '/',
    code: 0,
    stream: 'stdout',
    message: `Replaying ${fileTrace} against counter (${join(dir, 'counter.ts')})\n✔ replays all 2 steps: 'small' is still violated`,
  },
  {
    why: 'an edited trace naming another file',
    args: ['replay', edited],
    importsNothing: true,
    code: 2,
    stream: 'stderr',
    message: `was made from the model file ${join(dir, 'evil.ts')}. A trace never chooses the code that runs`,
  },
  {
    why: 'render --format states does not import it either',
    args: ['render', fileTrace, '--format', 'states'],
    code: 2,
    stream: 'stderr',
    message: `name the model file to replay it against, as in\n  kripke render ${fileTrace} --format states --model ${join(dir, 'counter.ts')}`,
  },
  {
    why: 'ITF without Kripke metadata needs the model named',
    args: ['replay', bareItf],
    code: 2,
    stream: 'stderr',
    message: 'has no Kripke metadata (#meta.kripke): it does not say which model, variant and settings made it',
  },
  {
    why: 'named, it says the variant it replays against',
    args: ['replay', bareItf, 'die-hard'],
    code: 0,
    stream: 'stdout',
    message: `Replaying ${bareItf} against die-hard, variant puzzle\n`,
  },
];

describe('the CLI on bad input', () => {
  it.each(CLI_CASES.map((c) => [c.why, c] as const))('%s', async (_why, c) => {
    const run = await kripke(c.args, c.cwd);
    expect(run.code, run.stderr).toBe(c.code);
    expect(run[c.stream]).toContain(c.message);
    expect(run.stderr).not.toMatch(/\n\s+at .*\.ts:\d+/); // no stack trace
    if (c.json !== undefined)
      expect(JSON.parse(run.stdout)).toMatchObject({ status: 'error', error: { code: c.json } });
    else if (c.code === 2) expect(run.stdout).not.toContain(c.message); // errors go to stderr
    if (c.importsNothing) expect(existsSync(marker), 'the file an edited trace names ran').toBe(false);
  });
});

type Bad = Parameters<typeof check>;
interface LibraryCase {
  readonly why: string;
  readonly call: () => ReturnType<typeof check>;
  readonly code: string;
  readonly message: string;
}

const withField = (holds: (s: Record<string, unknown>) => boolean, strict = false) =>
  check(
    defineSpec({
      name: 'counter',
      init: () => [{ x: 0 } as Record<string, unknown>],
      terminal: () => true,
      actions: {
        inc: {
          next: (s: Record<string, unknown>) =>
            (s.x as number) < 2 ? { x: (s.x as number) + 1, ...(s.x === 1 ? { done: true } : {}) } : undefined,
        },
      },
      properties: ({ always }) => [always('p', holds)],
    }),
    { strict },
  );

const LIBRARY_CASES: readonly LibraryCase[] = [
  {
    why: 'a misspelt option key',
    call: () => check(dieHard, { maxdepth: 2 } as unknown as Bad[1]),
    code: 'unknown-name',
    message: "unknown option 'maxdepth' (did you mean 'maxDepth'?)",
  },
  {
    why: 'properties as a string',
    call: () => check(dieHard, { properties: 'small' } as unknown as Bad[1]),
    code: 'invalid-config',
    message: "option properties must be an array of property names, such as ['safe'], got 'small' (a string)",
  },
  {
    why: 'workers as a string',
    call: () => check(dieHard, { workers: '2' } as unknown as Bad[1]),
    code: 'invalid-config',
    message: "option workers must be a number, got '2' (a string)",
  },
  {
    why: 'null options',
    call: () => check(dieHard, null as unknown as Bad[1]),
    code: 'invalid-config',
    message: "check() options must be an object such as { engine: 'dfs' }, got null",
  },
  {
    why: 'no spec',
    call: () => check(undefined as unknown as Bad[0]),
    code: 'invalid-spec',
    message: 'check() needs a spec (from defineSpec) as its first argument, got undefined',
  },
  {
    why: 'init without states',
    call: () => check(defineSpec({ name: 'empty', init: (): { x: number }[] => [], actions: {} })),
    code: 'invalid-spec',
    message: 'init returned no states',
  },
  {
    why: 'a field no state has',
    call: () => withField((s) => s.y === undefined),
    code: 'invalid-spec',
    message: "property 'p' reads the field 'y', which no state it was evaluated on has",
  },
  {
    why: 'a field no state has, under strict',
    call: () => withField((s) => s.x !== 2 || s.doen !== false, true),
    code: 'invalid-spec',
    message: "reads the field 'doen'",
  },
];

describe('check() on bad input', () => {
  it.each(LIBRARY_CASES.map((c) => [c.why, c] as const))('%s', (_why, c) => {
    const result = c.call();
    expect(result.status).toBe('error');
    if (result.status !== 'error') return;
    expect(result.error.code).toBe(c.code);
    expect(result.error.message).toContain(c.message);
  });

  it('a field only some states have is optional, not a typo; nor is one tested with `in`', () => {
    expect(withField((s) => s.done === undefined || s.x === 2).status).toBe('pass');
    expect(withField((s) => !('y' in s) || s.y === 1).status).toBe('pass');
  });
});
