import { describe, expect, it } from 'vitest';
import { check } from '../../checker/index.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import { always } from '../../spec/index.ts';
import { COMMIT } from './messages.ts';
import { majoritiesOf, paxosCommit, type PaxosCommitState, paxosCommitSpec } from './paxos-commit.ts';

// The full PaxosCommit.cfg (2 RMs, 3 acceptors, ballots 0..1) takes a few minutes; TLC and Kripke:
// 1,321,761 distinct, 16,959,159 generated, depth 28 — run it with `kripke check paxos-commit`.
describe('paxos-commit (PaxosCommit.tla)', () => {
  it('uses the pairs of three acceptors as majorities, as PaxosCommit.cfg', () => {
    expect(majoritiesOf(['a1', 'a2', 'a3'])).toEqual([
      ['a1', 'a2'],
      ['a1', 'a3'],
      ['a2', 'a3'],
    ]);
  });

  it('one RM, three acceptors, ballots 0..1: 1,461 states, 9,936 generated, depth 15; DFS agrees', () => {
    const spec = paxosCommit.instantiate({ rms: '1' });
    const bfs = check(spec);
    const dfs = check(spec, { engine: 'dfs' });
    expect(bfs.status).toBe('pass');
    expect(bfs.stats).toMatchObject({ distinctStates: 1461, generatedStates: 9936, depth: 15 });
    expect(dfs.status).toBe('pass');
    expect(dfs.stats).toMatchObject({ distinctStates: 1461, generatedStates: 9936 });
  });

  it('two RMs, one acceptor: 1,425 states, 9,961 generated, depth 16, pure under strict mode', () => {
    const result = check(paxosCommitSpec({ rms: 2, acceptors: 1, maxBallot: 1 }), { strict: true });
    expect(result.status).toBe('pass');
    expect(result.stats).toMatchObject({ distinctStates: 1425, generatedStates: 9961, depth: 16 });
  });

  it('decides commit once per witness combination (for each RM, a ballot and majority), as TLC counts', () => {
    const spec = paxosCommitSpec({ rms: 1, acceptors: 3, maxBallot: 1 });
    const decide = spec.actions.find((a) => a.name === 'decideCommit')!;
    const init = spec.init()[0]!;
    const prepare = spec.actions.find((a) => a.name === 'rmPrepare')!.next(init, 'r1')!;
    const vote = spec.actions.find((a) => a.name === 'phase2b')!;
    const allVoted = ['a1', 'a2', 'a3'].reduce((s, acc) => vote.next(s, [acc, 'r1', 0, 'prepared'])!, prepare);
    expect(decide.domain(prepare)).toEqual([]);
    expect(decide.domain(allVoted)).toHaveLength(3); // {a1,a2}, {a1,a3}, {a2,a3} in ballot 0
  });

  it('commits at the earliest after the RM prepares, a majority votes, and the leader decides', () => {
    const base = paxosCommitSpec({ rms: 1, acceptors: 3, maxBallot: 1 });
    const spec = { ...base, properties: [always<PaxosCommitState>('never commits', (s) => !s.msgs.has(COMMIT))] };
    const result = check(spec);
    expect(result.status).toBe('violation');
    if (result.status !== 'violation') return;
    const trace = buildTrace(spec, result.violations[0]!.path!);
    expect(trace.steps.map((s) => (s.action ? [s.action.name, s.action.param] : 'init'))).toEqual([
      'init',
      ['rmPrepare', 'r1'],
      ['phase2b', ['a1', 'r1', 0, 'prepared']],
      ['phase2b', ['a2', 'r1', 0, 'prepared']],
      ['decideCommit', [{ rm: 'r1', bal: 0, majority: ['a1', 'a2'] }]],
    ]);
  });
});
