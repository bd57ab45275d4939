import { describe, expect, it } from 'vitest';
import { check } from '../../checker/index.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import { abstractTrace, refinementOf } from '../../counterexamples/refinement.ts';
import { consensusSpec } from './consensus.ts';
import { msg1b, parseMessage } from './messages.ts';
import { type PaxosVariant, paxosTuring, universe } from './paxos.ts';
import { voting, votingSpec } from './voting.ts';

const TINY = { acceptors: 3, values: 2, maxBallot: 1 };

// Both definitions of the model: records and a Set (paxos.ts), views of packed words (paxos-views.ts).
describe.each(['false', 'true'] as const)(
  'paxos-turing with views=%s (Paxos.tla with MCPaxosTiny.cfg; TLC: 3,921 distinct, 23,563 generated, depth 17)',
  (views) => {
    const paxosSpec = (config: typeof TINY, variant?: PaxosVariant) =>
      paxosTuring.instantiate({ ...config, views }, variant);
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

    it('with symmetry (Permutations(Acceptor) \\cup Permutations(Value)) matches TLC: 443 distinct, 2,697 generated, depth 17', () => {
      const result = check(paxosTuring.instantiate({ symmetric: 'true', views }));
      expect(result.status).toBe('pass');
      expect(result.stats).toMatchObject({ distinctStates: 443, generatedStates: 2697, depth: 17 });
    });

    it('ignore-prior-votes: Inv fails as soon as the unsafe proposal is sent (9 steps)', () => {
      const result = check(paxosTuring.instantiate({ views }, 'ignore-prior-votes'));
      expect(result.status === 'violation' && result.violations.map((v) => [v.property, v.path!.steps.length])).toEqual(
        [['Inv', 9]],
      );
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
  },
);

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
