/**
 * Property families: one property over a set of instances (TLA+'s `\A i \in Lamps : P(i)`), listed
 * and selected under its one name, reported once with its failing instance named — by every engine.
 */
import { describe, expect, it } from 'vitest';
import { replayTrace } from '../counterexamples/replay.ts';
import { traceFromJson, traceToJson } from '../counterexamples/export-json.ts';
import { buildTrace } from '../counterexamples/trace.ts';
import { defineSpec } from '../spec/define.ts';
import { check } from './check.ts';
import { lamps } from './family-fixture.ts';
import type { CheckResult, Violation } from './result.ts';

const violations = (r: CheckResult): readonly Violation[] => (r.status === 'violation' ? r.violations : []);
const specSource = { module: new URL('./family-fixture.ts', import.meta.url).href, exportName: 'lamps' };

describe('property families', () => {
  it('are listed once per name, each member carrying its instance', () => {
    expect([...new Set(lamps.properties.map((p) => p.name))]).toEqual(['NotFull', 'OftenOff', 'NoWrap']);
    expect(lamps.properties.filter((p) => p.name === 'NotFull').map((p) => p.instance)).toEqual([
      'lamp 0',
      'lamp 1',
      'lamp 2',
    ]);
  });

  it('an invariant family fails once, naming the first failing instance (BFS, DFS, two workers, random walks)', () => {
    for (const options of [
      {},
      { engine: 'dfs' as const },
      { workers: 2, specSource },
      { engine: 'random' as const, seed: 1 },
    ]) {
      const result = check(lamps, { ...options, properties: ['NotFull'], continue: true });
      expect(violations(result).map((v) => v.property)).toEqual(['NotFull']);
      expect(['lamp 1', 'lamp 2']).toContain(violations(result)[0]!.instance);
    }
    const bfs = violations(check(lamps, { properties: ['NotFull'] }))[0]!;
    expect(bfs).toMatchObject({ property: 'NotFull', instance: 'lamp 1', kind: 'invariant' });
    expect(buildTrace(lamps, bfs.path!).steps.at(-1)!.state).toEqual({ level: [0, 2, 0] });
  });

  it('a liveness family fails for the unfair lamp only, reported once', () => {
    const result = check(lamps, { properties: ['OftenOff'], continue: true });
    expect(violations(result).map((v) => [v.property, v.instance, v.kind])).toEqual([
      ['OftenOff', 'lamp 2', 'liveness'],
    ]);
  });

  it('a step family names its instance', () => {
    expect(violations(check(lamps, { properties: ['NoWrap'] })).map((v) => [v.property, v.instance])).toEqual([
      ['NoWrap', 'lamp 1'],
    ]);
  });

  it('a saved counterexample of a family replays and re-checks its instance', () => {
    const v = violations(check(lamps, { properties: ['NotFull'] }))[0]!;
    const trace = buildTrace(lamps, v.path!, { property: v.property, instance: v.instance });
    const saved = traceFromJson(traceToJson(trace));
    expect(saved.instance).toBe('lamp 1');
    expect(replayTrace(lamps, saved)).toMatchObject({ status: 'reproduced', verdict: "'NotFull' is still violated" });
  });

  it('a family needs instances with distinct names, and a name of its own', () => {
    const spec = (instances: readonly number[], label?: (i: number) => string) =>
      defineSpec({
        name: 'bad',
        init: () => [{ n: 0 }],
        actions: {},
        properties: ({ always, forAll }) => [always('P', () => true), forAll(instances, label).always('Q', () => true)],
      });
    expect(() => spec([])).toThrow("property 'Q' is a family over no instances (forAll needs at least one)");
    expect(() => spec([1, 2], () => 'same')).toThrow("two instances of 'Q' are named 'same'");
    expect(() =>
      defineSpec({
        name: 'dup',
        init: () => [{ n: 0 }],
        actions: {},
        properties: ({ always, forAll }) => [always('Q', () => true), forAll([1]).always('Q', () => true)],
      }),
    ).toThrow("two properties are named 'Q'");
  });
});
