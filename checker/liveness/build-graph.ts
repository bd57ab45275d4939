/**
 * Builds the state graph for liveness checking by breadth-first exploration: the same states the
 * safety search stores (same identity: view of the symmetry representative; same state
 * constraint), with every edge between stored states, fairness bits and predicate bits.
 *
 * Enabledness for fairness is the spec's own: an action whose successor falls outside the state
 * constraint, or whose step the action constraint rejects, is still enabled (the step exists, we
 * just do not follow it — TLC's ENABLED ignores both constraints too). That keeps violations
 * sound (every lasso is a real behaviour, judged fair by real enabledness); what a constraint
 * loses is behaviours, so a pass may be vacuous — the caller says so when steps were cut.
 */
import { KripkeError } from '../../spec/errors.ts';
import type { StatePredicate } from '../../spec/properties.ts';
import type { Spec } from '../../spec/types.ts';
import type { ResolvedOptions } from '../options.ts';
import { stepAllowed } from '../action-constraint.ts';
import { memoryBoundHit } from '../search.ts';
import type { FingerprintStore } from '../store.ts';
import { messageOf, Successors } from '../successors.ts';
import { FairnessMatcher, type ResolvedFairness } from './fairness.ts';
import { StateGraph } from './graph.ts';

export interface GraphBuild {
  readonly graph: StateGraph;
  /** Successors dropped because they fail the state constraint. */
  readonly cutSuccessors: number;
  /** Steps the action constraint rejected. */
  readonly excludedSteps: number;
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
  const builder = new GraphBuilder(spec, options, fairness, predicates);
  let head = -1;
  try {
    builder.seed();
    for (head = 0; head < builder.queued; head++) {
      const limit = (head & 1023) === 1023 ? builder.limitHit() : undefined;
      if (limit) return builder.result(limit);
      builder.expand(head);
    }
  } catch (e) {
    if (e instanceof KripkeError) return { ...builder.result(undefined), error: { error: e, state: head >= 0 ? head : undefined } };
    throw e;
  }
  builder.graph.seal();
  return builder.result(undefined);
}

/** The graph under construction: states discovered breadth-first, each expanded once, in id order. */
class GraphBuilder<S> {
  readonly graph: StateGraph;
  private readonly matcher: FairnessMatcher;
  private readonly successors: Successors<S>;
  private readonly store: FingerprintStore;
  private readonly queue: (S | undefined)[] = [];
  private readonly startedAt = performance.now();
  private readonly reduced: boolean;
  private cutSuccessors = 0;
  private excludedSteps = 0;

  constructor(private readonly spec: Spec<S>, private readonly options: ResolvedOptions, fairness: readonly ResolvedFairness[],
    private readonly predicates: readonly Predicate[]) {
    this.graph = new StateGraph(fairness.length, predicates.length);
    this.matcher = new FairnessMatcher(fairness, spec as Spec<unknown>);
    this.successors = new Successors(spec, options.strict);
    this.store = options.createStore();
    this.reduced = spec.view !== undefined || spec.symmetry !== undefined;
  }

  get queued(): number {
    return this.queue.length;
  }

  seed(): void {
    this.successors.initialStates().forEach((state, initIndex) => {
      if (this.spec.constraint && !this.spec.constraint(state)) return;
      const before = this.graph.stateCount;
      const id = this.discover(state, () => ({ init: String(initIndex) }));
      if (this.graph.stateCount > before) this.graph.initial.push({ state: id, initIndex });
    });
  }

  /** Adds the edges of state `from` (the next one in id order), and its fairness bits. */
  expand(from: number): void {
    const { spec, successors, graph } = this;
    const state = this.queue[from]!;
    this.queue[from] = undefined; // let the state be collected
    graph.beginEdges(from);
    const domains = new Map<number, readonly unknown[]>();
    const paramValue = (action: number, param: number) => {
      let domain = domains.get(action);
      if (domain === undefined) domains.set(action, domain = spec.actions[action]!.domain(state));
      return domain[param];
    };
    successors.forEach(state, (next, action, param) => {
      const value = () => paramValue(action, param);
      const where = () => successors.where(spec.actions[action]!, value());
      if (spec.actionConstraint && !stepAllowed(spec, state, next, { action: spec.actions[action]!.name, param: value() })) {
        this.excludedSteps++;
        // A rejected step still enables its action (TLC: ENABLED ignores constraints), unless it is a stutter.
        successors.identify(next, where);
        const { hi, lo } = successors.hasher;
        const stutter = hi === graph.fingerprintHi(from) && lo === graph.fingerprintLo(from) && this.sameConcrete(state, next);
        if (!stutter) this.markEnabled(from, -1, action, param, value);
        return;
      }
      if (spec.constraint && !spec.constraint(next)) {
        this.cutSuccessors++;
        this.markEnabled(from, -1, action, param, value);
        return;
      }
      const to = this.discover(next, where);
      // A step back to the same state is a stutter: it changes nothing and satisfies no fairness.
      // Under a view or symmetry the same identity may hide a real change (a permutation): keep it.
      if (to === from && this.sameConcrete(state, next)) return;
      this.markEnabled(from, graph.addEdge(to, action, param), action, param, value);
    });
  }

  limitHit(): string | undefined {
    return limitHit(this.options, this.graph.stateCount, this.store.bytes + this.graph.bytes, this.startedAt);
  }

  result(limit: string | undefined): GraphBuild {
    return { graph: this.graph, cutSuccessors: this.cutSuccessors, excludedSteps: this.excludedSteps, limitHit: limit };
  }

  private discover(state: S, where: () => Record<string, string>): number {
    this.successors.identify(state, where);
    const { hi, lo } = this.successors.hasher;
    const id = this.store.insert(hi, lo);
    if (id < 0) return ~id;
    this.graph.addState(hi, lo);
    this.queue.push(state);
    evaluatePredicates(this.spec, this.graph, id, state, this.predicates);
    return id;
  }

  /** Whether two states with the same identity are the same without symmetry reduction (equal views, or equal states). */
  private sameConcrete(a: S, b: S): boolean {
    if (!this.reduced) return true;
    const { spec } = this;
    const hasher = this.successors.hasher;
    return hasher.of(spec.view ? spec.view(a) : a) === hasher.of(spec.view ? spec.view(b) : b);
  }

  private markEnabled(from: number, edge: number, action: number, paramIndex: number, param: () => unknown): void {
    this.matcher.forEachMatch(action, paramIndex, param, (f) => {
      this.graph.setEnabled(from, f);
      if (edge >= 0) this.graph.setTaken(edge, f);
    });
  }
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
function limitHit(options: ResolvedOptions, states: number, bytes: number, startedAt: number): string | undefined {
  if (states >= options.maxStates) return `liveness graph: state limit ${options.maxStates} reached`;
  if (performance.now() - startedAt >= options.timeLimitMs) return `liveness graph: time limit ${options.timeLimitMs} ms reached`;
  const memory = memoryBoundHit(bytes, options.memoryBytes);
  return memory && `liveness graph: ${memory}`;
}
