/**
 * The published schemas hold what the commands print. Each output is built by the function its
 * command prints, on a real run; one `kripke check --json --out` runs as a user runs it (the
 * command-line program, in-process: test-support/run-cli.ts). Shard files, merge reports and trace files validate too,
 * the schemas refuse what is not an output, and schema/types.ts is what the schemas generate.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { check, type CheckOptions } from '../checker/index.ts';
import { parsePath } from '../checker/path.ts';
import { traceToJson } from '../counterexamples/export-json.ts';
import { traceToItf } from '../counterexamples/itf.ts';
import { readTraceFile } from '../counterexamples/load-trace.ts';
import { replayTrace } from '../counterexamples/replay.ts';
import { buildTrace } from '../counterexamples/trace.ts';
import { modelList } from '../cli/commands/list.ts';
import { mergeShardFiles } from '../cli/commands/merge.ts';
import { replayJson } from '../cli/commands/replay.ts';
import { pathReplayJson } from '../cli/commands/simulate.ts';
import { replayPath } from '../checker/random/replay.ts';
import { loadModel } from '../cli/load-model.ts';
import { runCli } from '../cli/test-support/run-cli.ts';
import { resultJson } from '../cli/report.ts';
import { simulationJson } from '../cli/simulation-report.ts';
import { compareVariants, comparisonJson } from '../cli/workflows/compare.ts';
import { diffJson, diffModels } from '../cli/workflows/diff.ts';
import { sweep, sweepJson } from '../cli/workflows/sweep.ts';
import { schemaTypes } from './generate-types.ts';
import { validatorFor } from './validate.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(join(tmpdir(), 'kripke-schema-'));
const VERSION = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const PAXOS_BUG = '0/1:0/0:0/0:0/0:2/0:1/0:2/1:0/0:10/0:3/0:12/0:4/0:11/0:14/2:1/3:0/0:9';

function errorsOf(schema: string, value: unknown): unknown {
  const validate = validatorFor(schema);
  return validate(JSON.parse(JSON.stringify(value))) ? null : validate.errors;
}

/** A model whose action throws: `check` reports a model error. */
function throwingModel(): string {
  const file = join(out, 'throws.ts');
  writeFileSync(
    file,
    `import { defineSpec } from '${join(root, 'spec', 'index.ts')}';
export default defineSpec({ name: 'throws', init: () => [0], actions: { up: { next: (n: number) => { if (n === 1) throw new Error('no'); return n + 1; } } } });\n`,
  );
  return file;
}

async function checkJson(model: string, { variant, ...options }: CheckOptions & { variant?: string } = {}) {
  const loaded = await loadModel(model, { settings: {}, variant });
  return resultJson(check(loaded.spec, options), loaded, {});
}

async function simulateJson(model: string, { variant, ...options }: CheckOptions & { variant?: string }) {
  const loaded = await loadModel(model, { settings: {}, variant });
  return simulationJson(check(loaded.spec, { engine: 'random', ...options }), {
    model: loaded,
    settings: {},
    checkFlags: [],
  });
}

