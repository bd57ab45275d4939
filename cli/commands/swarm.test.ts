/**
 * `kripke swarm`: the Kubernetes Indexed Job validates against the Kubernetes API schema (the
 * `kubernetes-models` package: Kubernetes' OpenAPI definitions compiled to validators), and
 * running the manifest's own container command for every index, as the Job controller would
 * (JOB_COMPLETION_INDEX set, the results volume mounted), gives each shard's campaign, which
 * `kripke merge` combines as it promises: shard 1 is the unsharded campaign, walks and coverage
 * add up, and the shortest counterexample of any shard is kept. The GitHub Actions workflow runs
 * the same command per matrix entry.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Job } from 'kubernetes-models/batch/v1';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { check } from '../../checker/check.ts';
import { formatPath } from '../../checker/path.ts';
import type { Shard } from '../../checker/random/options.ts';
import { findProtocol } from '../../model/index.ts';
import { type CliRun, runCli } from '../test-support/run-cli.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(root, 'cli', 'bin.js');
const SHARDS = 3;
const CAMPAIGN = [
  'two-phase-commit',
  '--set',
  'rms=3',
  '--variant',
  'commit-on-majority',
  '--seed',
  '7',
  '--runs',
  '40',
  '--depth',
  '12',
];

/** In-process (test-support/run-cli.ts); the pods and the workflow's step run the manifests' own commands. */
function kripke(...args: string[]) {
  return runCli(args, { cwd: root });
}

interface Container {
  readonly name: string;
  readonly command: string[];
  readonly env: { name: string; value: string }[];
  readonly workingDir: string;
}
interface JobManifest {
  spec: { completions: number; completionMode: string; template: { spec: { containers: Container[] } } };
}

interface ShardJson {
  readonly status: string;
  readonly stats: { coverage: unknown; simulation: { seed: number; runs: number; steps: number; shard: Shard | null } };
  readonly violations?: { property: string; path: string }[];
}

/** What a shard's campaign did (its walks, coverage and counterexamples), from its JSON result. */
function campaignOf(json: ShardJson) {
  const { seed, runs, steps, shard } = json.stats.simulation;
  return {
    status: json.status,
    coverage: json.stats.coverage,
    seed,
    runs,
    steps,
    shard,
    violations: json.violations?.map((v) => [v.property, v.path]),
  };
}

/** The same shard run in this process, as `kripke simulate … --shard i/n` runs it. */
function direct(shard: Shard | undefined) {
  const spec = findProtocol('two-phase-commit').instantiate({ rms: '3' }, 'commit-on-majority');
  const result = check(spec, { engine: 'random', seed: 7, runs: 40, depth: 12, shard });
  const { seed, runs, steps } = result.stats.simulation!;
  const violations =
    result.status === 'violation' ? result.violations.map((v) => [v.property, formatPath(v.path!)]) : undefined;
  return {
    status: result.status,
    coverage: result.stats.coverage,
    seed,
    runs,
    steps,
    shard: shard ?? null,
    violations,
  };
}

describe('kripke swarm', () => {
  const out = mkdtempSync(join(tmpdir(), 'kripke-swarm-test-'));
  let written: CliRun;
  let job: JobManifest;
  beforeAll(async () => {
    written = await kripke(
      'swarm',
      ...CAMPAIGN,
      '--shards',
      String(SHARDS),
      '--out',
      out,
      '--image',
      'ghcr.io/example/models:1',
      '--kripke',
      `node ${BIN}`,
    );
    job = parse(readFileSync(join(out, 'job.yaml'), 'utf8')) as JobManifest;
  });

  it('writes an Indexed Job that the Kubernetes API schema accepts', () => {
    expect(written.code).toBe(0);
    expect(() => new Job(job as unknown as ConstructorParameters<typeof Job>[0]).validate()).not.toThrow();
    expect([job.spec.completionMode, job.spec.completions]).toEqual(['Indexed', SHARDS]);
    // The validator is live: a manifest the API would refuse fails it.
    const broken = { ...job, spec: { ...job.spec, completions: 'three' } };
    expect(() => new Job(broken as unknown as ConstructorParameters<typeof Job>[0]).validate()).toThrow(/completions/);
  });

  it("runs the manifest's command for every index, and merge combines the shards", { timeout: 120_000 }, async () => {
    const container = job.spec.template.spec.containers[0]!;
    const results = mkdtempSync(join(tmpdir(), 'kripke-swarm-results-'));
    const env = Object.fromEntries(container.env.map((e) => [e.name, e.value]));
    const shards = Array.from({ length: SHARDS }, (_, index) => {
      // As the Job controller does: JOB_COMPLETION_INDEX set, the results volume mounted (here: a temporary folder).
      const pod = spawnSync(container.command[0]!, container.command.slice(1), {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, ...env, RESULTS: results, JOB_COMPLETION_INDEX: String(index) },
      });
      expect(pod.status).toBe(0);
      const file = join(results, `shard-${index + 1}.json`);
      expect(JSON.parse(pod.stdout)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
      return file;
    });
    const results1 = shards.map((f) => JSON.parse(readFileSync(f, 'utf8')));
    // Each pod ran exactly its shard of the campaign; shard 1 is the unsharded campaign.
    results1.forEach((r, i) => expect(campaignOf(r)).toEqual(direct({ index: i + 1, count: SHARDS })));
    expect(results1[0].stats.coverage).toEqual(direct(undefined).coverage);
    const merged = await kripke('merge', ...shards, '--json');
    expect(merged.code).toBe(1);
    const report = JSON.parse(merged.stdout);
    expect(report.shards).toEqual({ count: SHARDS, present: [1, 2, 3], missing: [] });
    expect(report.runs).toBe(results1.reduce((n, r) => n + r.stats.simulation.runs, 0));
    expect(report.coverage.map((c: { fired: number }) => c.fired)).toEqual(
      results1[0].stats.coverage.map((_: unknown, a: number) =>
        results1.reduce((n, r) => n + r.stats.coverage[a].fired, 0),
      ),
    );
    const shortest = Math.min(
      ...results1.flatMap((r) => r.violations.map((v: { path: string }) => v.path.split('/').length - 1)),
    );
    expect(report.violations.map((v: { property: string; steps: number }) => [v.property, v.steps])).toEqual([
      ['ImplementsTCommit', shortest],
    ]); // the refinement fails at the same step as TCConsistent
  });

  it('writes a matrix workflow running the same campaign per shard, then merging', { timeout: 60_000 }, () => {
    const workflow = parse(readFileSync(join(out, 'workflow.yml'), 'utf8'));
    expect(workflow.jobs.shard.strategy.matrix.shard).toEqual([1, 2, 3]);
    const step = workflow.jobs.shard.steps.find((s: { run?: string }) => s.run?.includes('simulate'));
    const script = step.run.replaceAll('${{ matrix.shard }}', '2');
    const results = mkdtempSync(join(tmpdir(), 'kripke-swarm-matrix-'));
    const ran = spawnSync('sh', ['-c', script], { cwd: results, encoding: 'utf8' });
    expect(ran.status).toBe(0);
    expect(campaignOf(JSON.parse(readFileSync(join(results, 'shard-2.json'), 'utf8')))).toEqual(
      direct({ index: 2, count: SHARDS }),
    );
    expect(workflow.jobs.merge.steps.at(-1).run).toBe(`node ${BIN} merge shards/*.json`);
  });
});
