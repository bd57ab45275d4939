/**
 * The equivalence test's reference: a plain breadth-first explorer that keys states by a
 * canonical string (the part's `key`), with none of the checker's hashing, stores or engines.
 * It counts as TLC does (initial states plus every successor computed; a successor outside the
 * constraint is counted and checked, not stored) and records, per safety property, the length
 * of its shortest counterexample. It keeps the explicit state graph for the liveness oracle.
 */
import type { Part } from './part.ts';

/** What a run found about one property: `n steps` (shortest), `unreachable` or `lasso`. */
export type Verdicts = ReadonlyMap<string, string>;

export interface Figures {
  readonly distinct: number;
  readonly generated: number;
  readonly depth: number;
  readonly status: 'pass' | 'violation' | 'incomplete';
  readonly violations: Verdicts;
  /** `sometimes` goals reached, with the length of the shortest example. */
  readonly examples: Verdicts;
}

/** A reached state and its outgoing steps: [action, parameter value, target state index]. */
export interface GraphState<S> {
  readonly state: S;
  readonly steps: (readonly [number, unknown, number])[];
}

export interface Reference<S> extends Figures {
  /** False when a depth bound cut the search short. */
  readonly exhaustive: boolean;
  /** Safety only: liveness verdicts come from the oracle. */
  readonly graph: readonly GraphState<S>[];
  readonly initial: readonly number[];
}

const steps = (n: number) => `${n} steps`;

export function explore<S>(part: Part<S>, maxDepth = Infinity): Reference<S> {
  const x = new Explorer(part);
  let frontier = x.seed();
  let depth = frontier.length > 0 ? 1 : 0;
  let bounded = false;
  for (let d = 1; frontier.length > 0; d++) {
    if (d >= maxDepth) {
      bounded = frontier.some((i) => successorsOf(part.spec, x.graph[i]!.state).length > 0);
      break;
    }
    frontier = frontier.flatMap((i) => x.expand(i, d));
    if (frontier.length > 0) depth = d + 1;
  }
  return x.result(depth, bounded);
}

/** The reference's state: the graph so far, the counts, and the shortest length per property. */
class Explorer<S> {
  readonly graph: GraphState<S>[] = [];
  private readonly index = new Map<string, number>();
  private readonly initial: number[] = [];
  private readonly found = new Map<string, number>();
  private readonly reached = new Map<string, number>();
  private generated = 0;

  constructor(private readonly part: Part<S>) {}

  /** Discovers the initial states; returns the new ones (the first level). */
  seed(): number[] {
    const fresh: number[] = [];
    for (const s of this.part.spec.init()) {
      const id = this.discover(s, 0, fresh);
      if (id !== undefined) this.initial.push(id);
    }
    return fresh;
  }

  /** Expands state `i` of level `d`; returns the new states it found. */
  expand(i: number, d: number): number[] {
    const { spec } = this.part;
    const from = this.graph[i]!;
    const successors = successorsOf(spec, from.state);
    if (successors.length === 0 && !(spec.terminal?.(from.state) ?? false)) this.note(this.found, 'deadlock', d - 1);
    const fresh: number[] = [];
    for (const [action, param, t] of successors) {
      for (const p of spec.properties) {
        if (p.kind === 'alwaysStep' && !p.holds(from.state, t, { action: spec.actions[action]!.name, param }))
          this.note(this.found, p.name, d);
      }
      const id = this.discover(t, d, fresh);
      if (id !== undefined) from.steps.push([action, param, id]);
    }
    return fresh;
  }

  /** Counts and checks a generated state reached in `length` steps; its id unless the constraint drops it. */
  private discover(s: S, length: number, fresh: number[]): number | undefined {
    const { spec, key } = this.part;
    this.generated++;
    for (const p of spec.properties) {
      if (p.kind === 'always' && !p.holds(s)) this.note(this.found, p.name, length);
      if (p.kind === 'sometimes' && p.holds(s)) this.note(this.reached, p.name, length);
    }
    if (spec.constraint !== undefined && !spec.constraint(s)) return undefined;
    const k = key(s);
    const known = this.index.get(k);
    if (known !== undefined) return known;
    this.index.set(k, this.graph.length);
    this.graph.push({ state: s, steps: [] });
    fresh.push(this.graph.length - 1);
    return this.graph.length - 1;
  }

  private note(into: Map<string, number>, name: string, length: number): void {
    into.set(name, Math.min(into.get(name) ?? Infinity, length));
  }

  result(depth: number, bounded: boolean): Reference<S> {
    const violations = new Map([...this.found].map(([name, n]) => [name, steps(n)]));
    for (const p of this.part.spec.properties) {
      if (!bounded && p.kind === 'sometimes' && !this.reached.has(p.name)) violations.set(p.name, 'unreachable');
    }
    const status = violations.size > 0 ? 'violation' : bounded ? 'incomplete' : 'pass';
    const examples = new Map([...this.reached].map(([name, n]) => [name, steps(n)]));
    return {
      distinct: this.graph.length,
      generated: this.generated,
      depth,
      status,
      exhaustive: !bounded,
      violations,
      examples,
      graph: this.graph,
      initial: this.initial,
    };
  }
}

/** Every successor of `s` in action and parameter order: [action, parameter value, state]. */
export function successorsOf<S>(spec: Part<S>['spec'], s: S): (readonly [number, unknown, S])[] {
  const out: (readonly [number, unknown, S])[] = [];
  spec.actions.forEach((a, i) =>
    a.domain(s).forEach((param, p) => {
      const t = a.next(s, param, p);
      if (t !== undefined) out.push([i, param, t]);
    }),
  );
  return out;
}
