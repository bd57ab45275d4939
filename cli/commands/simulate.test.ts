/**
 * `kripke simulate` and `kripke merge` as users and CI see them: exit codes, the reproduce line
 * (which must actually reproduce), JSON, and shards merged into one report: the program run
 * in-process (test-support/run-cli.ts); shard files are written by the modules themselves.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check } from '../../checker/check.ts';
import { creditFlow } from '../../model/credit-flow/credit-flow.ts';
import { simulationJson } from '../simulation-report.ts';
import { mergeShardFiles } from './merge.ts';
import { durationArgument } from './simulate.ts';
import { runCli } from '../test-support/run-cli.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const seventeenSends = `0${'/0:0'.repeat(17)}`;

function kripke(...args: string[]) {
  return runCli(args, { cwd: root, env: { NO_COLOR: '1' } });
}

describe('kripke simulate', () => {
  it('finds the bug BFS cannot reach, shrinks it, and prints a reproduce line that reproduces it', async () => {
    const { code, stdout } = await kripke(
      'simulate',
      'credit-flow',
      '--variant',
      'off-by-one',
      '--seed',
      '42',
      '--no-progress',
    );
    expect(code).toBe(1);
    expect(stdout).toContain('Simulating credit-flow, variant off-by-one (10,000 walks of up to 100 steps, seed 42)');
    expect(stdout).toContain("✘ violation: always property 'NoOverflow' is violated");
    expect(stdout).toContain('found in walk 1 after 33 steps; shrunk to 17 steps');
    expect(stdout).toContain(`path: ${seventeenSends}`);
    const line = /reproduce: (.*)/.exec(stdout)?.[1];
    expect(line).toBe(`kripke simulate credit-flow --variant off-by-one --seed 42 --replay ${seventeenSends}`);
    const again = await kripke(...line!.split(' ').slice(1));
    expect(again.code).toBe(1);
    expect(again.stdout).toContain("✘ violation: always property 'NoOverflow' is violated after 17 steps");
    expect(again.stdout).toContain('State 18 ← send(1)');
  });

  it('exits 0 with coverage when no walk fails, and prints how to rerun the campaign', async () => {
    const { code, stdout } = await kripke(
      'simulate',
      'die-hard',
      '--property',
      'TypeOK',
      '--seed',
      '5',
      '--runs',
      '200',
      '--depth',
      '30',
      '--no-progress',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('✔ no violation in 200 walks of up to 30 steps');
    expect(stdout).toContain('reproduce: kripke simulate die-hard --property TypeOK --seed 5 --depth 30 --runs 200');
    expect(stdout).toMatch(
      /200 walks, 5,971 steps \([\d,]+ steps\/s\), [\d.]+ s in all; deepest walk 30 steps, 13 distinct states seen\n/,
    );
    expect(stdout).toMatch(/fillSmall +1,039 +2\n/);
  });

  it('refuses a bad shard or a path that does not fit the model with exit 2, naming the problem', async () => {
    const shard = await kripke('simulate', 'die-hard', '--shard', '5/4');
    expect(shard.code).toBe(2);
    expect(shard.stderr).toContain(
      "option '--shard <i/n>' argument '5/4' is invalid. shard 5/4: expected i/n with 1 ≤ i ≤ n",
    );
    const replay = await kripke('simulate', 'credit-flow', '--replay', '0/1:0');
    expect(replay.code).toBe(2);
    expect(replay.stderr).toContain(
      "[invalid-trace] step 1: action 'deliver' with parameter #0 is not enabled in the state before it",
    );
  });

  it('reads --time as a duration', () => {
    expect([
      durationArgument('60s'),
      durationArgument('5m'),
      durationArgument('1500ms'),
      durationArgument('2'),
    ]).toEqual([60_000, 300_000, 1500, 2000]);
    expect(() => durationArgument('soon')).toThrow("expected a duration like 60s, 5m or 1500ms, got 'soon'");
  });
});

describe('kripke merge', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kripke-merge-'));
  /** Writes what `kripke simulate credit-flow --seed 7 --runs 50 --depth 40 --shard i/3 --json` prints. */
  const shard = (index: number, variant = 'off-by-one') => {
    const model = {
      spec: creditFlow.instantiate({}, variant),
      protocol: creditFlow,
      variant,
      reference: 'credit-flow',
    };
    const result = check(model.spec, { engine: 'random', seed: 7, runs: 50, depth: 40, shard: { index, count: 3 } });
    const file = join(dir, `${variant}-${index}.json`);
    writeFileSync(file, JSON.stringify(simulationJson(result, { model, settings: {}, checkFlags: [] })));
    return file;
  };
  const [one, two, foreign] = [shard(1), shard(2), shard(3, 'correct')];

  it('merges shards of one campaign, keeping the shortest counterexample per property', async () => {
    const { code, stdout } = await kripke('merge', one, two);
    expect(code).toBe(1);
    expect(stdout).toContain(
      'Merged 2 of 3 shards of credit-flow, variant off-by-one (campaign seed 7, walks of up to 40 steps)',
    );
    expect(stdout).toContain('missing shards: 3/3');
    expect(stdout).toMatch(/✘ violation: 'NoOverflow' \(invariant\), shortest in shard [12]\/3: 17 steps/);
    expect(stdout).toContain(
      `reproduce: kripke simulate credit-flow --variant off-by-one --seed 7 --replay ${seventeenSends}`,
    );
    const { report } = mergeShardFiles([one, two]);
    expect(report.shards).toEqual({ count: 3, present: [1, 2], missing: [3] });
    expect(report.violations.map((v) => [v.property, v.steps])).toEqual([['NoOverflow', 17]]);
    expect(report.coverage.reduce((sum, c) => sum + c.fired, 0)).toBe(report.steps);
  });

  it('refuses files from different campaigns, the same shard twice, or other JSON', () => {
    expect(() => mergeShardFiles([one, foreign])).toThrow('variant correct ≠ off-by-one');
    expect(() => mergeShardFiles([one, one])).toThrow('are both shard 1');
    const other = join(dir, 'other.json');
    writeFileSync(other, '{"version":1}');
    expect(() => mergeShardFiles([other])).toThrow('is not a result of `kripke simulate --json` (version 1)');
  });
});
