import { describe, expect, it } from 'vitest';
import { check } from '../../checker/index.ts';
import { fingerprintOf } from '../../checker/fingerprint/index.ts';
import { exploreStateGraph } from '../../counterexamples/state-graph.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import { always, type Spec, type Words } from '../../spec/index.ts';
import { COMMIT } from './messages.ts';
import { paxosCommit, type PaxosCommitState } from './paxos-commit.ts';

// The full PaxosCommit.cfg runs in the benchmark, not here: `npx tsx bench/measure-one.ts
// paxos-commit '{"packed":true}' 1` (or views) (1,321,761 distinct, 16,959,159 generated, depth 28, as TLC).
// Each layout — packed by hand (`packed=true`), written against views (`views=true`) — against
// the object model.
const LAYOUTS = ['packed', 'views'] as const;
type LayoutStyle = (typeof LAYOUTS)[number];
const both = (settings: Record<string, string>, style: LayoutStyle) => ({
  object: paxosCommit.instantiate(settings),
  packed: paxosCommit.instantiate({ ...settings, [style]: 'true' }),
});

/** The reachable graph as a set of edges between fingerprints of states as people see them (decoded). */
function edgesOf(spec: Spec<unknown>): Set<string> {
  const graph = exploreStateGraph(spec, 2000);
  const prints = graph.states.map((s) => fingerprintOf(spec.display(s)));
  return new Set(graph.edges.map((e) => `${prints[e.from]}>${prints[e.to]}>${e.action}`));
}

describe.each(LAYOUTS)('paxos-commit, the %s layout', (style) => {
  it.each([
    [{ rms: '1' }, { distinctStates: 1461, generatedStates: 9936, depth: 15 }],
    [
      { rms: '2', maxBallot: '0' },
      { distinctStates: 545, generatedStates: 4413, depth: 12 },
    ],
    [
      { rms: '2', acceptors: '1' },
      { distinctStates: 1425, generatedStates: 9961, depth: 16 },
    ],
  ])("%o: the object model's counts, BFS and DFS", (settings, expected) => {
    const { object, packed } = both(settings, style);
    for (const engine of ['bfs', 'dfs'] as const) {
      const want = check(object, { engine });
      const got = check(packed, { engine });
      expect(got.status).toBe('pass');
      expect(want.stats).toMatchObject({
        distinctStates: expected.distinctStates,
        generatedStates: expected.generatedStates,
      });
      expect(got.stats).toMatchObject({
        distinctStates: want.stats.distinctStates,
        generatedStates: want.stats.generatedStates,
      });
      if (engine === 'bfs') expect(got.stats.depth).toBe(expected.depth);
    }
  });

  it('reaches the same states by the same actions: decoded, the graphs are equal (1 RM; 2 RMs, ballot 0)', () => {
    for (const settings of [{ rms: '1' }, { rms: '2', maxBallot: '0' }] as Record<string, string>[]) {
      const { object, packed } = both(settings, style);
      const want = edgesOf(object);
      expect(want.size).toBeGreaterThan(1000);
      expect(edgesOf(packed)).toEqual(want);
    }
  });

  it('gives the counts with two workers and with the disk store', () => {
    const settings = { rms: '2', acceptors: '1', [style]: 'true' };
    const spec = paxosCommit.instantiate(settings);
    const specSource = {
      module: new URL('./paxos-commit.ts', import.meta.url).href,
      exportName: 'paxosCommit',
      settings,
    };
    for (const options of [{ workers: 2, specSource }, { store: 'disk' as const }]) {
      const result = check(spec, options);
      expect(result.status).toBe('pass');
      expect(result.stats).toMatchObject({ distinctStates: 1425, generatedStates: 9961, depth: 16 });
    }
  });

  it('is pure under strict mode', () => {
    const result = check(paxosCommit.instantiate({ rms: '2', maxBallot: '0', [style]: 'true' }), { strict: true });
    expect(result.status).toBe('pass');
    expect(result.stats).toMatchObject({ distinctStates: 545, generatedStates: 4413 });
  });

  it('offers decideCommit the same witnesses as the object model', () => {
    const { object, packed } = both({ rms: '1' }, style);
    const allVoted = <S>(spec: Spec<S>): S => {
      const step = (name: string, s: S, param: unknown) => spec.actions.find((a) => a.name === name)!.next(s, param)!;
      const prepared = step('rmPrepare', spec.init()[0]!, 'r1');
      return ['a1', 'a2', 'a3'].reduce((s, acc) => step('phase2b', s, [acc, 'r1', 0, 'prepared']), prepared);
    };
    const domain = <S>(spec: Spec<S>) => spec.actions.find((a) => a.name === 'decideCommit')!.domain(allVoted(spec));
    expect(domain(packed)).toHaveLength(3);
    expect(domain(packed)).toEqual(domain(object));
    // An acceptor outside the constants: the port finds no parameter; the views, no element of aState.
    const phase2b = packed.actions.find((a) => a.name === 'phase2b')!;
    const prepared = packed.actions.find((a) => a.name === 'rmPrepare')!.next(packed.init()[0], 'r1');
    expect(() => phase2b.next(prepared, ['a4', 'r1', 0, 'prepared'])).toThrow(
      style === 'packed'
        ? /unknown parameter '\["a4","r1",0,"prepared"\]'; available: \["a1","r1",0,"prepared"\]/
        : "packed field 'aState[r1]': no element for key a4",
    );
  });

  it("finds the object model's shortest trace to a commit, with the same decoded states", () => {
    const { object, packed } = both({ rms: '1' }, style);
    const committedObject = always<PaxosCommitState>('never commits', (s) => !s.msgs.has(COMMIT));
    const decoded = (s: Words) => packed.layout!.decode(s) as PaxosCommitState;
    const committedPacked = always<Words>('never commits', (s) => !decoded(s).msgs.has(COMMIT));
    const traceOf = <S>(spec: Spec<S>, property: ReturnType<typeof always<S>>) => {
      const withProperty = { ...spec, properties: [property] };
      const result = check(withProperty);
      if (result.status !== 'violation') throw new Error(`expected a violation, got ${result.status}`);
      return buildTrace(withProperty, result.violations[0]!.path!);
    };
    const want = traceOf(object as Spec<PaxosCommitState>, committedObject);
    const got = traceOf(packed as Spec<Words>, committedPacked);
    const labels = (t: typeof want | typeof got) =>
      t.steps.map((s) => (s.action ? [s.action.name, s.action.param] : 'init'));
    expect(labels(got)).toEqual(labels(want));
    expect(labels(got)).toEqual([
      'init',
      ['rmPrepare', 'r1'],
      ['phase2b', ['a1', 'r1', 0, 'prepared']],
      ['phase2b', ['a2', 'r1', 0, 'prepared']],
      ['decideCommit', [{ rm: 'r1', bal: 0, majority: ['a1', 'a2'] }]],
    ]);
    expect(got.steps.map((s) => fingerprintOf(s.shown))).toEqual(want.steps.map((s) => fingerprintOf(s.state)));
  });
});
