/**
 * Why a lasso's cycle is fair, assumption by assumption, named by its members: which step of the
 * cycle takes it, or in which state of the cycle it is disabled (a strong one: that it is never
 * enabled there). Read off the concrete states, so it is what people can check on the trace.
 */
import type { Spec } from '../../spec/types.ts';
import type { ActionPath } from '../path.ts';
import { Successors } from '../successors.ts';
import type { FairnessMatcher, ResolvedFairness } from './fairness.ts';

export function fairnessOnCycle<S>(
  spec: Spec<S>,
  fairness: readonly ResolvedFairness[],
  matcher: FairnessMatcher,
  path: ActionPath,
  loop: number,
): string {
  if (fairness.length === 0) return '';
  const successors = new Successors(spec, false);
  const states = [successors.initialStates()[path.init]!];
  for (const step of path.steps) states.push(successors.successor(states.at(-1)!, step.action, step.param)!);
  const cycle = states.slice(loop);
  const taken = fairness.map(() => -1);
  path.steps.slice(loop).forEach((step, i) => {
    if (sameState(successors, cycle[i]!, cycle[i + 1]!)) return; // a stutter takes nothing
    const value = () => spec.actions[step.action]!.domain(cycle[i]!)[step.param];
    matcher.forEachMatch(step.action, step.param, value, (f) => {
      if (taken[f]! < 0) taken[f] = loop + i + 1;
    });
  });
  const enabledIn = cycle.map((s) => enabledAssumptions(spec, successors, matcher, s));
  const parts = fairness.map((f, i) => {
    if (taken[i]! >= 0) return `${f.label} is taken by the step into state ${taken[i]! + 1}`;
    if (f.kind === 'strong') return `${f.label} is never enabled on the cycle`;
    return `${f.label} is disabled in state ${loop + enabledIn.findIndex((enabled) => !enabled.has(i)) + 1}`;
  });
  return `fair: ${parts.join('; ')}`;
}

/** The assumptions some real step out of `state` satisfies (steps the action constraint rejects included: TLC). */
function enabledAssumptions<S>(
  spec: Spec<S>,
  successors: Successors<S>,
  matcher: FairnessMatcher,
  state: S,
): Set<number> {
  const enabled = new Set<number>();
  successors.forEach(state, (next, a, p) => {
    if (sameState(successors, state, next)) return;
    const value = () => spec.actions[a]!.domain(state)[p];
    matcher.forEachMatch(a, p, value, (f) => enabled.add(f));
  });
  return enabled;
}

function sameState<S>(successors: Successors<S>, a: S, b: S): boolean {
  return successors.hasher.of(a) === successors.hasher.of(b);
}
