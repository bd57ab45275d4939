/**
 * LamportMutex: TLC's counts for MCLamportMutex.cfg, the counts of smaller configurations with
 * every engine and store, the shortest counterexamples (their actions and text), TLC's
 * CONSTRAINT semantics, and a clear stop when a value outgrows the layout's bounds.
 */
import { describe, expect, it } from 'vitest';
import { check, type CheckResult } from '../../checker/index.ts';
import { fingerprintOf } from '../../checker/fingerprint/index.ts';
import { exploreStateGraph } from '../../counterexamples/state-graph.ts';
import { renderTraceText } from '../../counterexamples/text.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import { always, KripkeError, type Spec, viewsOf, type Words } from '../../spec/index.ts';
import { lamportMutex, type LamportMutexConfig, lamportMutexSpec } from './lamport-mutex.ts';
import { lamportLayout, messageUniverse, type State } from './layout.ts';

const counts = (r: CheckResult) => ({
  status: r.status,
  distinct: r.stats.distinctStates,
  generated: r.stats.generatedStates,
  depth: r.stats.depth,
});

/** The shortest trace to the first violation. */
function firstTrace<S>(spec: Spec<S>, result: CheckResult) {
  if (result.status !== 'violation') throw new Error(`expected a violation, got ${result.status}`);
  const { property, path } = result.violations[0]!;
  return buildTrace(spec, path!, { property });
}
const labels = <S>(spec: Spec<S>, result: CheckResult) =>
  firstTrace(spec, result).steps.map((s) => (s.action ? [s.action.name, s.action.param] : 'init'));

/** The views of a configuration's states, for predicates over its words. */
const viewsFor = ({ n, maxClock }: LamportMutexConfig) =>
  viewsOf(
    lamportLayout(
      Array.from({ length: n }, (_, p) => p),
      maxClock,
      messageUniverse(maxClock),
    ),
  );

/** The spec with one invariant over its states' views. */
function probing(config: LamportMutexConfig, name: string, holds: (s: State) => boolean): Spec<Words> {
  const views = viewsFor(config);
  return { ...lamportMutexSpec(config), properties: [always<Words>(name, (w) => holds(views.read(w)))] };
}

