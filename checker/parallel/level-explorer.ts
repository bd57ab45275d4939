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
import { packStates, type Parcel, unpackStates } from './transport.ts';
import { LevelChunks, type Share, ShareWriter, type SharedLevel } from './shared-level.ts';

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
  /** The next level's states this thread found, for every thread to read (packed specs, `runSharedLevel`). */
  readonly share?: Share;
}

/** States handed from one thread to another to even out the next level (states that are not packed). */
export interface Batch<S> {
  readonly states: Parcel<S>;
  readonly ids: number[];
}

const CHECK_EVERY = 1024;
const VIOLATION: StopReason = { kind: 'violation', message: 'a property is violated' };

export class LevelExplorer<S> implements Frontier<S> {
  readonly search: Search<S>;
  readonly visited: SharedVisited;
  private readonly width: number;
  /** States that are not packed: this thread's share of the next level, kept in its own heap. */
  private next: S[] = [];
  private nextIds: number[] = [];
  /** The states expanded so far (for the periodic stop check) and the id of the last one. */
  private expanded = 0;
  private expanding: number | undefined;
  /** For shared levels (`sharesLevels`): two writers, one filled while the other is read. */
  private readonly writers: readonly ShareWriter[];
  private writer: ShareWriter | undefined;

  private readonly control: Int32Array;

  /** `thread`: this thread's index, 0 for the coordinator. */
  constructor(
    spec: Spec<S>,
    options: ResolvedOptions,
    buffers: SharedBuffers,
    private readonly thread: number,
  ) {
    this.control = new Int32Array(buffers.control);
    this.visited = new SharedVisited(buffers, thread);
    this.search = new Search(spec, options, this, this.visited);
    this.width = queuedWidth(spec, options);
    this.writers = this.width > 0 ? [new ShareWriter(this.width), new ShareWriter(this.width)] : [];
    this.writer = this.writers[0];
  }

  push(state: S, id: number): void {
    if (this.writer) {
      this.writer.push(state, id);
      return;
    }
    this.next.push(state);
    this.nextIds.push(id);
  }

  get size(): number {
    return this.nextSize;
  }

  get nextSize(): number {
    return this.writer ? this.writer.count : this.next.length;
  }

  /**
   * Whether levels are shared (`runSharedLevel`): a packed spec's states are words that every
   * thread can read; other states stay in their thread and are evened out between levels.
   */
  get sharesLevels(): boolean {
    return this.width > 0;
  }

  /** The next level's states found so far, for every thread to read. */
  publish(): Share {
    return this.writer!.share();
  }

  /** Takes `count` states off the end of the next level, to hand to another thread. */
  give(count: number): Batch<S> {
    const from = this.next.length - count;
    return { states: packStates(this.next.splice(from)), ids: this.nextIds.splice(from) };
  }

  take(batch: Batch<S>): void {
    for (const state of unpackStates(batch.states)) this.next.push(state);
    for (const id of batch.ids) this.nextIds.push(id);
  }

  /** Expands every state of this thread's share of level `depth`; new states form the next level. */
  runLevel(depth: number): LevelReport {
    const current = this.next;
    const ids = this.nextIds;
    this.next = [];
    this.nextIds = [];
    let stop: StopReason | undefined;
    try {
      for (let i = 0; i < current.length && !stop; i++) stop = this.expandOne(current[i]!, ids[i]!, depth);
    } catch (e) {
      stop = this.stopFor(e, this.expanding);
    }
    return this.endLevel(stop, undefined);
  }

  /**
   * Expands level `depth` together with the other threads, a chunk at a time from any thread's
   * share (its own first); the new states it finds form its share of the next level.
   */
  runSharedLevel(depth: number, level: SharedLevel): LevelReport {
    // Level d - 1's writer holds this level's share (read now); level d + 1's goes into the other.
    this.writer = this.writers[depth % 2]!;
    this.writer.reset();
    const chunks = new LevelChunks(level, this.thread, this.width);
    let stop: StopReason | undefined;
    try {
      while (!stop && chunks.take()) {
        for (let i = chunks.start; i < chunks.end && !stop; i++)
          stop = this.expandOne(chunks.state(i) as S, chunks.id(i), depth); // a packed spec's states are its words
      }
    } catch (e) {
      stop = this.stopFor(e, this.expanding);
    }
    return this.endLevel(stop, this.publish());
  }

  /** Expands one state; why the level must stop now, if it must (checked every `CHECK_EVERY` states). */
  private expandOne(state: S, id: number, depth: number): StopReason | undefined {
    if (++this.expanded % CHECK_EVERY === 0) {
      const stop = this.checkStop();
      if (stop) return stop;
    }
    this.expanding = id;
    this.search.expand(state, id, depth);
    return this.search.monitor.shouldStop ? VIOLATION : undefined;
  }

  /** This thread's report of a level; a stop tells the other threads to stop too. */
  private endLevel(stop: StopReason | undefined, share: Share | undefined): LevelReport {
    if (stop) Atomics.store(this.control, STOP, 1);
    return { nextSize: this.nextSize, stop, bounded: this.search.boundHit !== undefined, ...(share ? { share } : {}) };
  }

  /** Seeds the initial states (the coordinator's explorer only). */
  seed(): StopReason | undefined {
    try {
      this.search.seed();
    } catch (e) {
      return this.stopFor(e, undefined);
    }
    return this.search.monitor.shouldStop ? VIOLATION : undefined;
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
