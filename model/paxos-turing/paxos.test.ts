/**
 * Paxos (Paxos.tla with MCPaxosTiny.cfg and MCPaxosSmall.cfg) at TLC's counts with every engine
 * and store, its shortest counterexamples (actions, text and refinement image), its states as
 * decoded from the words; then Voting and Consensus, the specs it refines.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../checker/index.ts';
import { wholeState } from '../../checker/diff/index.ts';
import { fingerprintOf } from '../../checker/fingerprint/index.ts';
import { traceToJson } from '../../counterexamples/export-json.ts';
import { parseTrace } from '../../counterexamples/load-trace.ts';
import { abstractTrace, refinementOf } from '../../counterexamples/refinement.ts';
import { replayTrace } from '../../counterexamples/replay.ts';
import { exploreStateGraph } from '../../counterexamples/state-graph.ts';
import { renderTraceText } from '../../counterexamples/text.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import { KripkeError } from '../../spec/index.ts';
import { consensusSpec } from './consensus.ts';
import { messageTexts } from './layout.ts';
import { msg1b, parseMessage } from './messages.ts';
import { paxosSpec, paxosTuring, universe } from './paxos.ts';
import { voting, votingSpec } from './voting.ts';

const TINY = { acceptors: 3, values: 2, maxBallot: 1 };

describe('paxos-turing (Paxos.tla with MCPaxosTiny.cfg; TLC: 3,921 distinct, 23,563 generated, depth 17)', () => {
  it('matches TLC on the Tiny model, in strict mode, with Inv, Agreement and the Voting refinement', () => {
    const result = check(paxosSpec(TINY), { strict: true });
    expect(result.status).toBe('pass');
    expect(result.stats).toMatchObject({ distinctStates: 3921, generatedStates: 23563, depth: 17 });
  });

  it('is not vacuous: a value can be chosen, at the earliest after 6 steps', () => {
    const spec = paxosSpec(TINY);
    const result = check(spec, { properties: ['ValueChosen'] });
    const [example] = result.examples;
    expect(example?.property).toBe('ValueChosen');
    expect(buildTrace(spec, example!.path!).steps.map((s) => s.action?.label ?? 'init')).toEqual([
      'init',
      'phase1a(0)',
      'phase1b({ acc: "a1", bal: 0 })',
      'phase1b({ acc: "a2", bal: 0 })',
      'phase2a({ bal: 0, val: "v1", quorum: ["a1", "a2"], citing: null })',
      'phase2b({ acc: "a1", bal: 0, val: "v1" })',
      'phase2b({ acc: "a2", bal: 0, val: "v1" })',
    ]);
  });

  it('explores the same states with BFS and DFS', () => {
    const dfs = check(paxosSpec(TINY), { engine: 'dfs', store: 'map' });
    expect(dfs.status).toBe('pass');
    expect(dfs.stats).toMatchObject({ distinctStates: 3921, generatedStates: 23563 });
  });

  it('gives the counts with two workers and with the disk store', () => {
    const settings = {};
    const spec = paxosTuring.instantiate(settings);
    const specSource = { module: new URL('./paxos.ts', import.meta.url).href, exportName: 'paxosTuring', settings };
    for (const options of [{ workers: 2, specSource }, { store: 'disk' as const }]) {
      const result = check(spec, options);
      expect(result.status).toBe('pass');
      expect(result.stats).toMatchObject({ distinctStates: 3921, generatedStates: 23563, depth: 17 });
    }
  });

  it('with symmetry (Permutations(Acceptor) \\cup Permutations(Value)) matches TLC: 443 distinct, 2,697 generated, depth 17', () => {
    const result = check(paxosTuring.instantiate({ symmetric: 'true' }));
    expect(result.status).toBe('pass');
    expect(result.stats).toMatchObject({ distinctStates: 443, generatedStates: 2697, depth: 17 });
  });

  it("checks MCPaxosSmall (Inv and V!Spec) with TLC's counts: 185,369 distinct, 1,361,380 generated, depth 25", () => {
    const result = check(paxosTuring.instantiate({ maxBallot: '2' }), { properties: ['Inv', 'ImplementsVoting'] });
    expect(result.status).toBe('pass');
    expect(result.stats).toMatchObject({ distinctStates: 185369, generatedStates: 1361380, depth: 25 });
  });

  it('ignore-prior-votes: Inv fails as soon as the unsafe proposal is sent (9 steps)', () => {
    const result = check(paxosTuring.instantiate({}, 'ignore-prior-votes'));
    expect(result.status === 'violation' && result.violations.map((v) => [v.property, v.path!.steps.length])).toEqual([
      ['Inv', 9],
    ]);
  });

  it('ignore-prior-votes: ballots 0 and 1 choose different values (12 steps)', () => {
    const spec = paxosSpec(TINY, 'ignore-prior-votes');
    const result = check(spec, { strict: true, properties: ['Agreement'] });
    expect(result.status).toBe('violation');
    if (result.status !== 'violation') return;
    const labels = buildTrace(spec, result.violations[0]!.path!).steps.map((s) => s.action?.label ?? 'init');
    expect(labels).toEqual([
      'init',
      'phase1a(0)',
      'phase1a(1)',
      'phase1b({ acc: "a1", bal: 0 })',
      'phase1b({ acc: "a1", bal: 1 })',
      'phase1b({ acc: "a2", bal: 0 })',
      'phase2a({ bal: 0, val: "v1", quorum: ["a1", "a2"], citing: null })',
      'phase2b({ acc: "a2", bal: 0, val: "v1" })',
      'phase1b({ acc: "a2", bal: 1 })',
      'phase2a({ bal: 1, val: "v2", quorum: ["a1", "a2"], citing: null })',
      'phase2b({ acc: "a1", bal: 1, val: "v2" })',
      'phase2b({ acc: "a2", bal: 1, val: "v2" })',
      'phase2b({ acc: "a3", bal: 0, val: "v1" })',
    ]);
  });

  it("shows Agreement's violation as this text, its last state decoded as records and a set, and replays it", () => {
    const spec = paxosSpec(TINY, 'ignore-prior-votes');
    const result = check(spec, { properties: ['Agreement'] });
    if (result.status !== 'violation') throw new Error(`expected a violation, got ${result.status}`);
    const trace = buildTrace(spec, result.violations[0]!.path!, { property: 'Agreement' });
    expect(renderTraceText(trace)).toBe(AGREEMENT_TRACE);
    expect(trace.steps.at(-1)!.shown).toEqual({
      maxBal: { a1: 1, a2: 1, a3: 0 },
      maxVBal: { a1: 1, a2: 1, a3: 0 },
      maxVal: { a1: 'v2', a2: 'v2', a3: 'v1' },
      msgs: new Set([
        '2b(a1, 1, v2)',
        '2b(a2, 0, v1)',
        '2b(a2, 1, v2)',
        '2b(a3, 0, v1)',
        '1a(0)',
        '1a(1)',
        '1b(a1, 0, -1, None)',
        '1b(a1, 1, -1, None)',
        '1b(a2, 0, -1, None)',
        '1b(a2, 1, 0, v1)',
        '2a(0, v1)',
        '2a(1, v2)',
      ]),
    });
    const saved = parseTrace(JSON.stringify(traceToJson(trace)), 'trace.json');
    expect(replayTrace(spec, saved).status).toBe('reproduced');
  });

  it('ignore-prior-votes breaks the refinement of Voting after 10 steps, on the trace TLC prints', () => {
    // TLC (Paxos.tla with Phase2a's `\/ Q1bv = {} \/ \E m \in Q1bv : …` replaced by TRUE, MCPaxosTiny.cfg
    // without Inv): "Action property … of module Voting is violated" after Phase1a(0), Phase1a(1),
    // Phase1b(a1), Phase1b(a1), Phase1b(a2), Phase2a(0,v1), Phase2b(a2), Phase1b(a2), Phase2a(1,v2), Phase2b(a1).
    const spec = paxosSpec(TINY, 'ignore-prior-votes');
    const result = check(spec, { properties: ['ImplementsVoting'] });
    expect(result.status).toBe('violation');
    if (result.status !== 'violation') return;
    const trace = buildTrace(spec, result.violations[0]!.path!);
    expect(trace.steps.map((s) => s.action?.name ?? 'init')).toEqual([
      'init',
      'phase1a',
      'phase1a',
      'phase1b',
      'phase1b',
      'phase1b',
      'phase2a',
      'phase2b',
      'phase1b',
      'phase2a',
      'phase2b',
    ]);
    expect(trace.steps.at(-1)!.action!.label).toBe('phase2b({ acc: "a1", bal: 1, val: "v2" })');
    const image = abstractTrace(refinementOf(spec, 'ImplementsVoting')!, trace);
    expect(image.firstUnmatched).toBe(10);
    expect(image.steps.map((s) => s.counterpart?.split('(')[0])).toEqual([
      'initial',
      'stutter',
      'stutter',
      'increaseMaxBal',
      'increaseMaxBal',
      'increaseMaxBal',
      'stutter',
      'voteFor',
      'increaseMaxBal',
      'stutter',
      undefined,
    ]);
  });

  it('decodes the 3,921 reachable states as distinct, well-typed records and sets (what traces, the explorer and diffs read)', () => {
    const spec = paxosSpec(TINY);
    const u = universe(TINY);
    const states = exploreStateGraph(spec, 100_000).states;
    expect(states).toHaveLength(3921);
    const observe = wholeState(spec);
    const decoded = states.map((w) => spec.display(w));
    states.forEach((w, i) => expect(observe(w)).toEqual(decoded[i]));
    expect(new Set(decoded.map((s) => fingerprintOf(s))).size).toBe(3921);
    expect(decoded[0]).toEqual({
      maxBal: { a1: -1, a2: -1, a3: -1 },
      maxVBal: { a1: -1, a2: -1, a3: -1 },
      maxVal: { a1: null, a2: null, a3: null },
      msgs: new Set(),
    });
    // TypeOK, read off the decoded states: the layout holds nothing else.
    const ballotOrNone = [-1, ...u.ballots];
    const valueOrNone = [null, ...u.values];
    const allowed = new Set(messageTexts(u));
    for (const s of decoded as { maxBal: object; maxVBal: object; maxVal: object; msgs: Set<string> }[]) {
      for (const field of [s.maxBal, s.maxVBal]) {
        expect(Object.keys(field)).toEqual(u.acceptors);
        for (const b of Object.values(field)) expect(ballotOrNone).toContain(b);
      }
      expect(Object.keys(s.maxVal)).toEqual(u.acceptors);
      for (const v of Object.values(s.maxVal)) expect(valueOrNone).toContain(v);
      for (const text of s.msgs) expect(allowed.has(text)).toBe(true);
    }
  });

  it('holds every message the constants allow, the votes first (54 texts with 3 acceptors, 2 values, ballots 0..2)', () => {
    const texts = messageTexts(universe({ acceptors: 3, values: 2, maxBallot: 2 }));
    expect(texts).toHaveLength(18 + 3 + 27 + 6);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.slice(0, 2)).toEqual(['2b(a1, 0, v1)', '2b(a1, 0, v2)']);
    expect(texts).toContain('1b(a3, 2, 1, v2)');
    expect(texts).not.toContain('1b(a3, 1, 1, v2)'); // a report of ballot 1 carries a vote below 1
  });

  it('has one definition: packed and views are unknown settings', () => {
    for (const key of ['packed', 'views']) {
      expect(() => paxosTuring.instantiate({ [key]: 'true' })).toThrow(KripkeError);
      expect(() => paxosTuring.instantiate({ [key]: 'true' })).toThrow(
        new RegExp(`unknown configuration key '${key}'; available: acceptors, values, maxBallot, symmetric`),
      );
    }
  });
});

describe("paxos-turing's constants and messages", () => {
  it('uses the cfg constants: acceptors a1..a3, values v1, v2, majority quorums, ballots 0..maxBallot', () => {
    expect(universe({ acceptors: 3, values: 2, maxBallot: 2 })).toEqual({
      acceptors: ['a1', 'a2', 'a3'],
      values: ['v1', 'v2'],
      ballots: [0, 1, 2],
      quorums: [
        ['a1', 'a2'],
        ['a1', 'a3'],
        ['a2', 'a3'],
      ],
    });
  });

  it('reads messages back from their text form', () => {
    expect(parseMessage(msg1b('a2', 1, 0, 'v1'))).toEqual({ type: '1b', acc: 'a2', bal: 1, mbal: 0, mval: 'v1' });
    expect(parseMessage(msg1b('a2', 1, -1, null))).toEqual({ type: '1b', acc: 'a2', bal: 1, mbal: -1, mval: null });
    expect(parseMessage('2b(a1, x, v1)')).toBeUndefined();
  });
});

describe('voting (Voting.tla with MCVoting.cfg; TLC: 6,752 distinct, 41,017 generated, depth 16; C!Spec holds)', () => {
  it('matches TLC exactly, VoteFor counted per witness of its guard, and refines Consensus', () => {
    const result = check(voting.instantiate({}));
    expect(result.status).toBe('pass');
    expect(result.stats).toMatchObject({ distinctStates: 6752, generatedStates: 41017, depth: 16 });
    expect(voting.instantiate({}).properties.map((p) => p.name)).toEqual([
      'OneValuePerBallot',
      'VotesSafe',
      'ImplementsConsensus',
    ]);
  });

  it('counted per vote (acceptor, ballot, value) it has the same states and steps, fewer tries', () => {
    const u = universe({ acceptors: 3, values: 2, maxBallot: 2 });
    expect(check(votingSpec(u, 'votes')).stats).toMatchObject({
      distinctStates: 6752,
      generatedStates: 26905,
      depth: 16,
    });
  });

  it('Consensus itself: 4 distinct states, 4 generated, depth 2 (TLC, MCConsensus with three values)', () => {
    expect(check(consensusSpec(['a', 'b', 'c'])).stats).toMatchObject({
      distinctStates: 4,
      generatedStates: 4,
      depth: 2,
    });
  });
});

/** The shortest path to Agreement's violation under ignore-prior-votes, as `renderTraceText` shows it. */
const AGREEMENT_TRACE = [
  'State 1 (initial)',
  '    maxBal = { a1: -1, a2: -1, a3: -1 }',
  '    maxVBal = { a1: -1, a2: -1, a3: -1 }',
  '    maxVal = { a1: null, a2: null, a3: null }',
  '    msgs = {}',
  'State 2 ← phase1a(0)',
  '    msgs: + "1a(0)"',
  'State 3 ← phase1a(1)',
  '    msgs: + "1a(1)"',
  'State 4 ← phase1b({ acc: "a1", bal: 0 })',
  '    maxBal.a1: -1 → 0',
  '    msgs: + "1b(a1, 0, -1, None)"',
  'State 5 ← phase1b({ acc: "a1", bal: 1 })',
  '    maxBal.a1: 0 → 1',
  '    msgs: + "1b(a1, 1, -1, None)"',
  'State 6 ← phase1b({ acc: "a2", bal: 0 })',
  '    maxBal.a2: -1 → 0',
  '    msgs: + "1b(a2, 0, -1, None)"',
  'State 7 ← phase2a({ bal: 0, val: "v1", quorum: ["a1", "a2"], citing: null })',
  '    msgs: + "2a(0, v1)"',
  'State 8 ← phase2b({ acc: "a2", bal: 0, val: "v1" })',
  '    maxVBal.a2: -1 → 0',
  '    maxVal.a2: null → "v1"',
  '    msgs: + "2b(a2, 0, v1)"',
  'State 9 ← phase1b({ acc: "a2", bal: 1 })',
  '    maxBal.a2: 0 → 1',
  '    msgs: + "1b(a2, 1, 0, v1)"',
  'State 10 ← phase2a({ bal: 1, val: "v2", quorum: ["a1", "a2"], citing: null })',
  '    msgs: + "2a(1, v2)"',
  'State 11 ← phase2b({ acc: "a1", bal: 1, val: "v2" })',
  '    maxVBal.a1: -1 → 1',
  '    maxVal.a1: null → "v2"',
  '    msgs: + "2b(a1, 1, v2)"',
  'State 12 ← phase2b({ acc: "a2", bal: 1, val: "v2" })',
  '    maxVBal.a2: 0 → 1',
  '    maxVal.a2: "v1" → "v2"',
  '    msgs: + "2b(a2, 1, v2)"',
  'State 13 ← phase2b({ acc: "a3", bal: 0, val: "v1" })',
  '    maxBal.a3: -1 → 0',
  '    maxVBal.a3: -1 → 0',
  '    maxVal.a3: null → "v1"',
  '    msgs: + "2b(a3, 0, v1)"',
].join('\n');
