/**
 * Re-checks a concrete lasso against the property itself, on the concrete states: does this
 * behaviour really violate it? Without view or symmetry it always does (the graph is the
 * concrete system); under symmetry it does only if the property is symmetric — a property that
 * names one node can hold on the concrete trace while failing in the reduced graph, and then the
 * verdict cannot be trusted. The caller says so.
 */
import type { LivenessProperty } from '../../spec/properties.ts';
import type { Spec } from '../../spec/types.ts';
import type { ActionPath } from '../path.ts';
import { Successors } from '../successors.ts';

export function lassoRefutes<S>(spec: Spec<S>, property: LivenessProperty<S>, path: ActionPath, loop: number): boolean {
  const states = replay(spec, path);
  const cycle = states.slice(loop);
  switch (property.kind) {
    case 'eventually':
      return states.every((s) => !property.holds(s));
    case 'alwaysEventually':
      return cycle.every((s) => !property.holds(s));
    case 'eventuallyAlways':
      return cycle.some((s) => !property.holds(s));
    case 'leadsTo': {
      // The trigger must come no later than the cycle's start, and Q must never hold from it on.
      let lastQ = -1;
      states.forEach((s, i) => {
        if (property.to(s)) lastQ = i;
      });
      return states.some((s, i) => i <= loop && i > lastQ && property.from(s));
    }
  }
}

function replay<S>(spec: Spec<S>, path: ActionPath): S[] {
  const successors = new Successors(spec, false);
  const states = [successors.initialStates()[path.init] as S];
  for (const step of path.steps) states.push(successors.successor(states.at(-1)!, step.action, step.param) as S);
  return states;
}
