import { describe, expect, it } from 'vitest';
import { check } from '../../checker/index.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import { actorEvent, describeActorEvent, type Spec } from '../../spec/index.ts';
import { formatPaxosMessage, type PaxosMessage } from './messages.ts';
import { paxos, paxosSpec, type PaxosConfig, type PaxosVariant } from './paxos.ts';

const config = (overrides: Partial<PaxosConfig>): PaxosConfig => ({
  proposers: 2,
  acceptors: 3,
  rounds: 1,
  crashes: 0,
  ...overrides,
});

/** The shortest counterexample as the messages a person follows. */
function counterexample(spec: Spec<unknown>): { property: string; steps: string[] } {
  const result = check(spec, { properties: ['agreement', 'validity'] });
  if (result.status !== 'violation') throw new Error(`expected a violation, got ${result.status}`);
  const violation = result.violations[0]!;
  const trace = buildTrace(spec, violation.path!);
  const steps = trace.steps
    .slice(1)
    .map((s) =>
      describeActorEvent(actorEvent({ action: s.action!.name, param: s.action!.param })!, (m: PaxosMessage) =>
        formatPaxosMessage(m),
      ),
    );
  return { property: violation.property, steps };
}

describe('paxos (2 proposers, 3 acceptors, one ballot each)', () => {
  it('is safe without crashes: 2905 states, BFS = DFS, strict', () => {
    const bfs = check(paxosSpec(config({})), { strict: true });
    const dfs = check(paxosSpec(config({})), { engine: 'dfs' });
    expect(bfs.status).toBe('pass');
    expect(dfs.status).toBe('pass');
    expect(bfs.stats.distinctStates).toBe(2905);
    expect(bfs.stats.depth).toBe(19);
    expect(dfs.stats.distinctStates).toBe(2905);
  });

  it('volatile-promise: a recovered acceptor votes in a ballot it had promised away (16 steps)', () => {
    const spec = paxosSpec(config({ crashes: 1, crashable: 1 }), 'volatile-promise');
    expect(counterexample(spec as Spec<unknown>)).toEqual({
      property: 'agreement',
      steps: [
        'Timeout p1 (start)',
        'Deliver p1 → a1: prepare(1)',
        'Deliver a1 → p1: promise(1)',
        'Deliver p1 → a2: prepare(1)',
        'Deliver a2 → p1: promise(1)',
        'Deliver p1 → a2: accept(1, v1)', // a2 votes v1 in ballot 1
        'Timeout p2 (start)',
        'Deliver p2 → a1: prepare(2)',
        'Deliver a1 → p2: promise(2)',
        'Deliver p2 → a3: prepare(2)',
        'Deliver a3 → p2: promise(2)',
        'Deliver p2 → a1: accept(2, v2)',
        'Deliver p2 → a2: accept(2, v2)', // v2 chosen by a1, a2 in ballot 2
        'Crash a1',
        'Recover a1', // a1 forgets its promise for ballot 2
        'Deliver p1 → a1: accept(1, v1)', // with a2's earlier vote, v1 chosen in ballot 1
      ],
    });
  });

  it('ignore-promised-values: the second proposer overwrites a chosen value (14 steps, no crash needed)', () => {
    expect(counterexample(paxosSpec(config({}), 'ignore-promised-values') as Spec<unknown>)).toEqual({
      property: 'agreement',
      steps: [
        'Timeout p1 (start)',
        'Deliver p1 → a1: prepare(1)',
        'Deliver a1 → p1: promise(1)',
        'Deliver p1 → a2: prepare(1)',
        'Deliver a2 → p1: promise(1)',
        'Deliver p1 → a1: accept(1, v1)',
        'Deliver p1 → a2: accept(1, v1)', // v1 chosen
        'Timeout p2 (start)',
        'Deliver p2 → a1: prepare(2)',
        'Deliver a1 → p2: promise(2, accepted 1:v1)',
        'Deliver p2 → a2: prepare(2)',
        'Deliver a2 → p2: promise(2, accepted 1:v1)',
        'Deliver p2 → a1: accept(2, v2)',
        'Deliver p2 → a2: accept(2, v2)', // v2 chosen too
      ],
    });
  });

  it('the correct protocol survives the volatile-promise scenario (promises on stable storage)', () => {
    const result = check(paxosSpec(config({ crashes: 1, crashable: 1 })));
    expect(result.status).toBe('pass');
    expect(result.stats.distinctStates).toBe(8715);
  });
});

describe('paxos liveness: a single live proposer', () => {
  it('gets a value chosen under weak fairness of Deliver and Timeout, despite an acceptor crash', () => {
    const result = check(paxosSpec(config({ proposers: 1, crashes: 1 })));
    expect(result.status).toBe('pass');
    expect(result.stats.distinctStates).toBe(265);
  });
  it('cannot when two of three acceptors may crash for good: a lasso that stops with no quorum', () => {
    const result = check(paxosSpec(config({ proposers: 1, crashes: 2 })));
    expect(result.status).toBe('violation');
    if (result.status !== 'violation') return;
    expect(result.violations[0]?.property).toBe('a value is eventually chosen');
    expect(result.violations[0]?.kind).toBe('liveness');
  });
});

describe('the paxos protocol', () => {
  it('has the variants of the issue and a meaningful default configuration', () => {
    expect(Object.keys(paxos.variants)).toEqual(['correct', 'volatile-promise', 'ignore-promised-values']);
    const spec = paxos.instantiate();
    expect(spec.actions.map((a) => a.name)).toEqual(['Deliver', 'Timeout', 'Crash', 'Recover']);
    expect(spec.properties.map((p) => p.name)).toEqual(['agreement', 'validity']);
    expect(() => paxos.instantiate({ proposers: '0' })).toThrow(/proposers=0: must be at least 1/);
  });
  it.each<PaxosVariant>(['volatile-promise'])('variant %s needs a crash: safe without one', (variant) => {
    expect(check(paxosSpec(config({}), variant)).status).toBe('pass');
  });
});
