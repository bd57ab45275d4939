/**
 * Breadth-first search: states are expanded level by level, so the first violation found has a
 * shortest trace, and `depth` is TLC's diameter. The queue is index-based (no `Array.shift`)
 * and drops its consumed prefix in chunks.
 */
import type { Spec } from '../spec/types.ts';
import type { ResolvedOptions } from './options.ts';
import type { CheckResult } from './result.ts';
import { runSearch, type TakingFrontier } from './run-search.ts';
import type { ExplorationObserver } from './search.ts';

class Queue<S> implements TakingFrontier<S> {
  private states: S[] = [];
  private ids: number[] = [];
  private depths: number[] = [];
  private head = 0;
  state!: S;
  id = 0;
  depth = 0;

  push(state: S, id: number, depth: number): void {
    this.states.push(state);
    this.ids.push(id);
    this.depths.push(depth);
  }

  take(): boolean {
    if (this.head === this.states.length) return false;
    this.state = this.states[this.head]!;
    this.id = this.ids[this.head]!;
    this.depth = this.depths[this.head]!;
    this.states[this.head] = undefined as S; // let the state be collected
    if (++this.head === 65536) this.compact();
    return true;
  }

  get size(): number {
    return this.states.length - this.head;
  }

  private compact(): void {
    this.states = this.states.slice(this.head);
    this.ids = this.ids.slice(this.head);
    this.depths = this.depths.slice(this.head);
    this.head = 0;
  }
}

/** With an observer, which sees states expanded in id order (the liveness graph's recorder). */
export function bfs<S>(spec: Spec<S>, options: ResolvedOptions, observer?: ExplorationObserver<S>): CheckResult {
  return runSearch(spec, options, new Queue<S>(), observer);
}
