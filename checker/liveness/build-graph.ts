/**
 * Builds the liveness graph by a breadth-first exploration of its own, for engines whose search
 * cannot record it (DFS expands out of id order; several workers share the work): the same states
 * the safety search stores (same identity: view of the symmetry representative; same state
 * constraint), recorded by the same `GraphRecorder` that a single-worker BFS feeds while it runs.
 */
import { KripkeError } from '../../spec/errors.ts';
import type { Spec } from '../../spec/types.ts';
import type { ResolvedOptions } from '../options.ts';
import { stepAllowed } from '../action-constraint.ts';
import { interruptedReason } from '../interrupt.ts';
import { MemoryGauge } from '../memory.ts';
import { Successors } from '../successors.ts';
import type { ResolvedFairness } from './fairness.ts';
import { type GraphBuild, GraphRecorder, type Predicate } from './graph-recorder.ts';

export type { GraphBuild } from './graph-recorder.ts';

export function buildGraph<S>(
  spec: Spec<S>,
  options: ResolvedOptions,
  fairness: readonly ResolvedFairness[],
  predicates: readonly Predicate[],
): GraphBuild {
  const recorder = new GraphRecorder(spec, options, fairness, predicates);
  const successors = new Successors(spec, options.strict);
  const { hasher } = successors;
  const queue: (S | undefined)[] = [];
  const startedAt = performance.now();
  const gauge = new MemoryGauge(options.memoryBytes);
  let head = -1;
  try {
    successors.initialStates().forEach((state, initIndex) => {
      if (spec.constraint && !spec.constraint(state)) return;
      successors.identify(state, () => ({ init: String(initIndex) }));
      if (recorder.initial(state, initIndex, hasher.hi, hasher.lo) >= 0) queue.push(state);
    });
    for (head = 0; head < queue.length; head++) {
      if ((head & 1023) === 1023) {
        const limit = limitHit(options, gauge, recorder.stateCount, recorder.bytes, startedAt);
        if (limit) return recorder.result(limit);
      }
      const state = queue[head]!;
      queue[head] = undefined; // let the state be collected
      expand(spec, successors, recorder, queue, state, head);
    }
  } catch (e) {
    if (e instanceof KripkeError) return recorder.result(undefined, { error: e, state: head >= 0 ? head : undefined });
    throw e;
  }
  return recorder.result(undefined);
}

function expand<S>(
  spec: Spec<S>,
  successors: Successors<S>,
  recorder: GraphRecorder<S>,
  queue: (S | undefined)[],
  state: S,
  id: number,
): void {
  const { hasher } = successors;
  recorder.expanding(id, state);
  const domains: (readonly unknown[] | undefined)[] = [];
  const value = (action: number, param: number) => (domains[action] ??= spec.actions[action]!.domain(state))[param];
  successors.forEach(state, (next, action, param) => {
    const where = () => successors.where(spec.actions[action]!, value(action, param));
    if (
      spec.actionConstraint &&
      !stepAllowed(spec, state, next, { action: spec.actions[action]!.name, param: value(action, param) })
    ) {
      successors.identify(next, where);
      recorder.rejected(next, action, param, hasher.hi, hasher.lo);
      return;
    }
    if (spec.constraint && !spec.constraint(next)) {
      recorder.cut(action, param);
      return;
    }
    successors.identify(next, where);
    if (recorder.step(next, action, param, hasher.hi, hasher.lo) >= 0) queue.push(next);
  });
}

/** The same bounds as the safety search: states, time, and memory (store + graph + heap). */
function limitHit(
  options: ResolvedOptions,
  gauge: MemoryGauge,
  states: number,
  bytes: number,
  startedAt: number,
): string | undefined {
  const interrupted = interruptedReason(options.interrupt);
  if (interrupted) return interrupted;
  if (states >= options.maxStates) return `liveness graph: state limit ${options.maxStates} reached`;
  if (performance.now() - startedAt >= options.timeLimitMs)
    return `liveness graph: time limit ${options.timeLimitMs} ms reached`;
  const memory = gauge.exceeded(bytes);
  return memory && `liveness graph: ${memory}`;
}
