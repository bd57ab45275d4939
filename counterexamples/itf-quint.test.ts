/**
 * Kripke's ITF as another tool reads it: Quint's own ITF reader (`ofItfNormalized`, which turns
 * every value into a Quint runtime value and rejects what it cannot hold) reads Kripke's Paxos,
 * Raft and lasso counterexamples; values ITF cannot hold are refused, naming the field.
 */
import { ofItf, ofItfNormalized } from '@informalsystems/quint/dist/src/itf.js';
import { expressionToString } from '@informalsystems/quint/dist/src/ir/IRprinting.js';
import { describe, expect, it } from 'vitest';
import { check } from '../checker/index.ts';
import { parsePath } from '../checker/path.ts';
import { protocols } from '../model/index.ts';
import { renderArtifacts } from './artifacts.ts';
import type { Json } from './json-value.ts';
import { encodeItfValue, traceFromItf, traceToItf } from './itf.ts';
import { buildTrace } from './trace.ts';

const PAXOS_BUG = '0/1:0/0:0/0:0/0:2/0:1/0:2/1:0/0:10/0:3/0:12/0:4/0:11/0:14/2:1/3:0/0:9';
const spec = (name: string, variant?: string) => protocols.find((p) => p.name === name)!.instantiate({}, variant);
const viaText = (json: Json) => JSON.parse(JSON.stringify(json)) as Json;
// Quint's reader is typed by its own ITF types; Kripke's JSON is the same JSON.
const quintStates = (itf: Json) => ofItfNormalized(itf as never).map((e) => expressionToString(e));

describe("Quint's ITF reader reads Kripke's traces", () => {
  it("reads the Paxos counterexample (null ballots and values as Quint's unit)", () => {
    const trace = buildTrace(spec('paxos', 'volatile-promise'), parsePath(PAXOS_BUG), { property: 'agreement' });
    const itf = viaText(traceToItf(trace, { reference: 'paxos' }));
    const states = quintStates(itf);
    expect(states).toHaveLength(17);
    expect(JSON.stringify(itf)).not.toContain('#unserializable');
    expect(states[0]).toContain('Tup()'); // an acceptor's vote before it voted: null
    expect(states[0]).toMatch(/^Rec\(/);
  });

  it('reads a Raft counterexample', () => {
    const raft = spec('raft', 'no-term-check');
    const result = check(raft, {});
    if (result.status !== 'violation') throw new Error(`expected a violation, got ${result.status}`);
    const violation = result.violations[0]!;
    const trace = buildTrace(raft, violation.path!, { property: violation.property });
    expect(quintStates(viaText(traceToItf(trace)))).toHaveLength(7);
  });

  it("writes a lasso as ADR-015's loop: the cycle ends in the last state, which is not repeated", () => {
    const allocator = spec('allocator', 'weak-allocation');
    const trace = buildTrace(allocator, parsePath('0/0:0/0:3/1:3/2:1'), {
      property: 'ClientsWillObtain',
      instance: 'c1, r1',
      loop: 1,
    });
    expect(trace.steps).toHaveLength(5); // Kripke's trace ends on the loop's state again
    const itf = viaText(traceToItf(trace)) as { states: Json[]; loop: number; '#meta': { kripke: { loopBack: Json } } };
    expect(itf.loop).toBe(1);
    expect(itf.states).toHaveLength(4);
    expect(itf['#meta'].kripke.loopBack).toMatchObject({ action: 'returnAll("c2")' });
    const quint = ofItf(itf as never);
    expect(quint).toHaveLength(4);
    // Read back, Kripke has its lasso again: the step back to state 1 included.
    const saved = traceFromItf(itf as unknown as Json);
    expect(saved.steps).toHaveLength(5);
    expect(saved.steps[4]).toMatchObject({
      action: { name: 'returnAll', param: 'c2' },
      encoded: saved.steps[1]!.encoded,
    });
  });

  it('keeps a stuttering lasso whole: its loop is the last state', () => {
    const clock = buildTrace(spec('die-hard'), parsePath('0/1:0'), { loop: 1 });
    const itf = viaText(traceToItf(clock)) as { states: Json[]; loop: number };
    expect([itf.states.length, itf.loop]).toEqual([2, 1]);
  });
});

describe('values ITF cannot hold are refused, naming the field', () => {
  it('refuses a fraction', () => {
    expect(() => encodeItfValue({ load: { s1: 0.5 } })).toThrow(
      "cannot write ITF: field 'load.s1': 0.5 is not an integer, and ITF holds integers only",
    );
  });

  it('names the state in a trace', () => {
    const trace = {
      model: 'm',
      path: { init: 0, steps: [] },
      packed: false,
      steps: [{ action: undefined, state: 0, shown: { x: [1, 2.5] }, changes: [] }],
    };
    expect(() => traceToItf(trace)).toThrow(
      expect.objectContaining({ code: 'invalid-value', where: { model: 'm', state: '0', field: 'x[1]' } }),
    );
  });

  it('still writes the other files of a counterexample ITF cannot hold', async () => {
    const trace = {
      model: 'm',
      path: { init: 0, steps: [] },
      packed: false,
      steps: [{ action: undefined, state: 0, shown: { x: 0.5 }, changes: [] }],
    };
    const files = await renderArtifacts(trace, {}, 'trace.json');
    expect([...files.keys()]).toEqual(['trace.json', 'trace.dot', 'trace.svg', 'report.html']);
  });

  it("refuses a record field starting with '#' (ITF's own forms)", () => {
    expect(() => encodeItfValue({ '#set': [] })).toThrow("field '#set': a record field named '#set'");
  });

  it('writes integers beyond 2^53 exactly', () => {
    expect(encodeItfValue(2 ** 60)).toEqual({ '#bigint': '1152921504606846976' });
  });
});
