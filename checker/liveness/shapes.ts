/**
 * Each liveness property, negated, as a search shape over the state graph. A counterexample is a
 * fair behaviour that (phase 0) walks from an initial state to an entry state, then (phase 1)
 * stays forever inside the property's "bad" set and ends in a fair cycle there:
 *
 * | property   | negation               | phase 0          | entry       | phase 1 / cycle set | cycle must visit |
 * |------------|------------------------|------------------|-------------|---------------------|------------------|
 * | <>P        | []~P                   | none (init only) | init & ~P   | ~P                  | -                |
 * | []<>P      | <>[]~P                 | anywhere         | ~P          | ~P                  | -                |
 * | <>[]P      | []<>~P                 | anywhere         | any         | all                 | a ~P state       |
 * | P ~> Q     | <>(P & []~Q)           | anywhere         | P & ~Q      | ~Q                  | -                |
 *
 * Predicates are evaluated once per state while the graph is built; a shape reads them by index.
 */
import type { LivenessProperty, StatePredicate } from '../../spec/properties.ts';
import type { StateGraph } from './graph.ts';

export interface Shape {
  readonly property: LivenessProperty<unknown>;
  /** Whether phase 0 may take steps (false: phase 1 starts at an initial state). */
  readonly prefixMoves: boolean;
  entry(graph: StateGraph, state: number): boolean;
  inCycleSet(graph: StateGraph, state: number): boolean;
  /** When defined, the cycle must pass through a state satisfying it. */
  readonly accepting: ((graph: StateGraph, state: number) => boolean) | undefined;
  /** What the counterexample shows, for the violation note. */
  readonly meaning: string;
}

/** Collects every predicate the properties need; `shapes[i]` reads predicates by their index. */
export function planShapes(properties: readonly LivenessProperty<unknown>[]): {
  predicates: { name: string; holds: StatePredicate<unknown> }[];
  shapes: Shape[];
} {
  const predicates: { name: string; holds: StatePredicate<unknown> }[] = [];
  const add = (name: string, holds: StatePredicate<unknown>) => predicates.push({ name, holds }) - 1;
  const shapes = properties.map((property): Shape => {
    const name = property.instance === undefined ? property.name : `${property.name} for ${property.instance}`;
    switch (property.kind) {
      case 'eventually': {
        const p = add(name, property.holds);
        const bad = (g: StateGraph, s: number) => !g.holds(s, p);
        return {
          property,
          prefixMoves: false,
          entry: bad,
          inCycleSet: bad,
          accepting: undefined,
          meaning: 'a fair behaviour in which it never holds',
        };
      }
      case 'alwaysEventually': {
        const p = add(name, property.holds);
        const bad = (g: StateGraph, s: number) => !g.holds(s, p);
        return {
          property,
          prefixMoves: true,
          entry: bad,
          inCycleSet: bad,
          accepting: undefined,
          meaning: 'a fair behaviour in which, from the cycle on, it never holds again',
        };
      }
      case 'eventuallyAlways': {
        const p = add(name, property.holds);
        return {
          property,
          prefixMoves: true,
          entry: () => true,
          inCycleSet: () => true,
          accepting: (g, s) => !g.holds(s, p),
          meaning: 'a fair behaviour in which it fails again and again',
        };
      }
      case 'leadsTo': {
        const from = add(`${name} (from)`, property.from);
        const to = add(`${name} (to)`, property.to);
        return {
          property,
          prefixMoves: true,
          entry: (g, s) => g.holds(s, from) && !g.holds(s, to),
          inCycleSet: (g, s) => !g.holds(s, to),
          accepting: undefined,
          meaning: 'a fair behaviour in which the first condition holds and the second never holds afterwards',
        };
      }
    }
  });
  return { predicates, shapes };
}
