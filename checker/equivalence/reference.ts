/**
 * The equivalence test's reference: a plain breadth-first explorer that keys states by a
 * canonical string (the part's `key`), with none of the checker's hashing, stores or engines.
 * It counts as TLC does (initial states plus every successor computed; a successor outside the
 * constraint is counted and checked, not stored) and records, per safety property, the length
 * of its shortest counterexample. It keeps the explicit state graph for the liveness oracle.
 */
import type { Property } from '../../spec/properties.ts';
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
  const { spec, key } = part;
  const index = new Map<string, number>();
  const graph: GraphState<S>[] = [];
  const initial: number[] = [];
  const found = new Map<string, number>();
  const reached = new Map<string, number>();
  const note = (into: Map<string, number>, name: string, length: number) => into.set(name, Math.min(into.get(name) ?? Infinity, length));
  const checkState = (s: S, length: number) => {
    for (const p of spec.properties) {
      if (p.kind === 'always' && !p.holds(s)) note(found, p.name, length);
      if (p.kind === 'sometimes' && p.holds(s)) note(reached, p.name, length);
    }
  };
  const inBounds = (s: S) => spec.constraint === undefined || spec.constraint(s);
  const store = (s: S): number | undefined => {
    const k = key(s);
    if (index.has(k)) return index.get(k);
    index.set(k, graph.length);
    graph.push({ state: s, steps: [] });
    return undefined;
  };
  let generated = 0;
  let frontier: number[] = [];
  for (const s of spec.init()) {
    generated++;
    checkState(s, 0);
    if (!inBounds(s)) continue;
    const known = store(s);
    if (known === undefined) frontier.push(graph.length - 1);
    initial.push(known ?? graph.length - 1);
  }
  let depth = frontier.length > 0 ? 1 : 0;
  let bounded = false;
  for (let d = 1; frontier.length > 0; d++) {
    if (d >= maxDepth) {
      bounded = frontier.some((i) => successorsOf(spec, graph[i]!.state).length > 0);
      break;
    }
    const next: number[] = [];
    for (const i of frontier) {
      const from = graph[i]!;
      const successors = successorsOf(spec, from.state);
      if (successors.length === 0 && !(spec.terminal?.(from.state) ?? false)) note(found, 'deadlock', d - 1);
      for (const [action, param, t] of successors) {
        generated++;
        for (const p of spec.properties) {
          if (p.kind === 'alwaysStep' && !p.holds(from.state, t, { action: spec.actions[action]!.name, param })) note(found, p.name, d);
        }
        checkState(t, d);
        if (!inBounds(t)) continue;
        const known = store(t);
        if (known === undefined) next.push(graph.length - 1);
        from.steps.push([action, param, known ?? graph.length - 1]);
      }
    }
    if (next.length > 0) depth = d + 1;
    frontier = next;
  }
  const violations = new Map([...found].map(([name, n]) => [name, steps(n)]));
  if (!bounded) {
    for (const p of spec.properties) if (p.kind === 'sometimes' && !reached.has(p.name)) violations.set(p.name, 'unreachable');
  }
  const status = violations.size > 0 ? 'violation' : bounded ? 'incomplete' : 'pass';
  return { distinct: graph.length, generated, depth, status, exhaustive: !bounded, violations, examples: new Map([...reached].map(([name, n]) => [name, steps(n)])), graph, initial };
}

/** Every successor of `s` in action and parameter order: [action, parameter value, state]. */
export function successorsOf<S>(spec: Part<S>['spec'], s: S): (readonly [number, unknown, S])[] {
  const out: (readonly [number, unknown, S])[] = [];
  spec.actions.forEach((a, i) => a.domain(s).forEach((param, p) => {
    const t = a.next(s, param, p);
    if (t !== undefined) out.push([i, param, t]);
  }));
  return out;
}

export const isSafety = (p: Property<unknown>) => p.kind === 'always' || p.kind === 'alwaysStep' || p.kind === 'sometimes';
