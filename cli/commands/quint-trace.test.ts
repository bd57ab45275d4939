/**
 * Quint's traces in Kripke: `quint run --mbt` (Quint's own CLI, offline with its TypeScript
 * backend) writes traces of bench/quint/two_phase_commit.qnt; `kripke replay` re-executes them on
 * the Kripke model of that spec, taking each step's action from `mbt::actionTaken` and its
 * parameter from `mbt::nondetPicks`, and `kripke render` draws them with those actions.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../../counterexamples/json-value.ts';
import { readTraceFile } from '../../counterexamples/load-trace.ts';
import { mbtAction } from '../../counterexamples/quint-mbt.ts';
import { replayTrace } from '../../counterexamples/replay.ts';
import { savedToTrace } from '../../counterexamples/saved-trace.ts';
import { renderTraceText } from '../../counterexamples/text.ts';
import { loadModel } from '../load-model.ts';
import { runCli } from '../test-support/run-cli.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const QUINT = join(root, 'node_modules', '@informalsystems', 'quint', 'dist', 'src', 'cli.js');
const SPEC = join(root, 'bench', 'quint', 'two_phase_commit.qnt');
const MODEL = join(root, 'bench', 'quint', 'two_phase_commit.ts');
const dir = mkdtempSync(join(tmpdir(), 'kripke-quint-'));
const traces = [0, 1, 2].map((i) => join(dir, `trace_${i}.itf.json`));

function kripke(...args: string[]) {
  return runCli(args, { cwd: root, env: { NO_COLOR: '1' } });
}

interface QuintState {
  [key: string]: unknown;
  'mbt::actionTaken': string;
  'mbt::nondetPicks': { rm: { tag: string; value: unknown } };
}

describe("Quint's --mbt traces", () => {
  beforeAll(() => {
    const run = spawnSync(
      process.execPath,
      [
        QUINT,
        'run',
        '--backend',
        'typescript',
        '--mbt',
        '--max-samples',
        '20',
        '--n-traces',
        '3',
        '--max-steps',
        '12',
        '--seed',
        '0x1f',
        '--invariant',
        'invariant',
        '--out-itf',
        join(dir, 'trace_{seq}.itf.json'),
        SPEC,
      ],
      { encoding: 'utf8' },
    );
    expect(run.status, run.stdout + run.stderr).toBe(0);
  });

  it('replay against the Kripke model of the Quint spec: kripke replay exits 0', async () => {
    const states = (JSON.parse(readFileSync(traces[0]!, 'utf8')) as { states: QuintState[] }).states;
    expect(states[1]!['mbt::nondetPicks']).toHaveProperty('rm'); // Quint's own format, not ours
    const replayed = await kripke('replay', traces[0]!, MODEL);
    expect(replayed.code, replayed.stderr).toBe(0);
    expect(replayed.stdout).toMatch(
      /^Replaying .*trace_0\.itf\.json against two_phase_commit\.qnt \(.*two_phase_commit\.ts\)\n/,
    );
    expect(replayed.stdout).toContain(
      `✔ replays all ${states.length - 1} steps: the trace replays (it names no property to re-check)\n`,
    );
  });

  it('replay step by step, each action and pick matched (in-process, every trace)', async () => {
    const { spec } = await loadModel(MODEL, { settings: {}, variant: undefined });
    for (const file of traces) {
      const saved = await readTraceFile(file);
      const result = replayTrace(spec, saved);
      expect(result.status, JSON.stringify(result)).toBe('reproduced');
      if (result.status !== 'reproduced') continue;
      const quint = (JSON.parse(readFileSync(file, 'utf8')) as { states: QuintState[] }).states;
      expect(result.trace.steps.slice(1).map((s) => s.action!.name)).toEqual(
        quint.slice(1).map((s) => s['mbt::actionTaken']),
      );
    }
  });

  it('name the step whose pick the model does not follow', async () => {
    const json = JSON.parse(readFileSync(traces[0]!, 'utf8')) as { states: QuintState[] };
    const step = json.states.findIndex((s, i) => i > 0 && s['mbt::actionTaken'] === 'rmPrepare');
    const pick = json.states[step]!['mbt::nondetPicks'].rm;
    pick.value = pick.value === 'r1' ? 'r2' : 'r1';
    const edited = join(dir, 'edited.itf.json');
    writeFileSync(edited, JSON.stringify(json));
    const result = replayTrace(
      (await loadModel(MODEL, { settings: {}, variant: undefined })).spec,
      await readTraceFile(edited),
    );
    expect(result).toMatchObject({ status: 'diverged', divergence: { step } });
    if (result.status === 'diverged') expect(result.divergence.action).toBe(`rmPrepare("${String(pick.value)}")`);
  });

  it('render with the action and parameter of each step', async () => {
    const json = JSON.parse(readFileSync(traces[1]!, 'utf8')) as { states: QuintState[] };
    const text = renderTraceText(savedToTrace(await readTraceFile(traces[1]!)), { color: false });
    json.states.slice(1).forEach((s, i) => {
      const pick = s['mbt::nondetPicks'].rm;
      const label = pick.tag === 'Some' ? `${s['mbt::actionTaken']}("${String(pick.value)}")` : s['mbt::actionTaken'];
      expect(text).toContain(`State ${i + 2} ← ${label}\n`);
    });
  });
});

describe('nondet picks as a parameter', () => {
  const some = (value: Json) => ({ tag: 'Some', value });
  const none = { tag: 'None', value: { '#tup': [] } };
  it('none made: no parameter; one: its value; several: a record of them by name', () => {
    expect(mbtAction({ 'mbt::actionTaken': 'tick', 'mbt::nondetPicks': { rm: none } })).toEqual({
      name: 'tick',
      label: 'tick',
      param: undefined,
    });
    expect(mbtAction({ 'mbt::actionTaken': 'send', 'mbt::nondetPicks': { rm: some('r1'), v: none } })).toEqual({
      name: 'send',
      label: 'send("r1")',
      param: 'r1',
      encodedParam: 'r1',
    });
    expect(
      mbtAction({ 'mbt::actionTaken': 'send', 'mbt::nondetPicks': { to: some('b'), n: some({ '#bigint': '2' }) } }),
    ).toMatchObject({ label: 'send({ to: "b", n: 2 })', param: { to: 'b', n: 2 } });
    expect(mbtAction({ x: 1 })).toBeUndefined();
  });
});
