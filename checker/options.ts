/**
 * Check options: given partially, resolved once here (every default lives in this file), and
 * engines see only the resolved form.
 */
import { unknownName, KripkeError } from '../spec/errors.ts';
import type { Spec } from '../spec/types.ts';
import type { Observer } from './observer.ts';
import type { SpecSource } from './parallel/spec-source.ts';
import { type RandomOptions, resolveRandomOptions } from './random/options.ts';
import { defaultMemoryBytes } from './memory.ts';
import { type FingerprintStore, MapStore, TableStore } from './store.ts';

export type EngineName = 'bfs' | 'dfs' | 'random';
export const ENGINES: readonly EngineName[] = ['bfs', 'dfs', 'random'];

export interface CheckOptions {
  /** `bfs` (default: shortest counterexamples) or `dfs`. */
  readonly engine?: EngineName;
  /** Explore no deeper than this many states along a path (initial states are depth 1). */
  readonly maxDepth?: number;
  /** Keep going after a violation and report every violated property (TLC's -continue). */
  readonly continue?: boolean;
  /** Report a state with no successors as a deadlock unless `terminal` allows it (default true). */
  readonly checkDeadlock?: boolean;
  /** Re-hash inputs after every action, run each action twice and compare: catches impure models (slower). */
  readonly strict?: boolean;
  /** Check only these properties (by name); default: all of them. */
  readonly properties?: readonly string[];
  /** Stop as `incomplete` after this many distinct states. */
  readonly maxStates?: number;
  /** Stop as `incomplete` after this many milliseconds. */
  readonly timeLimitMs?: number;
  /** `table` (default, typed arrays) or `map` (a plain Map, for cross-checks). */
  readonly store?: 'table' | 'map';
  /**
   * Bound on the bytes held by the visited-state store and the JavaScript heap (the queue); reaching
   * it stops the run as `incomplete`. Default: half of the machine's memory (`memory.ts`).
   */
  readonly memoryBytes?: number;
  /** A shared flag (`interrupt.ts`): once element 0 is non-zero, the run stops as `incomplete` ('interrupted'). */
  readonly interrupt?: Int32Array;
  /** BFS on this many threads (default 1); more than one needs `specSource`. */
  readonly workers?: number;
  /** How worker threads rebuild the spec (the module exporting it, and its settings). */
  readonly specSource?: SpecSource;
  readonly observer?: Observer;
  /** Check liveness properties after safety (default true); false skips them (`--no-liveness`). */
  readonly liveness?: boolean;
  /** Random engine: the seed of the walks (default: drawn from the clock, and reported). */
  readonly seed?: number;
  /** Random engine: how many walks (default 10,000; unbounded when only `timeLimitMs` is given). */
  readonly runs?: number;
  /** Random engine: steps per walk (default 100). */
  readonly depth?: number;
  /** Random engine: run shard `index` (0-based) of a campaign split into `count` (swarm). */
  readonly shard?: RandomOptions['shard'];
}

export interface ResolvedOptions {
  readonly engine: EngineName;
  readonly maxDepth: number;
  readonly continueAfterViolation: boolean;
  readonly checkDeadlock: boolean;
  readonly strict: boolean;
  readonly properties: ReadonlySet<string>;
  readonly maxStates: number;
  readonly timeLimitMs: number;
  readonly createStore: () => FingerprintStore;
  /** `map` asks BFS/DFS for a MapStore (cross-checks); otherwise they use the CompactStore. */
  readonly storeKind: 'table' | 'map';
  readonly memoryBytes: number;
  readonly interrupt: Int32Array | undefined;
  readonly workers: number;
  readonly observer: Observer;
  readonly liveness: boolean;
  readonly random: RandomOptions;
}

export function resolveOptions(spec: Spec<unknown>, options: CheckOptions = {}): ResolvedOptions {
  const engine = options.engine ?? 'bfs';
  if (!ENGINES.includes(engine)) throw unknownName('engine', String(engine), ENGINES);
  const names = spec.properties.map((p) => p.name);
  for (const name of options.properties ?? []) {
    if (!names.includes(name)) throw unknownName('property', name, names, { model: spec.name });
  }
  return {
    engine,
    maxDepth: positive('maxDepth', options.maxDepth),
    continueAfterViolation: options.continue ?? false,
    checkDeadlock: options.checkDeadlock ?? true,
    strict: options.strict ?? false,
    properties: new Set(options.properties ?? names),
    maxStates: positive('maxStates', options.maxStates),
    timeLimitMs: positive('timeLimitMs', options.timeLimitMs),
    createStore: options.store === 'map' ? () => new MapStore() : () => new TableStore(),
    storeKind: options.store ?? 'table',
    memoryBytes: options.memoryBytes === undefined ? defaultMemoryBytes() : positive('memoryBytes', options.memoryBytes),
    interrupt: options.interrupt,
    workers: resolveWorkers(engine, options.workers),
    observer: options.observer ?? {},
    liveness: options.liveness ?? true,
    random: resolveRandomOptions(options),
  };
}

function resolveWorkers(engine: EngineName, workers: number | undefined): number {
  if (workers === undefined || workers === 1) return 1;
  if (!Number.isInteger(workers) || workers < 1) throw new KripkeError('invalid-config', `option workers must be a whole number of at least 1, got ${workers}`);
  if (engine !== 'bfs') throw new KripkeError('invalid-config', `workers=${workers} applies to the bfs engine only, not ${engine}`);
  return workers;
}

function positive(name: string, value: number | undefined): number {
  if (value === undefined) return Infinity;
  if (!(value > 0)) throw new KripkeError('invalid-config', `option ${name} must be a positive number, got ${value}`);
  return value;
}
