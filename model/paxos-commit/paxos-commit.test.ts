import { describe, expect, it } from 'vitest';
import { check } from '../../checker/index.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import { always } from '../../spec/index.ts';
import { COMMIT } from './messages.ts';
import { majoritiesOf, paxosCommit, type PaxosCommitState, paxosCommitSpec } from './paxos-commit.ts';

// The full PaxosCommit.cfg (2 RMs, 3 acceptors, ballots 0..1) takes minutes; TLC: 1,321,761
// distinct, 16,959,159 generated, depth 28 — run it with `kripke check paxos-commit`.
describe('paxos-commit (PaxosCommit.tla)', () => {
  it('uses the pairs of three acceptors as majorities, as PaxosCommit.cfg', () => {
    expect(majoritiesOf(['a1', 'a2', 'a3'])).toEqual([['a1', 'a2'], ['a1', 'a3'], ['a2', 'a3']]);
  });

  it('one RM, three acceptors, ballots 0..1: 1,461 states, 9,348 generated, depth 15; DFS agrees', () => {
    const spec = paxosCommit.instantiate({ rms: '1' });
    const bfs = check(spec);
    const dfs = check(spec, { engine: 'dfs' });
    expect(bfs.status).toBe('pass');
    expect(bfs.stats).toMatchObject({ distinctStates: 1461, generatedStates: 9348, depth: 15 });
    expect(dfs.status).toBe('pass');
    expect(dfs.stats).toMatchObject({ distinctStates: 1461, generatedStates: 9348 });
  });

  it('two RMs, one acceptor: 1,425 states, 9,906 generated, depth 16, pure under strict mode', () => {
    const result = check(paxosCommitSpec({ rms: 2, acceptors: 1, maxBallot: 1 }), { strict: true });
    expect(result.status).toBe('pass');
    expect(result.stats).toMatchObject({ distinctStates: 1425, generatedStates: 9906, depth: 16 });
  });

  it('commits at the earliest after the RM prepares, a majority votes, and the leader decides', () => {
    const base = paxosCommitSpec({ rms: 1, acceptors: 3, maxBallot: 1 });
    const spec = { ...base, properties: [always<PaxosCommitState>('never commits', (s) => !s.msgs.has(COMMIT))] };
    const result = check(spec);
    expect(result.status).toBe('violation');
    if (result.status !== 'violation') return;
    const trace = buildTrace(spec, result.violations[0]!.path!);
    expect(trace.steps.map((s) => (s.action ? [s.action.name, s.action.param] : 'init'))).toEqual([
      'init', ['rmPrepare', 'r1'], ['phase2b', ['a1', 'r1', 0, 'prepared']], ['phase2b', ['a2', 'r1', 0, 'prepared']], ['decideCommit', undefined],
    ]);
  });
});
