/**
 * Depth-first search: the same states as BFS, in another order, with a frontier that stays small
 * on deep state spaces. Traces are not shortest; `depth` is the deepest point of the search tree.
 */
import type { Spec } from '../spec/types.ts';
import type { ResolvedOptions } from './options.ts';
import type { CheckResult } from './result.ts';
import { runSearch, type TakingFrontier } from './run-search.ts';

class Stack<S> implements TakingFrontier<S> {
  private readonly states: S[] = [];
  private readonly ids: number[] = [];
  private readonly depths: number[] = [];
  state!: S;
  id = 0;
  depth = 0;

  push(state: S, id: number, depth: number): void {
    this.states.push(state);
    this.ids.push(id);
    this.depths.push(depth);
  }

  take(): boolean {
    if (this.states.length === 0) return false;
    this.state = this.states.pop()!;
    this.id = this.ids.pop()!;
    this.depth = this.depths.pop()!;
    return true;
  }

  get size(): number {
    return this.states.length;
  }
}

export function dfs<S>(spec: Spec<S>, options: ResolvedOptions): CheckResult {
  return runSearch(spec, options, new Stack<S>());
}