describe('lamport-mutex (LamportMutex.tla, MCLamportMutex.cfg)', () => {
  it("MCLamportMutex.cfg (N = 3, maxClock 6, MaxNat 7): TLC's 724,274 states, 2,729,079 generated, depth 61", () => {
    expect(counts(check(lamportMutex.instantiate({})))).toEqual({
      status: 'pass',
      distinct: 724274,
      generated: 2729079,
      depth: 61,
    });
  });

  it('two processes, maxClock 4: 401 states, 787 generated, depth 28, in strict mode and with DFS', () => {
    const spec = lamportMutex.instantiate({ n: '2', maxClock: '4', maxNat: '5' });
    expect(counts(check(spec, { strict: true }))).toEqual({ status: 'pass', distinct: 401, generated: 787, depth: 28 });
    expect(check(spec, { engine: 'dfs' }).stats).toMatchObject({ distinctStates: 401, generatedStates: 787 });
  });

  it('three processes, maxClock 3: 10,209 states, 41,533 generated, depth 31, with BFS, DFS, two workers and the disk store', () => {
    const settings = { n: 3, maxClock: 3, maxNat: 4 };
    const spec = lamportMutex.instantiate(settings);
    const expected = { status: 'pass', distinct: 10209, generated: 41533, depth: 31 };
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

  it('strict mode passes with three processes', () => {
    expect(check(lamportMutexSpec({ n: 3, maxClock: 2, maxNat: 3 }), { strict: true }).status).toBe('pass');
  });

  it.each<LamportMutexConfig>([
    { n: 2, maxClock: 4, maxNat: 5 },
    { n: 3, maxClock: 3, maxNat: 4 },
    { n: 3, maxClock: 2, maxNat: 1 },
  ])('shows different generated states as different values (%o)', (config) => {
    const spec = lamportMutexSpec(config);
    const states = exploreStateGraph(spec, 1_000_000).states;
    expect(states.length).toBeGreaterThan(100);
    expect(new Set(states.map((w) => fingerprintOf(spec.display(w)))).size).toBe(states.length);
  });

  it('checks states beyond the clock constraint against the invariants (TLC CONSTRAINT semantics)', () => {
    const config = { n: 2, maxClock: 2, maxNat: 3 };
    const maxClockOf = (s: State) => Math.max(s.clock.get(0), s.clock.get(1));
    const spec = probing(config, 'clocks stay within 2', (s) => maxClockOf(s) <= 2);
    const result = check(spec);
    expect(labels(spec, result)).toEqual([
      'init',
      ['request', 0],
      ['receiveRequest', [1, 0]],
      ['request', 1],
      ['receiveAck', [0, 1]],
      ['receiveRequest', [0, 1]],
    ]);
    const views = viewsFor(config);
    const clocks = firstTrace(spec, result).steps.map((s) => maxClockOf(views.read(s.state)));
    expect(clocks.at(-1)).toBe(3); // a successor outside the constraint: generated and checked
    expect(clocks.slice(0, -1).every((c) => c <= 2)).toBe(true);
  });

  it('lets only the request with the smaller clock (ties: the lower id) enter; the last state read as sets and queues', () => {
    const spec = probing({ n: 2, maxClock: 3, maxNat: 4 }, 'nobody enters', (s) => s.crit.size === 0);
    const result = check(spec);
    expect(labels(spec, result)).toEqual([
      'init',
      ['request', 0],
      ['receiveRequest', [1, 0]],
      ['receiveAck', [0, 1]],
      ['enter', 0],
    ]);
    expect(firstTrace(spec, result).steps.at(-1)!.shown).toEqual({
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

  it('with maxNat below the clocks, TypeOK fails as soon as a clock passes maxNat', () => {
    const spec = lamportMutexSpec({ n: 3, maxClock: 2, maxNat: 1 });
    const result = check(spec);
    expect(result.status === 'violation' && result.violations[0]!.property).toBe('TypeOK');
    expect(renderTraceText(firstTrace(spec, result))).toBe(
      [
        'State 1 (initial)',
        '    clock = [1, 1, 1]',
        '    req = [[0, 0, 0], [0, 0, 0], [0, 0, 0]]',
        '    ack = [{}, {}, {}]',
        '    network = [[[], [], []], [[], [], []], [[], [], []]]',
        '    crit = {}',
        'State 2 ← request(0)',
        '    req[0][0]: 0 → 1',
        '    ack[0]: + 0',
        '    network[0][1]: + { type: "req", clock: 1 }',
        '    network[0][2]: + { type: "req", clock: 1 }',
        'State 3 ← receiveRequest([1, 0])',
        '    clock[1]: 1 → 2',
        '    req[1][0]: 0 → 1',
        '    network[0][1]: − { type: "req", clock: 1 }',
        '    network[1][0]: + { type: "ack", clock: 0 }',
      ].join('\n'),
    );
  });

  it('stops with an error naming the field, not a wrong count, when clocks outgrow the layout', () => {
    const spec = { ...lamportMutexSpec({ n: 2, maxClock: 2, maxNat: 3 }), constraint: undefined };
    const result = check(spec);
    expect(result.status).toBe('error');
    if (result.status !== 'error') return;
    expect(result.error.message).toMatch(/request with clock 3 is outside the message universe req\(1\.\.2\)/);
  });

  it('has one definition: packed and views are unknown settings', () => {
    for (const key of ['packed', 'views']) {
      expect(() => lamportMutex.instantiate({ [key]: 'true' })).toThrow(KripkeError);
      expect(() => lamportMutex.instantiate({ [key]: 'true' })).toThrow(
        new RegExp(`unknown configuration key '${key}'; available: n, maxClock, maxNat`),
      );
    }
  });
});