describe('every --json output validates against its published schema', () => {
  it('kripke check --json, as a user runs it, and the trace.json it writes', async () => {
    const run = await runCli(['check', 'die-hard', '--json', '--no-progress', '--out', out], { cwd: root });
    expect(run.code, run.stderr).toBe(1);
    expect(errorsOf('check-result', JSON.parse(run.stdout))).toBeNull();
    expect(errorsOf('trace', JSON.parse(readFileSync(join(out, 'NotSolved', 'trace.json'), 'utf8')))).toBeNull();
    expect(
      errorsOf('itf-trace', JSON.parse(readFileSync(join(out, 'NotSolved', 'trace.itf.json'), 'utf8'))),
    ).toBeNull();
  });

  it('check: pass, lasso, incomplete, model error (check-result)', async () => {
    const results = [
      await checkJson('two-phase-commit'),
      await checkJson('allocator', { variant: 'weak-allocation' }),
      await checkJson('two-phase-commit', { maxDepth: 3 }),
      await checkJson(throwingModel()),
    ];
    expect(results.map((r) => (r as { status: string }).status)).toEqual(['pass', 'violation', 'incomplete', 'error']);
    for (const result of results) expect(errorsOf('check-result', result)).toBeNull();
  });

  it('simulate: a shrunk violation, and the shards of a swarm merged (simulate-result, merge-report)', async () => {
    const violation = await simulateJson('credit-flow', { variant: 'off-by-one', seed: 42 });
    expect(errorsOf('simulate-result', violation)).toBeNull();
    const files = await Promise.all(
      [1, 2].map(async (index) => {
        const shard = await simulateJson('two-phase-commit', { seed: 7, runs: 200, shard: { index, count: 2 } });
        expect(errorsOf('simulate-result', shard)).toBeNull();
        const file = join(out, `shard-${index}.json`);
        writeFileSync(file, JSON.stringify(shard));
        return file;
      }),
    );
    const { report } = mergeShardFiles(files);
    expect(report.shards).toEqual({ count: 2, present: [1, 2], missing: [] });
    expect(errorsOf('merge-report', report)).toBeNull();
  });

  it('list (list-result)', async () => {
    expect(errorsOf('list-result', await modelList())).toBeNull();
  });

  it('replay: reproduced and diverged (replay-result)', async () => {
    const saved = await readTraceFile(join(out, 'NotSolved', 'trace.json'));
    const same = await loadModel('die-hard', { settings: {}, variant: undefined });
    const bigger = await loadModel('die-hard', { settings: { big: '6' }, variant: undefined });
    const against = (settings: Record<string, string>) => ({
      model: 'die-hard',
      reference: 'die-hard',
      variant: null,
      settings,
    });
    const outcomes = [
      replayJson(replayTrace(same.spec, saved), against({})),
      replayJson(replayTrace(bigger.spec, saved), against({ big: '6' })),
    ];
    expect(outcomes.map((o) => o.status)).toEqual(['reproduced', 'diverged']);
    for (const outcome of outcomes) expect(errorsOf('replay-result', outcome)).toBeNull();
  });

  it('simulate --replay: clean and violated (simulate-replay-result)', async () => {
    const { spec } = await loadModel('die-hard', { settings: {}, variant: undefined });
    const outcomes = [
      pathReplayJson(replayPath(spec, '0/1:0')),
      pathReplayJson(replayPath(spec, '0/1:0/5:0/2:0/5:0/1:0/5:0')),
    ];
    expect(outcomes.map((o) => o.status)).toEqual(['clean', 'violation']);
    for (const outcome of outcomes) expect(errorsOf('simulate-replay-result', outcome)).toBeNull();
  });

  it('compare, sweep, diff (compare-result, sweep-result, diff-result)', async () => {
    // Both run their checks in child processes: at once, to take half the time.
    const [comparison, swept] = await Promise.all([
      compareVariants('die-hard', { cores: 1 }),
      sweep('two-phase-commit', { key: 'rms', values: ['2', '3'] }),
    ]);
    expect(errorsOf('compare-result', comparisonJson(comparison))).toBeNull();
    expect(swept.points.map((p) => p.distinct)).toEqual([56, 288]);
    expect(errorsOf('sweep-result', sweepJson(swept))).toBeNull();
    const diff = diffJson(
      await diffModels({
        a: { model: 'two-phase-commit', variant: 'correct' },
        b: { model: 'two-phase-commit', variant: 'commit-on-majority' },
      }),
    );
    expect(diff).toMatchObject({ directions: [{ status: 'included' }, { status: 'differs' }] });
    expect(errorsOf('diff-result', diff)).toBeNull();
  });

  it("a lasso's trace.json (trace)", async () => {
    const allocator = await loadModel('allocator', { settings: {}, variant: 'weak-allocation' });
    const trace = buildTrace(allocator.spec, parsePath('0/0:0/0:3/1:3/2:1'), {
      property: 'ClientsWillObtain',
      instance: 'c1, r1',
      loop: 1,
    });
    expect(errorsOf('trace', traceToJson(trace, { reference: 'allocator', kind: 'liveness' }))).toBeNull();
    expect(errorsOf('itf-trace', traceToItf(trace, { reference: 'allocator', kind: 'liveness' }))).toBeNull();
  });

  it("Paxos's ITF, with its nulls (itf-trace); ITF's schema refuses what ADR-015 has no form for", async () => {
    const paxos = await loadModel('paxos', { settings: {}, variant: 'volatile-promise' });
    const itf = traceToItf(buildTrace(paxos.spec, parsePath(PAXOS_BUG), { property: 'agreement' }), {
      reference: 'paxos',
    }) as { states: Record<string, unknown>[] };
    expect(errorsOf('itf-trace', itf)).toBeNull();
    const withState = (value: unknown) => ({ ...itf, states: [{ ...itf.states[0], extra: value }] });
    expect(errorsOf('itf-trace', withState({ '#tup': [] }))).toBeNull();
    for (const bad of [0.5, null, { '#bigint': '1.5' }, { '#meta2': 1 }])
      expect(errorsOf('itf-trace', withState(bad)), JSON.stringify(bad)).not.toBeNull();
  });
});

describe('the schemas say no to what is not an output', () => {
  let result: Record<string, unknown>;
  beforeAll(async () => {
    result = (await checkJson('die-hard')) as unknown as Record<string, unknown>;
  });

  it('a missing field, an unknown field, a wrong type, an unknown status', () => {
    const { stats: _, ...noStats } = result;
    expect(errorsOf('check-result', noStats)).not.toBeNull();
    expect(errorsOf('check-result', { ...result, extra: 1 })).not.toBeNull();
    expect(errorsOf('check-result', { ...result, variant: 3 })).not.toBeNull();
    expect(errorsOf('check-result', { ...result, status: 'maybe' })).not.toBeNull();
    expect(errorsOf('simulate-result', result)).not.toBeNull(); // a check result is not a simulation's
  });

  it('the format version is 1; the Kripke version is its own field, and required', () => {
    expect(result).toMatchObject({ version: 1, kripkeVersion: VERSION });
    expect(errorsOf('check-result', { ...result, version: '0.2.0' })).not.toBeNull();
    expect(errorsOf('check-result', { ...result, version: 2 })).not.toBeNull();
    const { kripkeVersion: _, ...unversioned } = result;
    expect(errorsOf('check-result', unversioned)).not.toBeNull();
  });
});

describe('schema/types.ts', () => {
  it('is generated from the schemas (npm run schemas)', async () => {
    expect(readFileSync(join(root, 'schema', 'types.ts'), 'utf8')).toBe(await schemaTypes());
  });
});
