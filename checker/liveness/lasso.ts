/**
 * Lassos in the state graph: a shortest prefix from an initial state to a fair component, then a
 * cycle inside the component that starts and ends at the prefix's last state and passes through
 * everything fairness requires: for each strong assumption taken there an edge taking it; for
 * each weak one an edge taking it or a state where it is disabled, whichever is nearer; for <>[]P
 * an accepting state. The cycle is built greedily (nearest requirement first): short, not always
 * the shortest. An empty cycle means "stutter here forever". Paths are lists of edge indexes;
 * `concrete.ts` turns them into an ActionPath.
 */
import type { Requirement } from './fair-components.ts';
import type { StateGraph } from './graph.ts';
import type { Shape } from './shapes.ts';

export interface GraphLasso {
  readonly initIndex: number;
  readonly prefix: readonly number[];
  readonly cycle: readonly number[];
  /** The state where the cycle starts and ends. */
  readonly entry: number;
}

const NONE = -1;
const ENTER_PHASE_ONE = -2;
const UNSEEN = -3;

/** Breadth-first search over (state, phase): phase 0 walks to an entry state, phase 1 stays bad. */
export class PhaseSearch {
  private readonly dist: Int32Array;
  private readonly parent: Int32Array;
  private readonly parentEdge: Int32Array;
  private readonly initIndexOf = new Map<number, number>();

  constructor(
    private readonly graph: StateGraph,
    private readonly shape: Shape,
  ) {
    const n = graph.stateCount;
    this.dist = new Int32Array(2 * n).fill(NONE);
    this.parent = new Int32Array(2 * n).fill(NONE);
    this.parentEdge = new Int32Array(2 * n).fill(NONE);
  }

  /** Runs the search; returns the states reachable in phase 1 (where bad cycles may lie). */
  run(): number[] {
    const { graph, shape } = this;
    const queue = new Int32Array(this.dist.length);
    let tail = 0;
    const visit = (node: number, from: number, edge: number) => {
      if (this.dist[node] !== NONE) return;
      this.dist[node] = from === NONE ? 0 : this.dist[from]! + (edge >= 0 ? 1 : 0);
      this.parent[node] = from;
      this.parentEdge[node] = edge;
      queue[tail++] = node;
      const state = node >> 1;
      if ((node & 1) === 0 && shape.inCycleSet(graph, state) && shape.entry(graph, state))
        visit(node | 1, node, ENTER_PHASE_ONE);
    };
    for (const { state, initIndex } of graph.initial) {
      if (!this.initIndexOf.has(state)) this.initIndexOf.set(state, initIndex);
      visit(state * 2, NONE, NONE);
    }
    const region: number[] = [];
    for (let head = 0; head < tail; head++) {
      const node = queue[head]!;
      const state = node >> 1,
        phase = node & 1;
      if (phase === 1) region.push(state);
      if (phase === 0 && !shape.prefixMoves) continue;
      for (let e = graph.firstEdge(state); e < graph.endEdge(state); e++) {
        const to = graph.edgeTarget(e);
        if (phase === 0) visit(to * 2, node, e);
        else if (shape.inCycleSet(graph, to)) visit(to * 2 + 1, node, e);
      }
    }
    return region;
  }

  /** Steps from an initial state to `state` in phase 1 (the shortest such prefix). */
  distanceTo(state: number): number {
    return this.dist[state * 2 + 1]!;
  }

  prefixTo(state: number): { initIndex: number; edges: number[] } {
    const edges: number[] = [];
    let node = state * 2 + 1;
    while (this.parent[node] !== NONE) {
      const edge = this.parentEdge[node]!;
      if (edge >= 0) edges.push(edge);
      node = this.parent[node]!;
    }
    return { initIndex: this.initIndexOf.get(node >> 1)!, edges: edges.reverse() };
  }
}

