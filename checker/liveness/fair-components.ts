/**
 * Finding a fair cycle: a component of the property's bad subgraph in which some infinite
 * behaviour satisfies every fairness assumption.
 *
 * Why components suffice. Every state may stutter (TLA+ behaviours are closed under stuttering,
 * and a deadlocked state can only stutter), so every strongly connected component C — even a
 * single state without a self-loop — carries infinite behaviours, among them one cycle that
 * visits every state and every edge of C. That cycle is the fairest behaviour C offers:
 * - weak(A) holds on it iff some edge of C takes A, or A is disabled in some state of C
 *   (then A is disabled infinitely often). If A is enabled in every state of C and never taken
 *   inside C, no behaviour confined to C is fair: discard C (and all its parts).
 * - strong(A) holds on it iff some edge of C takes A, or A is disabled in every state of C.
 *   When A is never taken inside C but enabled in some of its states, a fair behaviour must avoid
 *   those states from some point on: remove them and search the rest again (TLC's refinement).
 * - for <>[]P the cycle must also pass through a ~P state.
 * A component that passes is fair; the lasso is built through what it needs (`requirements`).
 */
import type { ResolvedFairness } from './fairness.ts';
import type { StateGraph } from './graph.ts';
import { SccFinder } from './scc.ts';

/** What a cycle inside the component must include to be fair (and accepting). */
export type Requirement =
  /** Strong fairness: take an edge satisfying it. */
  | { readonly kind: 'take'; readonly fairness: number }
  /** Weak fairness: take an edge satisfying it, or visit a state where it is disabled. */
  | { readonly kind: 'takeOrDisabled'; readonly fairness: number }
  | { readonly kind: 'accepting' };

export interface FairComponent {
  readonly states: readonly number[];
  readonly requirements: readonly Requirement[];
}

export class FairComponentSearch {
  readonly scc: SccFinder;
  /** Membership stamps: of the region being searched, and of the component being judged. */
  private readonly regionMark: Int32Array;
  private readonly componentMark: Int32Array;
  private markGeneration = 0;

  constructor(
    private readonly graph: StateGraph,
    private readonly fairness: readonly ResolvedFairness[],
  ) {
    this.scc = new SccFinder(graph);
    this.regionMark = new Int32Array(graph.stateCount);
    this.componentMark = new Int32Array(graph.stateCount);
  }

  /**
   * Every fair component within `region` (a state set), refined for strong fairness; calls
   * `onFair` for each, in discovery order.
   */
  search(
    region: readonly number[],
    accepting: ((state: number) => boolean) | undefined,
    onFair: (c: FairComponent) => void,
  ): void {
    const work: number[][] = [region.slice()];
    while (work.length > 0) {
      const states = work.pop()!;
      const gen = this.markAll(this.regionMark, states);
      this.scc.run(
        states,
        (s) => this.regionMark[s] === gen,
        (component) => {
          const verdict = this.judge(component, accepting);
          if (verdict === 'unfair') return;
          if (Array.isArray(verdict)) {
            if (verdict.length > 0) work.push(verdict);
            return;
          }
          onFair({ states: component, requirements: verdict.requirements });
        },
      );
    }
  }

  /** 'unfair', a smaller state set to search again (strong fairness), or the requirements. */
  private judge(
    component: number[],
    accepting: ((state: number) => boolean) | undefined,
  ): 'unfair' | number[] | { requirements: Requirement[] } {
    if (accepting && !component.some(accepting)) return 'unfair';
    const gen = this.markAll(this.componentMark, component);
    const requirements: Requirement[] = [];
    const strongToAvoid: number[] = [];
    for (let f = 0; f < this.fairness.length; f++) {
      const taken = this.takenInside(component, f, gen);
      if (this.fairness[f]!.kind === 'weak') {
        if (!taken && component.every((s) => this.graph.isEnabled(s, f))) return 'unfair';
        requirements.push({ kind: 'takeOrDisabled', fairness: f });
      } else if (taken) requirements.push({ kind: 'take', fairness: f });
      else if (component.some((s) => this.graph.isEnabled(s, f))) strongToAvoid.push(f);
    }
    if (strongToAvoid.length > 0) {
      return component.filter((s) => strongToAvoid.every((f) => !this.graph.isEnabled(s, f)));
    }
    if (accepting) requirements.push({ kind: 'accepting' });
    return { requirements };
  }

  private takenInside(component: number[], f: number, gen: number): boolean {
    const g = this.graph;
    for (const s of component) {
      for (let e = g.firstEdge(s); e < g.endEdge(s); e++) {
        if (this.componentMark[g.edgeTarget(e)] === gen && g.takes(e, f)) return true;
      }
    }
    return false;
  }

  private markAll(mark: Int32Array, states: readonly number[]): number {
    const gen = ++this.markGeneration;
    for (const s of states) mark[s] = gen;
    return gen;
  }
}
