/**
 * The command line as users and CI gates see it: exit codes, output, JSON, and a model file
 * taken from the README that checks without a build step.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './test-support/run-cli.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** In-process (test-support/run-cli.ts): the program as `kripke` runs it, without a process each. */
function kripke(...args: string[]) {
  return runCli(args, { cwd: root, env: { NO_COLOR: '1' } });
}

/** A real `node cli/bin.js`: the few smoke tests of the command as installed (bin.js, tsx, exit code). */
function kripkeProcess(...args: string[]) {
  const run = spawnSync(process.execPath, [join(root, 'cli', 'bin.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('kripke check', () => {
  it('exits 1 on a violation and prints the shortest trace with its path (a real process)', () => {
    const { code, stdout } = kripkeProcess('check', 'die-hard');
    expect(code).toBe(1);
    expect(stdout).toContain('✘ violation: 14 distinct states, 73 generated, depth 7');
    expect(stdout).toContain("always property 'NotSolved' is violated after 6 steps:");
    expect(stdout).toContain('State 7 ← bigToSmall\n    small: 2 → 3\n    big: 5 → 4');
    expect(stdout).toContain('path: 0/1:0/5:0/2:0/5:0/1:0/5:0');
  });

  it('exits 0 on a pass', async () => {
    const { code, stdout } = await kripke('check', 'die-hard', '--property', 'TypeOK');
    expect(code).toBe(0);
    expect(stdout).toContain('✔ pass: 16 distinct states, 97 generated, depth 8');
  });

  it('exits 3 when a bound cuts the search short', async () => {
    const { code, stdout } = await kripke('check', 'die-hard', '--property', 'TypeOK', '--max-depth', '3');
    expect(code).toBe(3);
    expect(stdout).toContain('incomplete (depth bound 3 reached)');
  });

  it('prints one versioned JSON object with --json', async () => {
    const { code, stdout } = await kripke('check', 'die-hard', '--json');
    expect(code).toBe(1);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ version: 1, model: 'die-hard', variant: 'puzzle', status: 'violation' });
    expect(result.stats).toMatchObject({ distinctStates: 14, generatedStates: 73, depth: 7 });
    expect(result.violations[0].path).toBe('0/1:0/5:0/2:0/5:0/1:0/5:0');
    expect(result.violations[0].trace.at(-1)).toEqual({ action: 'bigToSmall', state: { small: 3, big: 4 } });
  });

  it.each([
    [['check', 'die-hrad'], "unknown model 'die-hrad'; available: "],
    [['check', 'die-hard', '--variant', 'fixed'], "unknown variant 'fixed'; available: puzzle"],
    [['check', 'die-hard', '--set', 'bigg=5'], "unknown configuration key 'bigg'; available: small, big, goal"],
    [['check', 'die-hard', '--set', 'big=five'], 'big=five: expected a whole number'],
    [['check', 'die-hard', '--property', 'NotSolve'], "unknown property 'NotSolve'; available: TypeOK, NotSolved"],
    [['check', 'die-hard', '--engine', 'bsf'], "argument 'bsf' is invalid. Allowed choices are bfs, dfs, random."],
    [['check', 'die-hard', '--max-depth', 'ten'], "expected a positive whole number, got 'ten'"],
    [['check', 'die-hard', '--colour'], "unknown option '--colour'"],
  ])('exits 2 with a message naming the problem: %j', async (args, message) => {
    const { code, stdout, stderr } = await kripke(...args);
    expect(code).toBe(2);
    expect(stdout + stderr).toContain(message);
  });

  it("follows the spec's checkDeadlock; --deadlock and --no-deadlock override it", async () => {
    expect((await kripke('check', 'ewd840', '--no-liveness')).code).toBe(0); // EWD840.cfg: CHECK_DEADLOCK FALSE
    const on = await kripke('check', 'ewd840', '--deadlock', '--no-liveness');
    expect(on.code).toBe(1);
    expect(on.stdout).toContain('✘ violation: 270 distinct states, 1,710 generated, depth 4'); // TLC's figures at its deadlock
    expect(on.stdout).toContain('Deadlock after 3 steps');
    expect((await kripke('check', 'ewd840', '--no-deadlock', '--no-liveness')).code).toBe(0);
  });

  it('prints a refinement violation with the concrete trace mapped onto the abstract one, and its JSON', async () => {
    const { code, stdout } = await kripke('check', 'two-phase-commit', '--variant', 'commit-on-majority');
    expect(code).toBe(1);
    expect(stdout).toContain("refines property 'ImplementsTCommit' is violated after 6 steps");
    expect(stdout).toContain('    State 3 ← tmRcvPrepared("r1")   ↦ (stutter: the abstract state does not change)');
    expect(stdout).toContain(
      '  the first step with no abstract counterpart is the step into state 7: rmRcvCommitMsg("r1")',
    );
    const json = JSON.parse(
      (await kripke('check', 'two-phase-commit', '--variant', 'commit-on-majority', '--json')).stdout,
    );
    expect(json.violations[0]).toMatchObject({
      property: 'ImplementsTCommit',
      kind: 'refinement',
      abstract: { model: 'transaction-commit', firstUnmatched: 6 },
    });
    expect(json.violations[0].abstract.trace[1]).toEqual({
      counterpart: 'prepare("r1")',
      state: { rmState: { r1: 'prepared', r2: 'working', r3: 'working' } },
    });
  });

  it('checks the model file from the README without a build step (a real process: bin.js registers tsx)', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Your own model'));
    const source = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    expect(source).toBeDefined();
    const dir = join(root, 'tmp', 'readme-example');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'my-counter.ts'), source!);
    const { code, stdout } = kripkeProcess('check', 'tmp/readme-example/my-counter.ts');
    expect(code).toBe(1);
    expect(stdout).toContain("always property 'no lost update' is violated after 4 steps:");
    expect(stdout.match(/← (\S+)/g)).toEqual([
      '← read("alice")',
      '← read("bob")',
      '← write("alice")',
      '← write("bob")',
    ]);
  });

  // The section shows the same model twice: written against views (first), then on the raw words.
  const packedExamples = [
    { style: 'views', eager: ["s.tm !== 'init' || !allPrepared(s)", "s.tm !== 'init'"] },
    { style: 'words', eager: ["tm.get(s) !== 'init' || !allPrepared(s)", "tm.get(s) !== 'init'"] },
  ] as const;
  it.each(packedExamples.map((example, index) => ({ ...example, index })))(
    "checks the README's packed-layout model written on $style, and shows its states decoded in traces",
    async ({ style, eager, index }) => {
      const readme = readFileSync(join(root, 'README.md'), 'utf8');
      const section = readme.slice(readme.indexOf('### Packed state layouts'), readme.indexOf('### Throughput'));
      const source = [...section.matchAll(/```ts\n([\s\S]*?)```/g)][index]?.[1];
      expect(source).toContain(style === 'views' ? 'definePackedSpec(layout' : 'layout,');
      const dir = join(root, 'tmp', `readme-packed-${style}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'tiny-commit.ts'), source!);
      const passing = await kripke('check', `tmp/readme-packed-${style}/tiny-commit.ts`);
      expect(passing.code).toBe(0);
      expect(passing.stdout).toContain('✔ pass: 16 distinct states, 26 generated, depth 8');
      // the same model with the TM free to commit at once: the trace reads in field names
      expect(source).toContain(eager[0]);
      writeFileSync(join(dir, 'eager-commit.ts'), source!.replace(eager[0], eager[1]));
      const failing = await kripke('check', `tmp/readme-packed-${style}/eager-commit.ts`);
      expect(failing.code).toBe(1);
      expect(failing.stdout).toContain("always property 'commit only when all prepared' is violated after 1 step");
      expect(failing.stdout).toContain('    rm = { r1: "working", r2: "working", r3: "working" }\n    tm = "init"');
      expect(failing.stdout).toContain('State 2 ← commit\n    tm: "init" → "committed"');
    },
  );

  it("checks the README's port with an action constraint at TLC's figures, with and without it, and refuses a misspelt fairness argument before the run", async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Action constraints'));
    const source = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    expect(source).toContain('actionConstraint');
    const dir = join(root, 'tmp', 'readme-porting');
    mkdirSync(dir, { recursive: true });
    const run = async (file: string, text: string) => {
      writeFileSync(join(dir, file), text);
      return kripke('check', `tmp/readme-porting/${file}`);
    };
    // TLC, Grid.tla with ACTION_CONSTRAINT ActCon: 15 generated, 8 distinct, depth 5, no error.
    const constrained = await run('grid.ts', source!);
    expect(constrained.code).toBe(0);
    expect(constrained.stdout).toContain('✔ pass: 8 distinct states, 15 generated, depth 5');
    expect(constrained.stdout).toContain('the action constraint excluded 4 steps');
    // TLC without it: "Deadlock reached", 25 generated, 16 distinct, depth 7.
    const free = await run('free.ts', source!.replace(/ {2}actionConstraint:.*\n/, ''));
    expect(free.code).toBe(1);
    expect(free.stdout).toContain('✘ violation: 16 distinct states, 25 generated, depth 7');
    expect(free.stdout).toContain('Deadlock after 6 steps');
    const misspeltSource = source!.replace("weak('inc', 'x')", "weak('inc', 'X')");
    // The type check refuses it first (fairness arguments are typed); without it, the run does.
    const typed = await run('misspelt.ts', misspeltSource);
    expect(typed.code).toBe(2);
    expect(typed.stderr).toMatch(/misspelt\.ts does not type-check/);
    writeFileSync(join(dir, 'misspelt.ts'), misspeltSource);
    const misspelt = await kripke('check', 'tmp/readme-porting/misspelt.ts', '--no-typecheck');
    expect(misspelt.code).toBe(2);
    expect(misspelt.stderr).toContain(
      `weak fairness of 'inc': parameter "X" matches no value of the action's domain; domain: "x", "y"`,
    );
    expect(misspelt.stdout).not.toContain('distinct states'); // refused before the run
  }, 180_000); // four runs of the CLI, three of them type-checking a model file

  it('reports a model file without a spec clearly', async () => {
    const dir = join(root, 'tmp', 'cli-test');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'empty.ts'), 'export const answer = 42;\n');
    const { code, stderr } = await kripke('check', 'tmp/cli-test/empty.ts');
    expect(code).toBe(2);
    expect(stderr).toContain('tmp/cli-test/empty.ts exports no spec (defineSpec) or protocol (defineProtocol)');
  });
});

describe('the kripke process', () => {
  it('prints its version and exits 0', () => {
    const { code, stdout } = kripkeProcess('--version');
    expect(code).toBe(0);
    expect(stdout).toBe(`${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}\n`);
  });

  it('exits 2 on a usage error, with the message and the usage on stderr', () => {
    const { code, stdout, stderr } = kripkeProcess('check', 'die-hard', '--colour');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain("error: unknown option '--colour'");
    expect(stderr).toContain('Usage: kripke check [options] <model>');
  });
});

describe('kripke list', () => {
  it('lists models with configuration, variants and properties', async () => {
    const { code, stdout } = await kripke('list');
    expect(code).toBe(0);
    expect(stdout).toContain('die-hard — ');
    expect(stdout).toContain('  config:     small=3 big=5 goal=4');
    expect(stdout).toContain('  properties: TypeOK (always), NotSolved (always)');
  });
});
