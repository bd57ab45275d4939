/**
 * Strongly connected components of a subgraph (the states for which `member` is true), by
 * Tarjan's algorithm made iterative: an explicit call stack of (state, next edge) replaces
 * recursion, so a component of millions of states cannot overflow the JavaScript stack.
 * Working arrays are allocated once per graph and reused across calls (stamped by generation).
 */
import type { StateGraph } from './graph.ts';

export class SccFinder {
  private readonly index: Int32Array;
  private readonly low: Int32Array;
  private readonly visited: Int32Array;
  private readonly onStack: Int32Array;
  private readonly stack: Int32Array;
  private readonly callState: Int32Array;
  private readonly callEdge: Int32Array;
  private generation = 0;
  /** Components found over all calls, for statistics. */
  componentCount = 0;

  constructor(private readonly graph: StateGraph) {
    const n = graph.stateCount;
    this.index = new Int32Array(n);
    this.low = new Int32Array(n);
    this.visited = new Int32Array(n);
    this.onStack = new Int32Array(n);
    this.stack = new Int32Array(n);
    this.callState = new Int32Array(n);
    this.callEdge = new Int32Array(n);
  }

  /** Calls `onComponent` with the states of each component of the subgraph reachable from `roots`. */
  run(roots: ArrayLike<number>, member: (state: number) => boolean, onComponent: (states: number[]) => void): void {
    const gen = ++this.generation;
    const { graph, index, low, visited, onStack, stack, callState, callEdge } = this;
    let counter = 0,
      top = 0,
      calls = 0;
    const enter = (v: number) => {
      visited[v] = gen;
      index[v] = low[v] = counter++;
      stack[top++] = v;
      onStack[v] = gen;
      callState[calls] = v;
      callEdge[calls++] = graph.firstEdge(v);
    };
    for (let r = 0; r < roots.length; r++) {
      const root = roots[r]!;
      if (visited[root] === gen || !member(root)) continue;
      enter(root);
      while (calls > 0) {
        const v = callState[calls - 1]!;
        const edge = callEdge[calls - 1]!;
        if (edge < graph.endEdge(v)) {
          callEdge[calls - 1] = edge + 1;
          const w = graph.edgeTarget(edge);
          if (!member(w)) continue;
          if (visited[w] !== gen) enter(w);
          else if (onStack[w] === gen && index[w]! < low[v]!) low[v] = index[w]!;
          continue;
        }
        calls--;
        if (calls > 0) {
          const parent = callState[calls - 1]!;
          if (low[v]! < low[parent]!) low[parent] = low[v]!;
        }
        if (low[v] !== index[v]) continue;
        const component: number[] = [];
        let w: number;
        do {
          w = stack[--top]!;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        this.componentCount++;
        onComponent(component);
      }
    }
  }
}
