/**
 * Liveness costs one exploration (issue 20): a single-worker BFS records the liveness graph while
 * it searches for safety violations, so no action runs again for liveness — and the recorded graph
 * is exactly the one a separate exploration builds (states, fingerprints, edges, fairness and
 * predicate bits), which DFS and several workers still use.
 */
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../spec/define.ts';
import { weak } from '../../spec/fairness.ts';
import { isLiveness } from '../../spec/properties.ts';
import type { Spec } from '../../spec/types.ts';
import { allocatorSpec } from '../../model/allocator/allocator.ts';
import { diningSpec } from '../../model/dining-philosophers/dining-philosophers.ts';
import { ewd840Spec } from '../../model/ewd840/ewd840.ts';
import { bfs } from '../bfs.ts';
import { check } from '../check.ts';
import { resolveOptions } from '../options.ts';
import { buildGraph } from './build-graph.ts';
import { planLiveness } from './check-liveness.ts';
import { GraphRecorder } from './graph-recorder.ts';
import type { StateGraph } from './graph.ts';

/** A counter that bounces between 0 and 4 under weak fairness, counting the calls of its action. */
function counted() {
  const calls = { n: 0 };
  const spec = defineSpec({
    name: 'bounce',
    init: () => [{ x: 0, up: true }],
    actions: {
      move: {
        next: (s: { x: number; up: boolean }) => {
          calls.n++;
          const up = s.up ? s.x < 4 : s.x === 0;
          return { x: s.x + (up ? 1 : -1), up };
        },
      },
    },
    properties: ({ alwaysEventually }) => [alwaysEventually('back at zero', (s) => s.x === 0)],
    fairness: [weak('move')],
  });
  return { spec, calls };
}

function describeGraph(graph: StateGraph): unknown {
  const states = Array.from({ length: graph.stateCount }, (_, s) => ({
    fingerprint: [graph.fingerprintHi(s), graph.fingerprintLo(s)],
    enabled: Array.from({ length: graph.fairnessCount }, (_, f) => graph.isEnabled(s, f)),
    holds: Array.from({ length: graph.predicateCount }, (_, p) => graph.holds(s, p)),
    edges: Array.from({ length: graph.endEdge(s) - graph.firstEdge(s) }, (_, i) => {
      const e = graph.firstEdge(s) + i;
      return [
        graph.edgeTarget(e),
        graph.edgeAction(e),
        graph.edgeParam(e),
        Array.from({ length: graph.fairnessCount }, (_, f) => graph.takes(e, f)),
      ];
    }),
  }));
  return { states, initial: graph.initial };
}

function recordedAndBuilt<S>(spec: Spec<S>, checkDeadlock: boolean) {
  const options = resolveOptions(spec as Spec<unknown>, { checkDeadlock });
  const plan = planLiveness(
    spec,
    spec.properties.filter((p) => isLiveness(p)),
  );
  const recorder = new GraphRecorder(spec, options, plan.fairness, plan.predicates);
  expect(bfs(spec, options, recorder).status).toBe('pass');
  return {
    recorded: recorder.result(undefined).graph,
    built: buildGraph(spec, options, plan.fairness, plan.predicates).graph,
  };
}

function sameGraph<S>(spec: Spec<S>, checkDeadlock: boolean): void {
  const { recorded, built } = recordedAndBuilt(spec, checkDeadlock);
  expect(recorded.stateCount).toBeGreaterThan(50);
  expect(recorded.edgeCount).toBeGreaterThan(recorded.stateCount);
  expect(describeGraph(recorded)).toEqual(describeGraph(built));
}

describe('liveness costs one exploration', () => {
  it('BFS with liveness calls each action as often as BFS without it; DFS explores again', () => {
    const safety = counted();
    expect(check(safety.spec, { liveness: false }).status).toBe('pass');
    const live = counted();
    const result = check(live.spec);
    expect(result.status).toBe('pass');
    expect(result.stats.liveness).toMatchObject({ graphStates: 9, graphEdges: 9 });
    expect(live.calls.n).toBe(safety.calls.n);
    const dfs = counted();
    expect(check(dfs.spec, { engine: 'dfs' }).status).toBe('pass');
    expect(dfs.calls.n).toBe(2 * safety.calls.n);
  });

  it.each([
    ['ewd840 N=3 (a fairness group, action predicates)', () => sameGraph(ewd840Spec(3), false)],
    ['dining philosophers NP=5 (predicate fairness)', () => sameGraph(diningSpec(5), true)],
    ['allocator 2x2 (property families, strong fairness)', () => sameGraph(allocatorSpec(2, 2), true)],
  ] as const)('%s: the recorded graph is the one a separate exploration builds', (_, compare) => compare());
});
