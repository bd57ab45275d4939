import { describe, expect, it } from 'vitest';
import { parsePath } from '../checker/path.ts';
import { dieHardSpec } from '../model/die-hard/die-hard.ts';
import { traceFromJson, traceToJson } from './export-json.ts';
import { clockSpec, miniCommitSpec } from './fixture-specs.ts';
import { decodeItfValue, encodeItfValue, traceFromItf, traceToItf } from './itf.ts';
import type { Json } from './json-value.ts';
import { parseTrace, readTraceFile } from './load-trace.ts';
import { savedToTrace } from './saved-trace.ts';
import { buildTrace } from './trace.ts';

const commitTrace = () => buildTrace(miniCommitSpec(), parsePath('0/0:0/1:0/2:0/3:1'), { property: 'consistent' });
const lassoTrace = () => buildTrace(clockSpec(), parsePath('0/0:0/0:0/0:0/0:0'), { property: 'reaches five', loop: 1 });
const viaText = (json: Json) => JSON.parse(JSON.stringify(json)) as Json;

describe('Kripke JSON trace files', () => {
  it('records model, configuration, property, path and every step, and reads back the same states', () => {
    const json = traceToJson(commitTrace(), { reference: 'mini-commit', settings: { rms: '2' }, kind: 'invariant' });
    expect(json).toMatchObject({
      format: 'kripke-trace',
      version: 1,
      model: 'mini-commit',
      variant: null,
      settings: { rms: '2' },
      property: 'consistent',
      kind: 'invariant',
      path: '0/0:0/1:0/2:0/3:1',
      loop: null,
    });
    const steps = (json as { steps: Json[] }).steps;
    expect(steps[1]).toEqual({
      index: 1,
      action: { name: 'prepare', label: 'prepare("a")', param: 'a', paramIndex: 0 },
      state: { rm: { a: 'prepared', b: 'working' }, tm: 'init', msgs: { '#set': ['prepared:a'] } },
    });
    const saved = traceFromJson(viaText(json));
    expect(saved.steps.map((s) => s.state)).toEqual(commitTrace().steps.map((s) => s.state));
    expect(saved.steps[4]?.action).toMatchObject({ name: 'rmAbort', label: 'rmAbort("b")', param: 'b' });
    expect(saved.path).toEqual(parsePath('0/0:0/1:0/2:0/3:1'));
  });

  it('keeps the loop of a lasso', () => {
    const saved = parseTrace(JSON.stringify(traceToJson(lassoTrace())), 't.json');
    expect(saved.loop).toBe(1);
    expect(savedToTrace(saved).loop).toBe(1);
  });

  it('rejects files that are not traces with the file named', async () => {
    expect(() => parseTrace('{', 'bad.json')).toThrow(/bad\.json: not JSON/);
    expect(() => parseTrace('{"format":"kripke-trace","version":1,"model":"m","steps":[]}', 'e.json')).toThrow(
      /e\.json: needs "model" and a non-empty "steps"/,
    );
    expect(() => parseTrace('{"format":"kripke-trace","version":9,"model":"m","steps":[]}', 'v.json')).toThrow(
      /version 9 is newer/,
    );
    await expect(readTraceFile('/nonexistent/t.json')).rejects.toThrow(/\/nonexistent\/t\.json: cannot read the file/);
    expect(() => parseTrace('[1, 2]', 'list.json')).toThrow(/list\.json: neither a Kripke trace/);
  });
});

describe('ITF (Informal Trace Format of Apalache and Quint)', () => {
  it('writes #meta, vars, states with #meta.index, integers as #bigint, sets as #set', () => {
    const trace = buildTrace(dieHardSpec(), parsePath('0/1:0/5:0'), { property: 'NotSolved' });
    const itf = traceToItf(trace, { reference: 'die-hard', variant: 'puzzle' }) as Record<string, Json>;
    expect(itf['#meta']).toMatchObject({
      format: 'ITF',
      source: 'die-hard',
      kripke: { model: 'die-hard', variant: 'puzzle', property: 'NotSolved', path: '0/1:0/5:0' },
    });
    expect(itf.vars).toEqual(['small', 'big']);
    expect((itf.states as Json[])[1]).toEqual({
      '#meta': { index: 1, action: 'fillBig', 'kripke:action': { name: 'fillBig', param: null, paramIndex: 0 } },
      small: { '#bigint': '0' },
      big: { '#bigint': '5' },
    });
    expect(itf).not.toHaveProperty('loop');
    expect(traceToItf(lassoTrace())).toHaveProperty('loop', 1);
  });

  it('round-trips every kind of value', () => {
    const value = {
      n: 3,
      big: 12345678901234567890n,
      s: 'x',
      b: true,
      nil: null,
      list: [1, [2]],
      set: new Set(['b', 'a']),
      map: new Map<unknown, unknown>([[{ id: 1 }, new Set([2])]]),
    };
    const json = encodeItfValue(value);
    expect(json).toMatchObject({
      n: { '#bigint': '3' },
      big: { '#bigint': '12345678901234567890' },
      nil: { '#tup': [] },
      set: { '#set': ['a', 'b'] },
      map: { '#map': [[{ id: { '#bigint': '1' } }, { '#set': [{ '#bigint': '2' }] }]] },
    });
    expect(decodeItfValue(viaText(json))).toEqual(value);
    expect(decodeItfValue({ '#tup': [{ '#bigint': '1' }, 'a'] })).toEqual([1, 'a']);
    expect(decodeItfValue({ '#unserializable': 'null' })).toBeNull(); // how older Kripke files wrote null
  });

  it("reads another tool's ITF trace (no Kripke metadata) for rendering", () => {
    const quint = {
      '#meta': { format: 'ITF', source: 'counter.qnt' },
      vars: ['x', 'mbt::actionTaken'],
      states: [
        { '#meta': { index: 0 }, x: { '#bigint': '0' }, 'mbt::actionTaken': 'init' },
        { '#meta': { index: 1 }, x: { '#bigint': '1' }, 'mbt::actionTaken': 'step' },
      ],
    };
    const saved = parseTrace(JSON.stringify(quint), 'q.itf.json');
    expect(saved).toMatchObject({ format: 'itf', model: 'counter.qnt', path: undefined });
    const trace = savedToTrace(saved);
    expect(trace.steps[1]?.action?.label).toBe('step');
    expect(trace.steps[1]?.changes.map((c) => c.path)).toEqual([['x']]);
  });

  it('reads back what it wrote: states, actions, path, loop', () => {
    const saved = traceFromItf(viaText(traceToItf(lassoTrace(), { kind: 'liveness' })));
    expect(saved.steps.map((s) => s.state)).toEqual(lassoTrace().steps.map((s) => s.state));
    expect(saved).toMatchObject({ model: 'clock', property: 'reaches five', kind: 'liveness', loop: 1 });
    expect(saved.steps[2]?.action).toMatchObject({ name: 'tick', label: 'tick' });
  });
});