/** A cycle from `entry` back to `entry` inside `component` meeting every requirement (greedily, nearest first). */
export function cycleThrough(
  graph: StateGraph,
  component: readonly number[],
  entry: number,
  requirements: readonly Requirement[],
  accepting: ((state: number) => boolean) | undefined,
): number[] {
  const member = new Uint8Array(graph.stateCount);
  for (const s of component) member[s] = 1;
  const inside = (s: number) => member[s] === 1;
  const within = new WithinSearch(graph, inside);
  const unmet = new Set(requirements);
  const metByState = (r: Requirement, s: number) =>
    (r.kind === 'takeOrDisabled' && !graph.isEnabled(s, r.fairness)) ||
    (r.kind === 'accepting' && accepting?.(s) === true);
  const metByEdge = (r: Requirement, e: number) => r.kind !== 'accepting' && graph.takes(e, r.fairness);
  const cycle: number[] = [];
  const arrive = (s: number) => unmet.forEach((r) => metByState(r, s) && unmet.delete(r));
  const walk = (edges: readonly number[]) => {
    for (const e of edges) {
      unmet.forEach((r) => metByEdge(r, e) && unmet.delete(r));
      cycle.push(e);
      arrive(graph.edgeTarget(e));
    }
  };
  arrive(entry);
  let at = entry;
  while (unmet.size > 0) {
    const before = unmet.size;
    walk(
      within.shortest(at, (s) => {
        if ([...unmet].some((r) => metByState(r, s))) return 'here';
        for (let e = graph.firstEdge(s); e < graph.endEdge(s); e++) {
          if (inside(graph.edgeTarget(e)) && [...unmet].some((r) => metByEdge(r, e))) return e;
        }
        return undefined;
      }),
    );
    if (unmet.size === before) throw new Error('liveness: a fair component lost a requirement (internal error)');
    at = cycle.length > 0 ? graph.edgeTarget(cycle[cycle.length - 1]!) : entry;
  }
  if (at !== entry) walk(within.shortest(at, (s) => (s === entry ? 'here' : undefined)));
  return cycle;
}

/**
 * Breadth-first searches inside a component, from one state to the nearest state where a goal
 * answers: 'here' (the path ends at that state) or an edge index (the path continues with that
 * edge). Parents live in typed arrays sized once per component and reset after each search, so
 * the searches of one cycle cost time linear in the states they visit.
 */
class WithinSearch {
  private readonly parentEdge: Int32Array;
  private readonly parentState: Int32Array;
  private readonly queue: Int32Array;

  constructor(
    private readonly graph: StateGraph,
    private readonly inside: (state: number) => boolean,
  ) {
    this.parentEdge = new Int32Array(graph.stateCount).fill(UNSEEN);
    this.parentState = new Int32Array(graph.stateCount);
    this.queue = new Int32Array(graph.stateCount);
  }

  shortest(from: number, goal: (state: number) => 'here' | number | undefined): number[] {
    const { graph, parentEdge, queue } = this;
    parentEdge[from] = NONE;
    queue[0] = from;
    let tail = 1;
    try {
      for (let head = 0; head < tail; head++) {
        const s = queue[head]!;
        const found = goal(s);
        if (found !== undefined) return this.edgesTo(s, found === 'here' ? [] : [found]);
        for (let e = graph.firstEdge(s); e < graph.endEdge(s); e++) {
          const t = graph.edgeTarget(e);
          if (!this.inside(t) || parentEdge[t] !== UNSEEN) continue;
          parentEdge[t] = e;
          this.parentState[t] = s;
          queue[tail++] = t;
        }
      }
    } finally {
      for (let i = 0; i < tail; i++) parentEdge[queue[i]!] = UNSEEN;
    }
    throw new Error('liveness: no path inside a strongly connected component (internal error)');
  }

  /** The edges from the search's start to `to`, then `after` (collected backwards, then reversed). */
  private edgesTo(to: number, after: number[]): number[] {
    const edges: number[] = [];
    for (let at = to; this.parentEdge[at] !== NONE; at = this.parentState[at]!) edges.push(this.parentEdge[at]!);
    return edges.reverse().concat(after);
  }
}

/** The edges from a search's root to `to`, following parents back (push, then reverse: linear in the length). */
function edgesBack(
  parentEdge: ReadonlyMap<number, number>,
  parentState: ReadonlyMap<number, number>,
  to: number,
): number[] {
  const edges: number[] = [];
  for (let at = to; parentEdge.get(at) !== NONE; at = parentState.get(at)!) edges.push(parentEdge.get(at)!);
  return edges.reverse();
}

/**
 * A shortest path from an initial state to `target` over the states expanded so far (ids below
 * `expanded`; their edge lists are complete) — for naming where a model error happened.
 */
export function pathWhileBuilding(graph: StateGraph, target: number, expanded: number): GraphLasso | undefined {
  const parentEdge = new Map<number, number>();
  const parentState = new Map<number, number>();
  const queue = graph.initial.map((i) => i.state);
  queue.forEach((s) => parentEdge.set(s, NONE));
  for (let head = 0; head < queue.length; head++) {
    const s = queue[head]!;
    if (s === target) {
      const prefix = edgesBack(parentEdge, parentState, s);
      let at = s;
      while (parentEdge.get(at) !== NONE) at = parentState.get(at)!;
      const initIndex = graph.initial.find((i) => i.state === at)!.initIndex;
      return { initIndex, prefix, cycle: [], entry: target };
    }
    if (s >= expanded) continue;
    for (let e = graph.firstEdge(s); e < graph.endEdge(s); e++) {
      const t = graph.edgeTarget(e);
      if (parentEdge.has(t)) continue;
      parentEdge.set(t, e);
      parentState.set(t, s);
      queue.push(t);
    }
  }
  return undefined;
}
