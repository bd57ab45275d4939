import { describe, expect, it } from 'vitest';
import { check } from '../../checker/index.ts';
import { checkDefault, counterexample } from '../test-support.ts';
import { kubeScheduler, kubeSchedulerSpec, type KubeConfig } from './kube-scheduler.ts';

const defaults: KubeConfig = { nodes: 3, pods: 4, rejects: 1 };
const WATCH = ['added(p1)', 'added(p2)', 'added(p3)', 'added(p4)'].map((m) => `Deliver api → scheduler: ${m}`);

describe('kube-scheduler (3 nodes, pods p1…p4, one rejected bind)', () => {
  it('the default passes safety and liveness, and preempts: 1,114 states, BFS = DFS, strict', () => {
    expect(checkDefault(kubeScheduler, { strict: true })).toEqual({
      status: ['pass', 'pass'],
      bfs: [1114, 2226, 29],
      dfs: [1114, 2226],
    });
  });

  it('assume-expiry (#106361): the assumption expires before the watch event, and n1 is over-committed (10 steps)', () => {
    const { property, steps } = counterexample(kubeSchedulerSpec(defaults, 'assume-expiry'));
    expect(property).toBe('no node is over-committed');
    expect(steps).toEqual([
      ...WATCH,
      'Local scheduler: schedule p4',
      'Deliver scheduler → api: bind(p4 → n1)',
      'Deliver api → scheduler: bind ok(p4)',
      'Timeout scheduler (expire p4)', // the watch event bound(p4 → n1) is still on its way
      'Local scheduler: schedule p1', // the cache shows n1 empty
      'Deliver scheduler → api: bind(p1 → n1)',
    ]);
  });

  it('no-forget-on-bind-failure (#26043, #28883): a rejected pod is assumed again elsewhere, the cache holds it twice (9 steps)', () => {
    const { property, steps } = counterexample(kubeSchedulerSpec(defaults, 'no-forget-on-bind-failure'));
    expect(property).toBe('the cache holds each pod once');
    expect(steps).toEqual([
      ...WATCH,
      'Local scheduler: schedule p4',
      'Local api: overload',
      'Deliver scheduler → api: bind(p4 → n1)',
      'Deliver api → scheduler: bind rejected(p4)',
      'Local scheduler: schedule p4', // to n2: n1 still holds p4's ghost
    ]);
  });

  it('no-forget-on-bind-failure: the ghost keeps a pod that fits off its node for ever (a liveness violation)', () => {
    const found = counterexample(kubeSchedulerSpec(defaults, 'no-forget-on-bind-failure'), {
      properties: ['a pending pod that fits is eventually scheduled'],
    });
    expect(found.kind).toBe('liveness');
    expect(found.steps.slice(-6)).toEqual([
      'Local scheduler: schedule p2',
      'Local api: overload',
      'Deliver scheduler → api: bind(p2 → n3)',
      'Deliver api → scheduler: bind rejected(p2)',
      'Local scheduler: schedule p2',
      'Local scheduler: schedule p3',
    ]);
  });

  it('priority-inversion: p3 evicts p4, of higher priority (11 steps)', () => {
    const { property, steps } = counterexample(kubeSchedulerSpec(defaults, 'priority-inversion'));
    expect(property).toBe('preemption evicts only strictly lower priorities');
    expect(steps).toEqual([
      ...WATCH,
      'Local scheduler: schedule p4',
      'Deliver scheduler → api: bind(p4 → n1)',
      'Deliver api → scheduler: bind ok(p4)',
      'Deliver api → scheduler: bound(p4 → n1)',
      'Local scheduler: schedule p1',
      'Local scheduler: schedule p2',
      'Local scheduler: schedule p3', // no room: evict(p4 for p3)
    ]);
  });

  it('each bug needs its trigger: without rejected binds no-forget-on-bind-failure is correct', () => {
    expect(check(kubeSchedulerSpec({ ...defaults, rejects: 0 }, 'no-forget-on-bind-failure')).status).toBe('pass');
  });
});

describe('the kube-scheduler protocol', () => {
  it('lists the variants of the issue', () => {
    expect(Object.keys(kubeScheduler.variants)).toEqual([
      'correct',
      'assume-expiry',
      'no-forget-on-bind-failure',
      'priority-inversion',
    ]);
  });
});
