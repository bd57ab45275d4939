/**
 * LamportMutex written against views (`lamport-mutex-views.ts`) against the object model: the
 * same generated states (decoded, compared as values), the same counts with every engine, the same
 * shortest counterexamples, and a clear stop when a value outgrows the layout's bounds.
 */
import { describe, expect, it } from 'vitest';
import { check, type CheckResult } from '../../checker/index.ts';
import { fingerprintOf } from '../../checker/fingerprint/index.ts';
import { exploreStateGraph } from '../../counterexamples/state-graph.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import { always, KripkeError, type Spec, type Words } from '../../spec/index.ts';
import { lamportMutex, type LamportMutexConfig, type LamportMutexState, lamportMutexSpec } from './lamport-mutex.ts';
import { lamportMutexViewSpec } from './lamport-mutex-views.ts';

const counts = (r: CheckResult) => ({
  status: r.status,
  distinct: r.stats.distinctStates,
  generated: r.stats.generatedStates,
  depth: r.stats.depth,
});

const labels = <S>(spec: Spec<S>, result: CheckResult) => {
  if (result.status !== 'violation') throw new Error(`expected a violation, got ${result.status}`);
  return buildTrace(spec, result.violations[0]!.path!).steps.map((s) =>
    s.action ? [s.action.name, s.action.param] : 'init',
  );
};

/** A views state decoded (sets as Sets) in the object model's shape (sets as sorted arrays). */
function asObjectState(shown: unknown): LamportMutexState {
  const s = shown as Omit<LamportMutexState, 'ack' | 'crit'> & { ack: Set<number>[]; crit: Set<number> };
  return { ...s, ack: s.ack.map((a) => [...a]), crit: [...s.crit] };
}

/** Every state the checker generates, by fingerprint of the object model's shape. */
function generatedStates<S>(spec: Spec<S>, shape: (shown: unknown) => unknown = (x) => x): Set<bigint> {
  return new Set(exploreStateGraph(spec, 1_000_000).states.map((s) => fingerprintOf(shape(spec.display(s)))));
}

const SMALL: readonly LamportMutexConfig[] = [
  { n: 2, maxClock: 4, maxNat: 5 },
  { n: 3, maxClock: 3, maxNat: 4 },
  { n: 3, maxClock: 2, maxNat: 1 }, // maxNat below the clocks: TypeOK fails in both
];

describe('lamport-mutex written against views (lamport-mutex-views.ts)', () => {
  it('two processes, maxClock 4: 401 states, 787 generated, depth 28, in strict mode and with DFS', () => {
    const spec = lamportMutex.instantiate({ n: '2', maxClock: '4', maxNat: '5', views: 'true' });
    const expected = { status: 'pass', distinct: 401, generated: 787, depth: 28 };
    expect(counts(check(spec, { strict: true }))).toEqual(expected);
    expect(check(spec, { engine: 'dfs' }).stats).toMatchObject({ distinctStates: 401, generatedStates: 787 });
  });

  it("three processes, maxClock 3: the object model's 10,209 / 41,533 / 31 with BFS, DFS, two workers and the disk store", () => {
    const settings = { n: 3, maxClock: 3, maxNat: 4, views: true };
    const spec = lamportMutex.instantiate(settings);
    const expected = { status: 'pass', distinct: 10209, generated: 41533, depth: 31 };
    expect(counts(check(lamportMutexSpec(settings)))).toEqual(expected);
    expect(counts(check(spec))).toEqual(expected);
    const specSource = {
      module: new URL('./lamport-mutex.ts', import.meta.url).href,
      exportName: 'lamportMutex',
      settings,
    };
    expect(counts(check(spec, { workers: 2, specSource }))).toEqual(expected);
    expect(check(spec, { engine: 'dfs' }).stats).toMatchObject({ distinctStates: 10209, generatedStates: 41533 });
    expect(counts(check(spec, { store: 'disk' }))).toEqual(expected);
  });

  it.each(SMALL)("generates exactly the object model's states (%o)", (config) => {
    const fromViews = generatedStates(lamportMutexViewSpec(config), asObjectState);
    expect(fromViews.size).toBeGreaterThan(100);
    expect(fromViews).toEqual(generatedStates(lamportMutexSpec(config)));
  });

  it('reports the same first TypeOK violation as the object model when maxNat is below the clocks', () => {
    const config = { n: 3, maxClock: 2, maxNat: 1 };
    const views = lamportMutexViewSpec(config),
      objects = lamportMutexSpec(config);
    const [v, o] = [check(views), check(objects)];
    expect(v.status === 'violation' && v.violations[0]!.property).toBe('TypeOK');
    expect(labels(views, v)).toEqual(labels(objects, o));
  });

  it('finds the shortest trace into the critical section, its last state read as sets and queues', () => {
    const base = lamportMutexViewSpec({ n: 2, maxClock: 3, maxNat: 4 });
    const spec = {
      ...base,
      properties: [always<Words>('nobody enters', (s) => asObjectState(base.display(s)).crit.length === 0)],
    };
    const result = check(spec);
    expect(labels(spec, result)).toEqual([
      'init',
      ['request', 0],
      ['receiveRequest', [1, 0]],
      ['receiveAck', [0, 1]],
      ['enter', 0],
    ]);
    if (result.status !== 'violation') return;
    expect(buildTrace(spec, result.violations[0]!.path!).steps.at(-1)!.shown).toEqual({
      clock: [1, 2],
      req: [
        [1, 0],
        [1, 0],
      ],
      ack: [new Set([0, 1]), new Set()],
      network: [
        [[], []],
        [[], []],
      ],
      crit: new Set([0]),
    });
  });

  it('stops with an error naming the field, not a wrong count, when clocks outgrow the layout', () => {
    const spec = { ...lamportMutexViewSpec({ n: 2, maxClock: 2, maxNat: 3 }), constraint: undefined };
    const result = check(spec);
    expect(result.status).toBe('error');
    if (result.status !== 'error') return;
    expect(result.error.message).toMatch(/request with clock 3 is outside the message universe req\(1\.\.2\)/);
  });

  it('refuses packed and views together', () => {
    expect(() => lamportMutex.instantiate({ packed: 'true', views: 'true' })).toThrow(KripkeError);
    expect(() => lamportMutex.instantiate({ packed: 'true', views: 'true' })).toThrow(/two layouts: choose one/);
  });
});
