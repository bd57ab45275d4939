import { describe, expect, it } from 'vitest';
import { check } from '../../checker/index.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import { actorEvent, describeActorEvent, register, type Spec } from '../../spec/index.ts';
import { explainConsistency } from '../../spec/semantics/index.ts';
import { raft, raftSpec, type RaftConfig, type RaftVariant } from './raft.ts';
import { formatRaftMessage, type RaftMessage } from './types.ts';
import type { RaftState } from './properties.ts';

const config = (o: Partial<RaftConfig>): RaftConfig => ({ servers: 3, maxTerm: 2, writes: 0, reads: 0, crashes: 0, elections: 2, ...o });

function counterexample(c: RaftConfig, variant: RaftVariant, properties?: string[]) {
  const spec = raftSpec(c, variant);
  const result = check(spec, properties ? { properties } : {});
  if (result.status !== 'violation') throw new Error(`expected a violation, got ${result.status}`);
  const violation = result.violations[0]!;
  const trace = buildTrace(spec as Spec<RaftState>, violation.path!);
  const steps = trace.steps.slice(1).map((s) => describeActorEvent(actorEvent({ action: s.action!.name, param: s.action!.param })!,
    (m: RaftMessage) => formatRaftMessage(m)));
  return { property: violation.property, steps, last: trace.steps.at(-1)!.state };
}

describe('raft (3 servers, terms up to 2, two elections)', () => {
  it('elections alone: 1426 states, BFS = DFS, strict', () => {
    const bfs = check(raftSpec(config({})), { strict: true });
    const dfs = check(raftSpec(config({})), { engine: 'dfs' });
    expect(bfs.status).toBe('pass');
    expect(bfs.stats.distinctStates).toBe(1426);
    expect(bfs.stats.depth).toBe(13);
    expect(dfs.stats.distinctStates).toBe(1426);
  });

  it('with a client write: 21766 states, every property holds', () => {
    const result = check(raftSpec(config({ writes: 1 })));
    expect(result.status).toBe('pass');
    expect(result.stats.distinctStates).toBe(21766);
  });

  it('no-term-check: two leaders in term 1 (6 steps)', () => {
    const { property, steps } = counterexample(config({}), 'no-term-check');
    expect(property).toBe('election safety');
    expect(steps).toEqual([
      'Timeout n1 (election)',
      'Deliver n1 → n2: requestVote(t1, last 0:0)', 'Deliver n2 → n1: vote(t1, granted)', // n1 leads term 1
      'Timeout n2 (election)', // n2 never adopted term 1, so it also campaigns in term 1
      'Deliver n2 → n1: requestVote(t1, last 0:0)', 'Deliver n1 → n2: vote(t1, granted)', // the leader votes for it
    ]);
  });

  it('stale-append-truncates: a delayed empty append erases an acknowledged entry (10 steps)', () => {
    const { property, steps } = counterexample(config({ writes: 1 }), 'stale-append-truncates');
    expect(property).toBe('leader completeness');
    expect(steps).toEqual([
      'Timeout n1 (election)',
      'Deliver n1 → n2: requestVote(t1, last 0:0)', 'Deliver n2 → n1: vote(t1, granted)', // n1 leads term 1
      'Timeout n2 (election)', // n2 campaigns for term 2
      'Local n1: write v1',
      'Deliver n1 → n3: append(t1, [1:v1], commit 0)', // n3 stores v1 and acknowledges
      'Deliver n1 → n3: append(t1, [], commit 0)', // the stale first append: n3 cuts its log
      'Deliver n2 → n3: requestVote(t2, last 0:0)', // n3's log is empty: it votes for n2
      'Deliver n3 → n1: appendReply(t1, match 1)', // n1 commits v1 (n1, n3)
      'Deliver n3 → n2: vote(t2, granted)', // n2 leads term 2 without the committed v1
    ]);
  });
});

describe('the raft protocol', () => {
  it('has the variants of the issue', () => {
    expect(Object.keys(raft.variants)).toEqual(['correct', 'no-term-check', 'figure-8', 'stale-append-truncates']);
    const spec = raft.instantiate();
    expect(spec.actions.map((a) => a.name)).toEqual(['Deliver', 'Timeout', 'Crash', 'Recover', 'Local']);
    expect(spec.properties.map((p) => p.name)).toEqual([
      'election safety', 'log matching', 'leader completeness', 'state machine safety', 'linearizable',
    ]);
  });
  it('a recovered server keeps its term, vote and log, and forgets its role and commit index', () => {
    expect(raftSpec(config({ crashes: 1 })).init()).toHaveLength(1);
    const result = check(raftSpec(config({ crashes: 1 })));
    expect(result.status).toBe('pass');
  });
  it.each<RaftVariant>(['figure-8', 'stale-append-truncates'])('variant %s is safe with elections only', (variant) => {
    expect(check(raftSpec(config({}), variant)).status).toBe('pass');
  });
  it('reports a register history that is not linearizable', () => {
    expect(explainConsistency([], register('v0'))).toContain('linearizable');
  });
});
