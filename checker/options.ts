/**
 * Check options: given partially, resolved once here (every default lives in this file), and
 * engines see only the resolved form.
 */
import { unknownName, KripkeError } from '../spec/errors.ts';
import type { Spec } from '../spec/types.ts';
import type { Observer } from './observer.ts';
import { shown } from './option-input.ts';
import type { SpecSource } from './parallel/spec-source.ts';
import { type RandomOptions, resolveRandomOptions } from './random/options.ts';
import { defaultMemoryBytes } from './memory.ts';
import { type FingerprintStore, MapStore, TableStore } from './store.ts';
import type { DiskBudget } from './disk/disk-visited.ts';

export type EngineName = 'bfs' | 'dfs' | 'random';
export const ENGINES: readonly EngineName[] = ['bfs', 'dfs', 'random'];

export interface CheckOptions {
  /** `bfs` (default: shortest counterexamples) or `dfs`. */
  readonly engine?: EngineName;
  /** Explore no deeper than this many states along a path (initial states are depth 1). */
  readonly maxDepth?: number;
  /** Keep going after a violation and report every violated property (TLC's -continue). */
  readonly continue?: boolean;
  /** Report a state with no successors as a deadlock unless `terminal` allows it (default: the spec's `checkDeadlock`, else true). */
  readonly checkDeadlock?: boolean;
  /** Re-hash inputs after every action, run each action twice and compare: catches impure models (slower). */
  readonly strict?: boolean;
  /** Check only these properties (by name); default: all of them. */
  readonly properties?: readonly string[];
  /** Stop as `incomplete` after this many distinct states. */
  readonly maxStates?: number;
  /** Stop as `incomplete` after this many milliseconds. */
  readonly timeLimitMs?: number;
  /**
   * `table` (typed arrays in memory), `map` (a plain Map, for cross-checks) or `disk` (memory up
   * to `memoryBytes`, disk beyond: BFS on one worker). Default: `table`, or `disk` for BFS on one
   * worker given `memoryBytes`, so reaching the bound moves the search to disk.
   */
  readonly store?: StoreKind;
  /**
   * Bound on the bytes held by the visited-state store and the JavaScript heap (the queue). With
   * the in-memory store, reaching it stops the run as `incomplete`; with the disk store it is the
   * store's budget in memory. Default: half of the machine's memory (`memory.ts`).
   */
  readonly memoryBytes?: number;
  /** Where the disk store keeps its files: a fresh folder inside this one (default: the system's temporary folder). */
  readonly storeDir?: string;
  /** Save the search between levels into a folder (disk store), to resume after the process was stopped. */
  readonly checkpoint?: CheckpointOptions;
  /** Resume from the checkpoint in this folder (the same model, settings and options). */
  readonly resume?: string;
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

export type StoreKind = 'table' | 'map' | 'disk';

export interface CheckpointOptions {
  readonly dir: string;
  /** Milliseconds between checkpoints (default 5 minutes; 0: after every level). */
  readonly intervalMs?: number;
  /** What identifies the check beyond the spec and options (the CLI's model name, settings, variant). */
  readonly identity?: Readonly<Record<string, string>>;
}

/** The disk store's resolved settings (present when BFS runs on the disk store). */
export interface ResolvedDisk {
  /** Whether the disk store was asked for (`store: 'disk'`), rather than chosen by `memoryBytes`. */
  readonly explicit: boolean;
  readonly memoryBytes: number;
  readonly storeDir: string | undefined;
  readonly budget: DiskBudget;
  readonly checkpoint: Required<CheckpointOptions> | undefined;
  readonly resume: string | undefined;
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
  /** `map` asks BFS/DFS for a MapStore (cross-checks); otherwise they use the CompactStore (or the disk store: `disk`). */
  readonly storeKind: 'table' | 'map';
  readonly memoryBytes: number;
  readonly interrupt: Int32Array | undefined;
  readonly workers: number;
  readonly disk: ResolvedDisk | undefined;
  readonly observer: Observer;
  readonly liveness: boolean;
  readonly random: RandomOptions;
}

export function resolveOptions(spec: Spec<unknown>, options: CheckOptions = {}): ResolvedOptions {
  const engine = options.engine ?? 'bfs';
  if (!ENGINES.includes(engine)) throw unknownName('engine', String(engine), ENGINES);
  const names = [...new Set(spec.properties.map((p) => p.name))]; // a family is one name
  for (const name of options.properties ?? []) {
    if (!names.includes(name)) throw unknownName('property', name, names, { model: spec.name });
  }
  const workers = resolveWorkers(engine, options.workers);
  return {
    engine,
    maxDepth: positive('maxDepth', options.maxDepth),
    continueAfterViolation: options.continue ?? false,
    checkDeadlock: options.checkDeadlock ?? spec.checkDeadlock ?? true,
    strict: options.strict ?? false,
    properties: new Set(options.properties ?? names),
    maxStates: positive('maxStates', options.maxStates),
    timeLimitMs: positive('timeLimitMs', options.timeLimitMs),
    createStore: options.store === 'map' ? () => new MapStore() : () => new TableStore(),
    storeKind: options.store === 'map' ? 'map' : 'table',
    memoryBytes:
      options.memoryBytes === undefined ? defaultMemoryBytes() : positive('memoryBytes', options.memoryBytes),
    interrupt: options.interrupt,
    workers,
    disk: resolveDisk(engine, workers, options),
    observer: options.observer ?? {},
    liveness: options.liveness ?? true,
    random: resolveRandomOptions(options),
  };
}

/** The disk store's budget when `memoryBytes` is not given. */
export const DEFAULT_DISK_MEMORY = 2 ** 30;
export const DEFAULT_CHECKPOINT_INTERVAL_MS = 5 * 60_000;
const STORES: readonly StoreKind[] = ['table', 'map', 'disk'];

/** Whether (and how) BFS runs on the disk store: asked for, implied by a checkpoint, or by a memory bound. */
function resolveDisk(engine: EngineName, workers: number, options: CheckOptions): ResolvedDisk | undefined {
  const { store, checkpoint, resume } = options;
  if (store !== undefined && !STORES.includes(store)) throw unknownName('store', String(store), STORES);
  const wanted = store === 'disk' || checkpoint !== undefined || resume !== undefined;
  const implied =
    store === undefined && options.memoryBytes !== undefined && engine === 'bfs' && workers === 1 && !options.strict;
  if (!wanted && !implied) return undefined;
  const what = store === 'disk' ? 'the disk store' : checkpoint ? 'checkpoints' : 'resuming';
  if (store !== undefined && store !== 'disk')
    throw new KripkeError(
      'invalid-config',
      `${what === 'checkpoints' ? 'checkpoints need' : 'resuming needs'} the disk store, not store '${store}'`,
    );
  if (engine !== 'bfs') throw new KripkeError('invalid-config', `${what}: BFS only, not ${engine}`);
  if (workers > 1)
    throw new KripkeError(
      'invalid-config',
      `${what}: one worker only (the parallel store lives in shared memory); drop --workers`,
    );
  if (options.strict)
    throw new KripkeError(
      'invalid-config',
      `${what}: not with strict mode, which keeps a fingerprint of every queued state in memory`,
    );
  const memoryBytes = positive('memoryBytes', options.memoryBytes ?? DEFAULT_DISK_MEMORY);
  const saveTo = checkpoint?.dir ?? resume; // a resumed run goes on saving where it resumed from
  return {
    explicit: wanted,
    memoryBytes,
    storeDir: options.storeDir,
    budget: diskBudget(memoryBytes),
    checkpoint:
      saveTo === undefined
        ? undefined
        : {
            dir: saveTo,
            identity: checkpoint?.identity ?? {},
            intervalMs: checkpoint?.intervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS,
          },
    resume,
  };
}

/**
 * Half the bound for the table of recent fingerprints (a `CompactStore`: at most 10.4 bytes a
 * fingerprint), a tenth for the batch of undecided ones (31 bytes each, with its scratch for
 * sorting), and a quarter of heap for the queue's states before they go to disk.
 */
function diskBudget(memoryBytes: number): DiskBudget {
  return {
    tableEntries: Math.max(16, Math.floor(memoryBytes / 2 / 10.4)),
    pendingEntries: Math.max(16, Math.floor(memoryBytes / 10 / 31)),
    queueHeapBytes: memoryBytes / 4,
  };
}

function resolveWorkers(engine: EngineName, workers: number | undefined): number {
  if (workers === undefined || workers === 1) return 1;
  if (!Number.isInteger(workers) || workers < 1)
    throw new KripkeError(
      'invalid-config',
      `option workers must be a whole number of at least 1, got ${shown(workers)}`,
    );
  if (engine !== 'bfs')
    throw new KripkeError('invalid-config', `workers=${workers} applies to the bfs engine only, not ${engine}`);
  return workers;
}

function positive(name: string, value: number | undefined): number {
  if (value === undefined) return Infinity;
  if (!(value > 0))
    throw new KripkeError('invalid-config', `option ${name} must be a positive number, got ${shown(value)}`);
  return value;
}
