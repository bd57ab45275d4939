/**
 * Builds the state graph for liveness checking by breadth-first exploration: the same states the
 * safety search stores (same identity: view of the symmetry representative; same state
 * constraint), with every edge between stored states, fairness bits and predicate bits.
 *
 * Enabledness for fairness is the spec's own: an action whose successor falls outside the state
 * constraint is still enabled (the step exists, we just do not follow it). That keeps violations
 * sound (every lasso is a real behaviour, judged fair by real enabledness); what a constraint
 * loses is behaviours, so a pass may be vacuous — the caller says so when `cutSuccessors > 0`.
 */
import { KripkeError } from '../../spec/errors.ts';
import type { StatePredicate } from '../../spec/properties.ts';
import type { Spec } from '../../spec/types.ts';
import type { Hasher } from '../fingerprint/index.ts';
import type { ResolvedOptions } from '../options.ts';
import { interruptedReason } from '../interrupt.ts';
import { MemoryGauge } from '../memory.ts';
import { messageOf, Successors } from '../successors.ts';
import { FairnessMatcher, type ResolvedFairness } from './fairness.ts';
import { StateGraph } from './graph.ts';

export interface GraphBuild {
  readonly graph: StateGraph;
  /** Successors dropped because they fail the state constraint. */
  readonly cutSuccessors: number;
  /** Set when a state or time limit stopped the build. */
  readonly limitHit: string | undefined;
  /** A model error (an action or predicate threw…) and the state being expanded then, if any. */
  readonly error?: { readonly error: KripkeError; readonly state: number | undefined };
}

interface Predicate {
  readonly name: string;
  readonly holds: StatePredicate<unknown>;
}

export function buildGraph<S>(
  spec: Spec<S>, options: ResolvedOptions, fairness: readonly ResolvedFairness[], predicates: readonly Predicate[],
): GraphBuild {
  const graph = new StateGraph(fairness.length, predicates.length);
  const matcher = new FairnessMatcher(fairness, spec.actions.length);
  const successors = new Successors(spec, options.strict);
  const store = options.createStore();
  const queue: (S | undefined)[] = [];
  const startedAt = performance.now();
  let cutSuccessors = 0;
  const reduced = spec.view !== undefined || spec.symmetry !== undefined;
  const discover = (state: S, where: () => Record<string, string>): number => {
    successors.identify(state, where);
    const { hi, lo } = successors.hasher;
    const id = store.insert(hi, lo);
    if (id < 0) return ~id;
    graph.addState(hi, lo);
    queue.push(state);
    evaluatePredicates(spec, graph, id, state, predicates);
    return id;
  };
  const gauge = new MemoryGauge(options.memoryBytes);
  let head = -1;
  try {
    successors.initialStates().forEach((state, initIndex) => {
      if (spec.constraint && !spec.constraint(state)) return;
      const before = graph.stateCount;
      const id = discover(state, () => ({ init: String(initIndex) }));
      if (graph.stateCount > before) graph.initial.push({ state: id, initIndex });
    });
    head = 0;
    for (; head < queue.length; head++) {
      if ((head & 1023) === 1023) {
        const limit = limitHit(options, gauge, graph.stateCount, store.bytes + graph.bytes, startedAt);
        if (limit) return { graph, cutSuccessors, limitHit: limit };
      }
      const state = queue[head]!;
      queue[head] = undefined; // let the state be collected
      graph.beginEdges(head);
      const from = head;
      const domains = new Map<number, readonly unknown[]>();
      const paramValue = (action: number, param: number) => {
        let domain = domains.get(action);
        if (domain === undefined) domains.set(action, domain = spec.actions[action]!.domain(state));
        return domain[param];
      };
      successors.forEach(state, (next, action, param) => {
        if (spec.constraint && !spec.constraint(next)) {
          cutSuccessors++;
          markEnabled(graph, matcher, from, -1, action, () => paramValue(action, param));
          return;
        }
        const to = discover(next, () => successors.where(spec.actions[action]!, paramValue(action, param)));
        // A step back to the same state is a stutter: it changes nothing and satisfies no fairness.
        // Under a view or symmetry the same identity may hide a real change (a permutation): keep it.
        if (to === from && (!reduced || sameConcrete(spec, successors.hasher, state, next))) return;
        const edge = graph.addEdge(to, action, param);
        markEnabled(graph, matcher, from, edge, action, () => paramValue(action, param));
      });
    }
  } catch (e) {
    if (e instanceof KripkeError) return { graph, cutSuccessors, limitHit: undefined, error: { error: e, state: head >= 0 ? head : undefined } };
    throw e;
  }
  graph.seal();
  return { graph, cutSuccessors, limitHit: undefined };
}

/** Whether two states are the same without symmetry reduction (equal views, or equal states). */
function sameConcrete<S>(spec: Spec<S>, hasher: Hasher, a: S, b: S): boolean {
  return hasher.of(spec.view ? spec.view(a) : a) === hasher.of(spec.view ? spec.view(b) : b);
}

function markEnabled(graph: StateGraph, matcher: FairnessMatcher, from: number, edge: number, action: number, param: () => unknown): void {
  matcher.forEachMatch(action, param, (f) => {
    graph.setEnabled(from, f);
    if (edge >= 0) graph.setTaken(edge, f);
  });
}

function evaluatePredicates<S>(spec: Spec<S>, graph: StateGraph, id: number, state: S, predicates: readonly Predicate[]): void {
  for (let p = 0; p < predicates.length; p++) {
    const predicate = predicates[p]!;
    let result: unknown;
    try {
      result = predicate.holds(state);
    } catch (e) {
      throw new KripkeError('property-threw', `property '${predicate.name}' threw: ${messageOf(e)}`, { model: spec.name, property: predicate.name });
    }
    if (typeof result !== 'boolean') {
      throw new KripkeError('property-threw', `property '${predicate.name}' returned ${typeof result}, not a boolean`,
        { model: spec.name, property: predicate.name });
    }
    if (result) graph.setPredicate(id, p);
  }
}

/** The same bounds as the safety search: states, time, and memory (store + graph + heap). */
function limitHit(options: ResolvedOptions, gauge: MemoryGauge, states: number, bytes: number, startedAt: number): string | undefined {
  const interrupted = interruptedReason(options.interrupt);
  if (interrupted) return interrupted;
  if (states >= options.maxStates) return `liveness graph: state limit ${options.maxStates} reached`;
  if (performance.now() - startedAt >= options.timeLimitMs) return `liveness graph: time limit ${options.timeLimitMs} ms reached`;
  const memory = gauge.exceeded(bytes);
  return memory && `liveness graph: ${memory}`;
}
