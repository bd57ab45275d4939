/**
 * Records the liveness graph from the events of a breadth-first exploration: the initial states,
 * each state as it is expanded (in id order), and each of its steps with the successor's
 * fingerprint. The safety search feeds it while it explores (one exploration for safety and
 * liveness, issue 20); `buildGraph` feeds it from a BFS of its own where the search cannot (DFS,
 * several workers).
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
import { Hasher } from '../fingerprint/index.ts';
import type { ResolvedOptions } from '../options.ts';
import type { ExplorationObserver } from '../search.ts';
import type { FingerprintStore } from '../store.ts';
import { messageOf } from '../successors.ts';
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

export interface Predicate {
  readonly name: string;
  readonly holds: StatePredicate<unknown>;
}

export class GraphRecorder<S> implements ExplorationObserver<S> {
  readonly graph: StateGraph;
  private readonly matcher: FairnessMatcher;
  /** Fingerprint → graph id (the search's own store may keep no ids). */
  private readonly store: FingerprintStore;
  /** For telling a real step from a stutter under a view or symmetry; undefined without them. */
  private readonly concrete: Hasher | undefined;
  private readonly domains: (readonly unknown[] | undefined)[];
  private cutSuccessors = 0;
  private excludedSteps = 0;
  private from = -1;
  private fromState!: S;
  private fromHi = 0;
  private fromLo = 0;
  // The step being marked, read by the callbacks below (made once, not per edge).
  private markEdge = -1;
  private markAction = 0;
  private markParam = 0;
  private readonly paramValue = (): unknown => {
    const domain = (this.domains[this.markAction] ??= this.spec.actions[this.markAction]!.domain(this.fromState));
    return domain[this.markParam];
  };
  private readonly onMatch = (f: number): void => {
    this.graph.setEnabled(this.from, f);
    if (this.markEdge >= 0) this.graph.setTaken(this.markEdge, f);
  };

  constructor(
    private readonly spec: Spec<S>,
    options: ResolvedOptions,
    fairness: readonly ResolvedFairness[],
    private readonly predicates: readonly Predicate[],
  ) {
    this.graph = new StateGraph(fairness.length, predicates.length);
    this.matcher = new FairnessMatcher(fairness, spec as Spec<unknown>);
    this.store = options.createStore();
    this.concrete = spec.view !== undefined || spec.symmetry !== undefined ? new Hasher() : undefined;
    this.domains = spec.actions.map(() => undefined);
  }

  get bytes(): number {
    return this.store.bytes + this.graph.bytes;
  }

  get stateCount(): number {
    return this.graph.stateCount;
  }

  /** An initial state inside the state constraint; returns its graph id, negative (~id) when seen before. */
  initial(state: S, initIndex: number, hi: number, lo: number): number {
    const id = this.discover(state, hi, lo);
    if (id >= 0) this.graph.initial.push({ state: id, initIndex });
    return id;
  }

  /** The next state in id order is expanded: its steps follow. */
  expanding(id: number, state: S): void {
    this.graph.beginEdges(id);
    this.from = id;
    this.fromState = state;
    this.fromHi = this.graph.fingerprintHi(id);
    this.fromLo = this.graph.fingerprintLo(id);
    this.domains.fill(undefined);
  }

  /** A step to a state inside both constraints; returns the target's id, negative (~id) when seen before. */
  step(next: S, action: number, param: number, hi: number, lo: number): number {
    const found = this.discover(next, hi, lo);
    const to = found < 0 ? ~found : found;
    // A step back to the same state is a stutter: it changes nothing and satisfies no fairness.
    // Under a view or symmetry the same identity may hide a real change (a permutation): keep it.
    if (to !== this.from || !this.sameConcrete(next))
      this.markEnabled(this.graph.addEdge(to, action, param), action, param);
    return found;
  }

  /** A step the action constraint rejects: it still enables its action, unless it is a stutter. */
  rejected(next: S, action: number, param: number, hi: number, lo: number): void {
    this.excludedSteps++;
    const stutter = hi === this.fromHi && lo === this.fromLo && this.sameConcrete(next);
    if (!stutter) this.markEnabled(-1, action, param);
  }

  /** A successor outside the state constraint: not followed, but its action is enabled. */
  cut(action: number, param: number): void {
    this.cutSuccessors++;
    this.markEnabled(-1, action, param);
  }

  /** The graph so far, sealed unless a limit or an error stopped the exploration. */
  result(limit: string | undefined, error?: GraphBuild['error']): GraphBuild {
    if (limit === undefined && error === undefined) this.graph.seal();
    return {
      graph: this.graph,
      cutSuccessors: this.cutSuccessors,
      excludedSteps: this.excludedSteps,
      limitHit: limit,
      ...(error ? { error } : {}),
    };
  }

  private discover(state: S, hi: number, lo: number): number {
    const id = this.store.insert(hi, lo);
    if (id < 0) return id;
    this.graph.addState(hi, lo);
    evaluatePredicates(this.spec, this.graph, id, state, this.predicates);
    return id;
  }

  private sameConcrete(next: S): boolean {
    const hasher = this.concrete;
    if (hasher === undefined) return true;
    const { view } = this.spec;
    return hasher.of(view ? view(this.fromState) : this.fromState) === hasher.of(view ? view(next) : next);
  }

  private markEnabled(edge: number, action: number, param: number): void {
    this.markEdge = edge;
    this.markAction = action;
    this.markParam = param;
    this.matcher.forEachMatch(action, param, this.paramValue, this.onMatch);
  }
}

function evaluatePredicates<S>(
  spec: Spec<S>,
  graph: StateGraph,
  id: number,
  state: S,
  predicates: readonly Predicate[],
): void {
  for (let p = 0; p < predicates.length; p++) {
    const predicate = predicates[p]!;
    let result: unknown;
    try {
      result = predicate.holds(state);
    } catch (e) {
      throw new KripkeError('property-threw', `property '${predicate.name}' threw: ${messageOf(e)}`, {
        model: spec.name,
        property: predicate.name,
      });
    }
    if (typeof result !== 'boolean') {
      throw new KripkeError('property-threw', `property '${predicate.name}' returned ${typeof result}, not a boolean`, {
        model: spec.name,
        property: predicate.name,
      });
    }
    if (result) graph.setPredicate(id, p);
  }
}
