/**
 * Traces of a packed spec: each step keeps the words (what replay, properties and explanations
 * read) and shows them decoded; saved files keep both, and replay them — on the packed spec, and
 * on the object spec whose states the words decode into.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../checker/check.ts';
import { parsePath } from '../checker/path.ts';
import { renderArtifacts } from './artifacts.ts';
import { explainViolation } from './explain.ts';
import { traceToJson } from './export-json.ts';
import { miniCommitSpec, packedCommitSpec } from './fixture-specs.ts';
import { traceToItf } from './itf.ts';
import type { Json } from './json-value.ts';
import { parseTrace } from './load-trace.ts';
import { replayTrace } from './replay.ts';
import { buildTrace } from './trace.ts';

const PATH = parsePath('0/0:0/1:0/2:0/3:1');
const packedTrace = () => buildTrace(packedCommitSpec(), PATH, { property: 'consistent' });
const objectTrace = () => buildTrace(miniCommitSpec(), PATH, { property: 'consistent' });
const context = { kind: 'invariant' };
const saved = (json: Json, file = 'trace.json') => parseTrace(JSON.stringify(json), file);
const savedJson = (edit: (json: any) => void = () => {}) => {
  const json = JSON.parse(JSON.stringify(traceToJson(packedTrace(), context)));
  edit(json);
  return saved(json);
};

describe('a packed trace', () => {
  it('keeps the words as its states and shows them as the object spec shows its states', () => {
    const trace = packedTrace();
    expect(trace.packed).toBe(true);
    expect(trace.steps.map((s) => s.state)).toEqual([
      [0, 0, 0, 0],
      [1, 0, 0, 1],
      [1, 0, 1, 5],
      [2, 0, 1, 5],
      [2, 3, 1, 5],
    ]);
    expect(trace.steps.map((s) => s.shown)).toEqual(objectTrace().steps.map((s) => s.state));
    expect(trace.steps.map((s) => s.changes)).toEqual(objectTrace().steps.map((s) => s.changes));
  });

  it('is found by the checker and explained on its words', () => {
    const packed = check(packedCommitSpec()),
      object = check(miniCommitSpec());
    expect(packed.status === 'violation' && packed.violations[0]!.path).toEqual(
      object.status === 'violation' && object.violations[0]!.path,
    );
    expect(explainViolation(packedCommitSpec(), packedTrace())).toBe(
      'a committed and an aborted resource manager, in words 2 3 1 5',
    );
  });

  it('renders every picture exactly as the object spec’s trace, and saves the words beside the shown states', async () => {
    const packed = await renderArtifacts(packedTrace(), context, 'trace.json', packedCommitSpec());
    // The two specs' own explanations differ (the packed one prints its words); all else must agree.
    const objectWithPackedExplanation = {
      ...objectTrace(),
      why: { ...objectTrace().why!, explanation: packedTrace().why!.explanation! },
    };
    const object = await renderArtifacts(objectWithPackedExplanation, context, 'trace.json', miniCommitSpec());
    expect([...packed.keys()]).toEqual([
      'trace.json',
      'trace.itf.json',
      'trace.dot',
      'trace.svg',
      'states.svg',
      'report.html',
    ]);
    for (const file of ['trace.dot', 'trace.svg', 'states.svg', 'report.html'])
      expect(packed.get(file), file).toBe(object.get(file));
    const json = JSON.parse(packed.get('trace.json')!);
    expect(json.steps.map((s: { words: number[] }) => s.words)).toEqual(packedTrace().steps.map((s) => s.state));
    const withoutWords = { ...json, steps: json.steps.map(({ words: _words, ...step }: { words: unknown }) => step) };
    expect(withoutWords).toEqual(JSON.parse(object.get('trace.json')!));
    const itf = JSON.parse(packed.get('trace.itf.json')!);
    expect(itf.states[4]['#meta']['kripke:words']).toEqual([2, 3, 1, 5]);
    expect(itf.vars).toEqual(['rm', 'tm', 'msgs']);
  });
});

describe('replay of a saved packed trace', () => {
  it('reproduces the violation from Kripke JSON and from ITF, re-checking the property on the words', () => {
    expect(replayTrace(packedCommitSpec(), savedJson())).toMatchObject({
      status: 'reproduced',
      verdict: "'consistent' is still violated",
    });
    const itf = replayTrace(packedCommitSpec(), saved(traceToItf(packedTrace(), context), 'trace.itf.json'));
    expect(itf).toMatchObject({ status: 'reproduced', trace: { packed: true, path: PATH } });
    if (itf.status === 'reproduced') expect(itf.trace.steps.at(-1)!.state).toEqual([2, 3, 1, 5]);
  });

  it('compares words, naming the shown fields that differ', () => {
    const edited = savedJson((json) => {
      json.steps[3].words = [2, 3, 1, 5];
      json.steps[3].state.rm.b = 'aborted';
    });
    expect(replayTrace(packedCommitSpec(), edited)).toMatchObject({
      status: 'diverged',
      divergence: {
        step: 3,
        action: 'rmCommit("a")',
        reason: 'different-state',
        message: 'rmCommit("a") now leads to a different state (1 field differs)',
        differences: [{ path: ['rm', 'b'], before: 'aborted', after: 'working' }],
      },
    });
  });

  it('names the words that differ when the shown fields are equal (a changed layout)', () => {
    const edited = savedJson((json) => {
      json.steps[0].words = [0, 0, 0, 8];
    });
    expect(replayTrace(packedCommitSpec(), edited)).toMatchObject({
      status: 'diverged',
      divergence: {
        step: 0,
        reason: 'initial-state',
        differences: [{ path: ['(words)', 3], before: 8, after: 0 }],
      },
    });
  });

  it('replays a file without words (as written before they were saved) by its shown states', () => {
    const old = savedJson((json) => {
      for (const step of json.steps) delete step.words;
    });
    expect(old.packed).toBe(false);
    expect(replayTrace(packedCommitSpec(), old).status).toBe('reproduced');
  });

  it('replays a packed trace on the object spec, and an object trace on the packed spec', () => {
    expect(replayTrace(miniCommitSpec(), savedJson()).status).toBe('reproduced');
    const objectFile = saved(traceToJson(objectTrace(), context));
    expect(replayTrace(packedCommitSpec(), objectFile)).toMatchObject({
      status: 'reproduced',
      trace: { packed: true },
    });
    expect(replayTrace(packedCommitSpec(true), savedJson())).toMatchObject({
      status: 'diverged',
      divergence: { step: 2, reason: 'not-enabled' },
    });
  });

  it('rejects words that are not integers, or on some steps only', () => {
    expect(() =>
      savedJson((json) => {
        json.steps[1].words = ['a'];
      }),
    ).toThrow('trace.json: step 1: "words" must be an array of integers (a packed state)');
    expect(() =>
      savedJson((json) => {
        delete json.steps[1].words;
      }),
    ).toThrow('trace.json: 4 of 5 steps have "words": a packed trace has them on every step');
  });
});
