/**
 * One thread's part of a level-synchronised parallel BFS: it expands its share of level d and
 * keeps the new states it discovers (its share of level d + 1). Every thread inserts into the
 * same shared visited set, so each state is expanded exactly once, by whichever thread found it
 * first, at its BFS depth: counts, depth and shortest counterexample lengths equal one thread's.
 */
import { KripkeError } from '../../spec/errors.ts';
import type { Spec } from '../../spec/types.ts';
import type { ResolvedOptions } from '../options.ts';
import type { ActionPath } from '../path.ts';
import { type Frontier, Search } from '../search.ts';
import { type SharedBuffers, SharedVisited, STOP, StoreFull } from './shared-visited.ts';
import { queuedWidth } from '../queued-words.ts';
import { type MovedStates, StateList } from './state-list.ts';

/**
 * Why a thread stopped a level early: a violation, a model error, a limit, a store that cannot
 * grow, or because another thread stopped (`halted`).
 */
export interface StopReason {
  readonly kind: 'violation' | 'error' | 'limit' | 'store-full' | 'halted';
  readonly message: string;
  readonly error?: {
    readonly code: string;
    readonly message: string;
    readonly where: Readonly<Record<string, string>>;
  };
  readonly at?: ActionPath;
}

export interface LevelReport {
  readonly nextSize: number;
  readonly stop: StopReason | undefined;
  /** A depth bound cut this level short (`boundHit`). */
  readonly bounded: boolean;
}

/** States handed from one thread to another to even out the next level. */
export interface Batch<S> {
  readonly states: MovedStates<S>;
  readonly ids: number[];
}

const CHECK_EVERY = 1024;

export class LevelExplorer<S> implements Frontier<S> {
  readonly search: Search<S>;
  readonly visited: SharedVisited;
  private readonly width: number;
  private current: StateList<S>;
  private currentIds: number[] = [];
  private next: StateList<S>;
  private nextIds: number[] = [];

  private readonly control: Int32Array;

  /** `thread`: this thread's index, 0 for the coordinator. */
  constructor(spec: Spec<S>, options: ResolvedOptions, buffers: SharedBuffers, thread: number) {
    this.control = new Int32Array(buffers.control);
    this.visited = new SharedVisited(buffers, thread);
    this.search = new Search(spec, options, this, this.visited);
    this.width = queuedWidth(spec, options);
    this.current = new StateList(this.width);
    this.next = new StateList(this.width);
  }

  push(state: S, id: number): void {
    this.next.push(state);
    this.nextIds.push(id);
  }

  get size(): number {
    return this.next.length + this.current.length;
  }

  get nextSize(): number {
    return this.next.length;
  }

  /** Takes `count` states off the end of the next level, to hand to another thread. */
  give(count: number): Batch<S> {
    return { states: this.next.removeLast(count), ids: this.nextIds.splice(this.nextIds.length - count) };
  }

  take(batch: Batch<S>): void {
    this.next.append(batch.states);
    for (const id of batch.ids) this.nextIds.push(id);
  }

  /** Expands every state of this thread's share of level `depth`; new states form the next level. */
  runLevel(depth: number): LevelReport {
    this.current = this.next;
    this.currentIds = this.nextIds;
    this.next = new StateList(this.width);
    this.nextIds = [];
    const { search } = this;
    let stop: StopReason | undefined;
    let i = 0;
    try {
      for (; i < this.current.length; i++) {
        if (i % CHECK_EVERY === CHECK_EVERY - 1 && (stop = this.checkStop())) break;
        search.expand(this.current.at(i), this.currentIds[i]!, depth);
        if (search.monitor.shouldStop) {
          stop = { kind: 'violation', message: 'a property is violated' };
          break;
        }
      }
    } catch (e) {
      stop = this.stopFor(e, this.currentIds[i]);
    }
    this.current = new StateList(this.width);
    this.currentIds = [];
    if (stop) Atomics.store(this.control, STOP, 1);
    return { nextSize: this.next.length, stop, bounded: search.boundHit !== undefined };
  }

  /** Seeds the initial states (the coordinator's explorer only). */
  seed(): StopReason | undefined {
    try {
      this.search.seed();
    } catch (e) {
      return this.stopFor(e, undefined);
    }
    return this.search.monitor.shouldStop ? { kind: 'violation', message: 'a property is violated' } : undefined;
  }

  private checkStop(): StopReason | undefined {
    if (this.search.limitReached()) return { kind: 'limit', message: this.search.boundHit! };
    if (Atomics.load(this.control, STOP) !== 0) return { kind: 'halted', message: 'another thread stopped the search' };
    return undefined;
  }

  private stopFor(e: unknown, expanding: number | undefined): StopReason {
    if (e instanceof StoreFull) {
      return {
        kind: 'store-full',
        message: 'the shared visited-state store cannot grow further (a buffer reached 4 GiB)',
      };
    }
    if (!(e instanceof KripkeError)) throw e;
    const at = expanding === undefined ? undefined : this.search.pathTo(expanding);
    return { kind: 'error', message: e.message, error: { code: e.code, message: e.message, where: e.where }, at };
  }
}
