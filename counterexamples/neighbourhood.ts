/**
 * The neighbourhood of a counterexample in the state space, for models of any size: the trace's
 * states, then the states within 1, 2, … steps of them (successors off the path), as many steps
 * as fit a bound on drawn states. Grows step by step from the trace with the checker's
 * `Successors` (view and symmetry applied, as the check counts), never exploring the whole model.
 */
import { stepAllowed } from '../checker/action-constraint.ts';
import { Successors } from '../checker/successors.ts';
import type { Spec } from '../spec/types.ts';

/** More states than this make a picture nobody reads. */
export const DEFAULT_MAX_NODES = 120;
/** Steps beyond this add clutter, not insight; a small model is drawn whole before it is reached. */
const MAX_RADIUS = 12;

export interface Edge {
  readonly from: number;
  readonly to: number;
  readonly action: string;
}

export interface Neighbourhood<S> {
  /** The drawn states: the trace's first (in trace order, each once), then by distance. */
  readonly states: readonly S[];
  /** How many of `states` are the trace's. */
  readonly onTrace: number;
  /** The distance k: every state within k steps of the trace is drawn. */
  readonly radius: number;
  /** True when nothing lies beyond: the drawn states are every reachable state. */
  readonly closed: boolean;
  /** Drawn states with successors that are not drawn. */
  readonly open: ReadonlySet<number>;
  readonly initial: ReadonlySet<number>;
  /** Between drawn states, deduplicated by (from, to, action name); self-loops included. */
  readonly edges: readonly Edge[];
  /** The node of a state (view and symmetry applied), if drawn. */
  readonly nodeOf: (state: S) => number | undefined;
}

interface Step<S> {
  readonly next: S;
  readonly action: string;
}

/** The trace's states and every state within k steps of them, k as large as `maxNodes` allows. */
export function neighbourhood<S>(
  spec: Spec<S>,
  traceStates: readonly S[],
  maxNodes = DEFAULT_MAX_NODES,
): Neighbourhood<S> {
  const successors = new Successors(spec, false);
  const keyOf = (state: S) => {
    successors.identify(state, () => ({}));
    return `${successors.hasher.hi}:${successors.hasher.lo}`;
  };
  const ids = new Map<string, number>();
  const states: S[] = [];
  const add = (state: S, key = keyOf(state)) => {
    if (!ids.has(key)) {
      ids.set(key, states.length);
      states.push(state);
    }
    return ids.get(key)!;
  };
  for (const s of traceStates) add(s);
  const onTrace = states.length;
  const initial = new Set(
    successors
      .initialStates()
      .map(keyOf)
      .map((k) => ids.get(k))
      .filter((n) => n !== undefined),
  );
  const stepsOf = new Map<number, Step<S>[]>();
  const expand = (node: number) => {
    if (!stepsOf.has(node)) stepsOf.set(node, stepsFrom(spec, successors, states[node]!));
    return stepsOf.get(node)!;
  };
  let frontier = range(0, onTrace);
  let radius = 0;
  while (radius < MAX_RADIUS && onTrace <= maxNodes) {
    // a trace longer than the bound: its states alone, not expanded
    const fresh = new Map<string, S>();
    for (const node of frontier) {
      for (const { next } of expand(node)) {
        const key = keyOf(next);
        if (!ids.has(key) && !fresh.has(key)) fresh.set(key, next);
      }
    }
    if (fresh.size === 0 || states.length + fresh.size > maxNodes) break;
    const first = states.length;
    for (const [key, state] of fresh) add(state, key);
    frontier = range(first, states.length);
    radius++;
  }
  if (onTrace <= maxNodes) for (const node of frontier) expand(node); // the outermost states' steps: edges among drawn states, and which lead out
  return {
    states,
    onTrace,
    radius,
    ...edgesAmong(states.length, stepsOf, (s) => ids.get(keyOf(s))),
    initial,
    nodeOf: (s) => ids.get(keyOf(s)),
  };
}

function edgesAmong<S>(
  count: number,
  stepsOf: ReadonlyMap<number, readonly Step<S>[]>,
  nodeOf: (s: S) => number | undefined,
) {
  const edges = new Map<string, Edge>();
  const open = new Set<number>();
  for (let from = 0; from < count; from++) {
    for (const { next, action } of stepsOf.get(from) ?? []) {
      const to = nodeOf(next);
      if (to === undefined) open.add(from);
      else edges.set(`${from}>${to}>${action}`, { from, to, action });
    }
  }
  return { edges: [...edges.values()], open, closed: open.size === 0 };
}

/** The steps the check takes from `state`: none outside the state constraint, none an action constraint forbids. */
function stepsFrom<S>(spec: Spec<S>, successors: Successors<S>, state: S): Step<S>[] {
  if (spec.constraint && !spec.constraint(state)) return [];
  const steps: Step<S>[] = [];
  successors.forEach(state, (next, action, param) => {
    const name = spec.actions[action]!.name;
    if (
      spec.actionConstraint &&
      !stepAllowed(spec, state, next, { action: name, param: spec.actions[action]!.domain(state)[param] })
    )
      return;
    steps.push({ next, action: name });
  });
  return steps;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
