import { describe, expect, it } from 'vitest';
import { check } from '../../checker/index.ts';
import { fingerprintOf } from '../../checker/fingerprint/index.ts';
import { exploreStateGraph } from '../../counterexamples/state-graph.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import { always, int, KripkeError, packedLayout, type Spec, type Words } from '../../spec/index.ts';
import { lamportMutex, type LamportMutexConfig, type LamportMutexState, lamportMutexSpec } from './lamport-mutex.ts';
import { lamportMutexPackedSpec } from './lamport-mutex-packed.ts';
import { Channel, SmallInts } from './lamport-mutex-words.ts';

const SMALL: readonly LamportMutexConfig[] = [
  { n: 2, maxClock: 4, maxNat: 5 },
  { n: 3, maxClock: 3, maxNat: 4 },
  { n: 3, maxClock: 2, maxNat: 1 }, // maxNat below the clocks: TypeOK fails in both
];

/**
 * Every state the checker generates (initial, explored, and successors past the constraint), by
 * fingerprint of the state as people read it (a packed spec's states decoded).
 */
function generatedStates<S>(spec: Spec<S>): Set<bigint> {
  return new Set(exploreStateGraph(spec, 1_000_000).states.map((s) => fingerprintOf(spec.display(s))));
}

const labels = <S>(spec: Spec<S>, path: Parameters<typeof buildTrace>[1]) =>
  buildTrace(spec, path).steps.map((s) => (s.action ? [s.action.name, s.action.param] : 'init'));

describe('lamport-mutex, packed layout (lamport-mutex-packed.ts)', () => {
  it('two processes, maxClock 4: 401 states, 787 generated, depth 28, as the object model; BFS, DFS and strict agree', () => {
    const packed = lamportMutex.instantiate({ n: '2', maxClock: '4', maxNat: '5', packed: 'true' });
    const objects = lamportMutex.instantiate({ n: '2', maxClock: '4', maxNat: '5' });
    const bfs = check(packed, { strict: true });
    expect(bfs.status).toBe('pass');
    expect(bfs.stats).toMatchObject({ distinctStates: 401, generatedStates: 787, depth: 28 });
    expect(check(packed, { engine: 'dfs' }).stats).toMatchObject({ distinctStates: 401, generatedStates: 787 });
    expect(check(objects).stats).toMatchObject({ distinctStates: 401, generatedStates: 787, depth: 28 });
  });

  it('three processes, maxClock 3: 10,209 states, 41,533 generated, depth 31, as the object model; DFS agrees', () => {
    const packed = lamportMutexPackedSpec({ n: 3, maxClock: 3, maxNat: 4 });
    const bfs = check(packed);
    expect(bfs.status).toBe('pass');
    expect(bfs.stats).toMatchObject({ distinctStates: 10209, generatedStates: 41533, depth: 31 });
    expect(check(packed, { engine: 'dfs' }).stats).toMatchObject({ distinctStates: 10209, generatedStates: 41533 });
    const objects = check(lamportMutexSpec({ n: 3, maxClock: 3, maxNat: 4 }));
    expect(objects.stats).toMatchObject({ distinctStates: 10209, generatedStates: 41533, depth: 31 });
  });

  it('strict mode passes with three processes', () => {
    expect(check(lamportMutexPackedSpec({ n: 3, maxClock: 2, maxNat: 3 }), { strict: true }).status).toBe('pass');
  });

  it.each(SMALL)("decodes to exactly the object model's states (%o)", (config) => {
    const packed = lamportMutexPackedSpec(config);
    const fromPacked = generatedStates(packed);
    const fromObjects = generatedStates(lamportMutexSpec(config));
    expect(fromPacked.size).toBeGreaterThan(100);
    expect(fromPacked).toEqual(fromObjects);
  });

  it('reports the same first TypeOK violation as the object model when maxNat is below the clocks', () => {
    const config = { n: 3, maxClock: 2, maxNat: 1 };
    const packed = lamportMutexPackedSpec(config),
      objects = lamportMutexSpec(config);
    const [p, o] = [check(packed), check(objects)];
    if (p.status !== 'violation' || o.status !== 'violation')
      throw new Error(`expected violations, got ${p.status} and ${o.status}`);
    expect(p.violations[0]!.property).toBe('TypeOK');
    expect(labels(packed, p.violations[0]!.path!)).toEqual(labels(objects, o.violations[0]!.path!));
  });

  it("finds the same shortest trace into the critical section, shown in the object model's shape", () => {
    const config = { n: 2, maxClock: 3, maxNat: 4 };
    const base = lamportMutexPackedSpec(config);
    // The packed layout shows states as the object model's states.
    const packed = {
      ...base,
      properties: [always<Words>('nobody enters', (s) => (base.display(s) as LamportMutexState).crit.length === 0)],
    };
    const result = check(packed);
    if (result.status !== 'violation') throw new Error(`expected a violation, got ${result.status}`);
    const trace = buildTrace(packed, result.violations[0]!.path!);
    expect(trace.steps.map((s) => (s.action ? [s.action.name, s.action.param] : 'init'))).toEqual([
      'init',
      ['request', 0],
      ['receiveRequest', [1, 0]],
      ['receiveAck', [0, 1]],
      ['enter', 0],
    ]);
    expect(trace.steps.at(-1)!.shown).toEqual({
      clock: [1, 2],
      req: [
        [1, 0],
        [1, 0],
      ],
      ack: [[0, 1], []],
      network: [
        [[], []],
        [[], []],
      ],
      crit: [0],
    });
  });

  it('stops with a clear error, not a wrong count, when clocks outgrow the message universe', () => {
    const spec = { ...lamportMutexPackedSpec({ n: 2, maxClock: 2, maxNat: 3 }), constraint: undefined };
    const result = check(spec);
    expect(result.status).toBe('error');
    if (result.status !== 'error') return;
    expect(result.error.message).toMatch(/request with clock 3 is outside the message universe req\(1\.\.2\)/);
  });

  it('packs a channel and a row of small integers into one word each, refusing what does not fit by field name', () => {
    const layout = packedLayout({ link: int(), clocks: int() });
    const link = new Channel(layout.fields.link, ['a', 'b', 'c'], 3, 2);
    const clocks = new SmallInts(layout.fields.clocks, 3, 3, 'a hint');
    const t = layout.blank();
    link.push(t, 2);
    link.push(t, 0);
    link.push(t, 1);
    clocks.set(t, 1, 7);
    clocks.set(t, 2, 5);
    clocks.set(t, 1, 6);
    expect([link.items(t), link.headCode(t), link.longerThan(t, 2), link.longerThan(t, 3)]).toEqual([
      ['c', 'a', 'b'],
      2,
      true,
      false,
    ]);
    expect(clocks.values(t)).toEqual([0, 6, 5]);
    expect(() => link.push(t, 0)).toThrow(/'link': the channel is full \(capacity 3\)/);
    expect(() => clocks.set(t, 0, 8)).toThrow(/'clocks': 8 is outside 0\.\.7; a hint/);
    link.shift(t);
    expect(link.items(t)).toEqual(['a', 'b']);
    expect(() => new SmallInts(layout.fields.clocks, 7, 5, '')).toThrow(KripkeError);
  });
});
