/**
 * PaxosCommit: TLC's counts for PaxosCommit.cfg, the counts of smaller configurations with every
 * engine and store and in strict mode, decideCommit's witnesses, the shortest traces to a commit
 * and to a leader's proposal (actions and text), and each property failing on a state that
 * breaks it.
 */
import { describe, expect, it } from 'vitest';
import { check, type CheckResult } from '../../checker/index.ts';
import { fingerprintOf } from '../../checker/fingerprint/index.ts';
import { exploreStateGraph } from '../../counterexamples/state-graph.ts';
import { renderTraceText } from '../../counterexamples/text.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import { always, KripkeError, type Spec, viewsOf, type Words } from '../../spec/index.ts';
import {
  majoritiesOf,
  type PaxosCommitConfig,
  paxosCommitConstants,
  paxosCommitLayout,
  type PaxosCommitView,
} from './layout.ts';
import { COMMIT } from './messages.ts';
import { paxosCommit, paxosCommitSpec } from './paxos-commit.ts';

const counts = (r: CheckResult) => ({
  status: r.status,
  distinct: r.stats.distinctStates,
  generated: r.stats.generatedStates,
  depth: r.stats.depth,
});

const viewsFor = (config: PaxosCommitConfig) => viewsOf(paxosCommitLayout(paxosCommitConstants(config)));

/** The spec with one invariant over its states' views. */
function probing(config: PaxosCommitConfig, name: string, holds: (s: PaxosCommitView) => boolean): Spec<Words> {
  const views = viewsFor(config);
  return { ...paxosCommitSpec(config), properties: [always<Words>(name, (w) => holds(views.read(w)))] };
}

/** The shortest trace to the first violation. */
function firstTrace<S>(spec: Spec<S>) {
  const result = check(spec);
  if (result.status !== 'violation') throw new Error(`expected a violation, got ${result.status}`);
  const { property, path } = result.violations[0]!;
  return buildTrace(spec, path!, { property });
}
const labels = (trace: ReturnType<typeof firstTrace>) =>
  trace.steps.map((s) => (s.action ? [s.action.name, s.action.param] : 'init'));

const ONE_RM: PaxosCommitConfig = { rms: 1, acceptors: 3, maxBallot: 1 };

/** One RM prepared, and every acceptor voted "prepared" in ballot 0. */
function allVotedPrepared(spec: Spec<Words>): Words {
  const step = (name: string, s: Words, param: unknown) => spec.actions.find((a) => a.name === name)!.next(s, param)!;
  const prepared = step('rmPrepare', spec.init()[0]!, 'r1');
  return ['a1', 'a2', 'a3'].reduce((s, acc) => step('phase2b', s, [acc, 'r1', 0, 'prepared']), prepared);
}

describe('paxos-commit (PaxosCommit.tla)', () => {
  it("PaxosCommit.cfg (2 RMs, 3 acceptors, ballots 0..1): TLC's 1,321,761 states, 16,959,159 generated, depth 28", () => {
    expect(counts(check(paxosCommit.instantiate({})))).toEqual({
      status: 'pass',
      distinct: 1321761,
      generated: 16959159,
      depth: 28,
    });
  }, 300_000);

  it('uses the pairs of three acceptors as majorities, as PaxosCommit.cfg', () => {
    expect(majoritiesOf(['a1', 'a2', 'a3'])).toEqual([
      ['a1', 'a2'],
      ['a1', 'a3'],
      ['a2', 'a3'],
    ]);
  });

  it.each([
    [{ rms: '1' }, { distinct: 1461, generated: 9936, depth: 15 }],
    [
      { rms: '2', maxBallot: '0' },
      { distinct: 545, generated: 4413, depth: 12 },
    ],
    [
      { rms: '2', acceptors: '1' },
      { distinct: 1425, generated: 9961, depth: 16 },
    ],
  ])('%o: %o, with BFS and DFS', (settings, expected) => {
    const spec = paxosCommit.instantiate(settings);
    expect(counts(check(spec))).toEqual({ status: 'pass', ...expected });
    expect(check(spec, { engine: 'dfs' }).stats).toMatchObject({
      distinctStates: expected.distinct,
      generatedStates: expected.generated,
    });
  });

  it('gives the counts with two workers and with the disk store (2 RMs, one acceptor)', () => {
    const settings = { rms: '2', acceptors: '1' };
    const spec = paxosCommit.instantiate(settings);
    const specSource = {
      module: new URL('./paxos-commit.ts', import.meta.url).href,
      exportName: 'paxosCommit',
      settings,
    };
    const expected = { status: 'pass', distinct: 1425, generated: 9961, depth: 16 };
    expect(counts(check(spec, { workers: 2, specSource }))).toEqual(expected);
    expect(counts(check(spec, { store: 'disk' }))).toEqual(expected);
  });

  it.each<[PaxosCommitConfig, number, number]>([
    [{ rms: 2, acceptors: 1, maxBallot: 1 }, 1425, 9961],
    [{ rms: 2, acceptors: 3, maxBallot: 0 }, 545, 4413],
  ])('is pure under strict mode (%o)', (config, distinct, generated) => {
    const result = check(paxosCommitSpec(config), { strict: true });
    expect(result.status).toBe('pass');
    expect(result.stats).toMatchObject({ distinctStates: distinct, generatedStates: generated });
  });

  it.each<PaxosCommitConfig>([ONE_RM, { rms: 2, acceptors: 3, maxBallot: 0 }])(
    'shows different states as different values (%o)',
    (config) => {
      const spec = paxosCommitSpec(config);
      const states = exploreStateGraph(spec, 1_000_000).states;
      expect(states).toHaveLength(config.rms === 1 ? 1461 : 545);
      expect(new Set(states.map((w) => fingerprintOf(spec.display(w)))).size).toBe(states.length);
    },
  );

  it('decides commit once per witness combination (for each RM, a ballot and majority), as TLC counts', () => {
    const spec = paxosCommitSpec(ONE_RM);
    const decide = spec.actions.find((a) => a.name === 'decideCommit')!;
    const prepared = spec.actions.find((a) => a.name === 'rmPrepare')!.next(spec.init()[0]!, 'r1')!;
    expect(decide.domain(prepared)).toEqual([]);
    expect(decide.domain(allVotedPrepared(spec))).toEqual([
      [{ rm: 'r1', bal: 0, majority: ['a1', 'a2'] }],
      [{ rm: 'r1', bal: 0, majority: ['a1', 'a3'] }],
      [{ rm: 'r1', bal: 0, majority: ['a2', 'a3'] }],
    ]);
  });

  it('names an acceptor outside the constants, and a message outside the universe', () => {
    const spec = paxosCommitSpec(ONE_RM);
    const action = (name: string) => spec.actions.find((a) => a.name === name)!;
    const prepared = action('rmPrepare').next(spec.init()[0]!, 'r1')!;
    expect(() => action('phase2b').next(prepared, ['a4', 'r1', 0, 'prepared'])).toThrow(
      "packed field 'aState[r1]': no element for key a4",
    );
    expect(() => action('phase1b').next(prepared, ['a1', 'r1', 2])).toThrow(
      'paxos-commit: the message {"type":"phase1a","ins":"r1","bal":2} is not in the message universe of these constants',
    );
  });

  it('commits at the earliest after the RM prepares, a majority votes, and the leader decides', () => {
    const trace = firstTrace(probing(ONE_RM, 'never commits', (s) => !s.msgs.has(COMMIT)));
    expect(labels(trace)).toEqual([
      'init',
      ['rmPrepare', 'r1'],
      ['phase2b', ['a1', 'r1', 0, 'prepared']],
      ['phase2b', ['a2', 'r1', 0, 'prepared']],
      ['decideCommit', [{ rm: 'r1', bal: 0, majority: ['a1', 'a2'] }]],
    ]);
    expect(renderTraceText(trace)).toBe(
      [
        'State 1 (initial)',
        '    rmState = { r1: "working" }',
        '    aState = { r1: { a1: { mbal: 0, bal: -1, val: "none" }, a2: { mbal: 0, bal: -1, val: "none" }, a3: { mbal: 0, bal: -1, val: "non…',
        '    msgs = {}',
        'State 2 ← rmPrepare("r1")',
        '    rmState.r1: "working" → "prepared"',
        '    msgs: + { type: "phase2a", ins: "r1", bal: 0, val: "prepared" }',
        'State 3 ← phase2b(["a1", "r1", 0, "prepared"])',
        '    aState.r1.a1.bal: -1 → 0',
        '    aState.r1.a1.val: "none" → "prepared"',
        '    msgs: + { type: "phase2b", acc: "a1", ins: "r1", bal: 0, val: "prepared" }',
        'State 4 ← phase2b(["a2", "r1", 0, "prepared"])',
        '    aState.r1.a2.bal: -1 → 0',
        '    aState.r1.a2.val: "none" → "prepared"',
        '    msgs: + { type: "phase2b", acc: "a2", ins: "r1", bal: 0, val: "prepared" }',
        'State 5 ← decideCommit([{ rm: "r1", bal: 0, majority: ["a1", "a2"] }])',
        '    msgs: + { type: "Commit" }',
      ].join('\n'),
    );
    expect(trace.steps.at(-1)!.shown).toEqual({
      rmState: { r1: 'prepared' },
      aState: {
        r1: {
          a1: { mbal: 0, bal: 0, val: 'prepared' },
          a2: { mbal: 0, bal: 0, val: 'prepared' },
          a3: { mbal: 0, bal: -1, val: 'none' },
        },
      },
      msgs: new Set([
        { type: 'phase2a', ins: 'r1', bal: 0, val: 'prepared' },
        { type: 'phase2b', acc: 'a1', ins: 'r1', bal: 0, val: 'prepared' },
        { type: 'phase2b', acc: 'a2', ins: 'r1', bal: 0, val: 'prepared' },
        { type: 'Commit' },
      ]),
    });
  });

  /** Whether the leader of ballot 1 proposed `val`. */
  const proposedInBallot1 = (val: string) => (s: PaxosCommitView) =>
    [...s.msgs].some((m) => m.type === 'phase2a' && m.bal === 1 && m.val === val);

  it('lets a leader of ballot 1 propose "aborted" once a majority promised without having voted', () => {
    const trace = firstTrace(probing(ONE_RM, 'no abort proposed in ballot 1', (s) => !proposedInBallot1('aborted')(s)));
    expect(renderTraceText(trace)).toBe(
      [
        'State 1 (initial)',
        '    rmState = { r1: "working" }',
        '    aState = { r1: { a1: { mbal: 0, bal: -1, val: "none" }, a2: { mbal: 0, bal: -1, val: "none" }, a3: { mbal: 0, bal: -1, val: "non…',
        '    msgs = {}',
        'State 2 ← phase1a([1, "r1"])',
        '    msgs: + { type: "phase1a", ins: "r1", bal: 1 }',
        'State 3 ← phase1b(["a1", "r1", 1])',
        '    aState.r1.a1.mbal: 0 → 1',
        '    msgs: + { type: "phase1b", ins: "r1", mbal: 1, bal: -1, val: "none", acc: "a1" }',
        'State 4 ← phase1b(["a2", "r1", 1])',
        '    aState.r1.a2.mbal: 0 → 1',
        '    msgs: + { type: "phase1b", ins: "r1", mbal: 1, bal: -1, val: "none", acc: "a2" }',
        'State 5 ← phase2a([1, "r1", ["a1", "a2"]])',
        '    msgs: + { type: "phase2a", ins: "r1", bal: 1, val: "aborted" }',
      ].join('\n'),
    );
  });

  it('lets a leader of ballot 1 propose "prepared" once an acceptor of its majority reported that vote', () => {
    const trace = firstTrace(
      probing(ONE_RM, 'no prepare proposed in ballot 1', (s) => !proposedInBallot1('prepared')(s)),
    );
    // a2 votes "prepared" in ballot 0, then reports it in its promise; a1 reports no vote.
    expect(labels(trace)).toEqual([
      'init',
      ['rmPrepare', 'r1'],
      ['phase1a', [1, 'r1']],
      ['phase1b', ['a1', 'r1', 1]],
      ['phase2b', ['a2', 'r1', 0, 'prepared']],
      ['phase1b', ['a2', 'r1', 1]],
      ['phase2a', [1, 'r1', ['a1', 'a2']]],
    ]);
  });

  it('breaks TCConsistent with one RM committed and another aborted, and PCTypeOK with an RM state outside the type', () => {
    const config = { rms: 2, acceptors: 1, maxBallot: 0 };
    const spec = paxosCommitSpec(config);
    const holds = (name: string, w: Words) => {
      const property = spec.properties.find((p) => p.name === name)!;
      if (property.kind !== 'always') throw new Error(`${name} is not an invariant`);
      return property.holds(w);
    };
    const init = spec.init()[0]!;
    expect([holds('PCTypeOK', init), holds('TCConsistent', init)]).toEqual([true, true]);
    const split = viewsFor(config).read(init).copy();
    split.rmState.set('r1', 'committed');
    split.rmState.set('r2', 'aborted');
    expect([holds('PCTypeOK', split.words), holds('TCConsistent', split.words)]).toEqual([true, false]);
    const outside = init.slice();
    outside[paxosCommitLayout(paxosCommitConstants(config)).fields.rmState.at('r1').offset] = 4; // past the four codes
    expect([holds('PCTypeOK', outside), holds('TCConsistent', outside)]).toEqual([false, true]);
  });

  it('has one definition: packed and views are unknown settings', () => {
    for (const key of ['packed', 'views']) {
      expect(() => paxosCommit.instantiate({ [key]: 'true' })).toThrow(KripkeError);
      expect(() => paxosCommit.instantiate({ [key]: 'true' })).toThrow(
        new RegExp(`unknown configuration key '${key}'; available: rms, acceptors, maxBallot`),
      );
    }
  });
});
