/**
 * Breadth-first search beyond memory: the same search core as `bfs.ts` over the disk store
 * (`disk-visited.ts`) and a frontier of level files (`levels.ts`). Everything stays in memory
 * until the store's budget (`--memory`, or the disk store's default) is reached; then the store
 * flushes its fingerprints to a sorted file, parent links and the queue follow, and the search
 * goes on, resolving undecided fingerprints in sorted batches. Distinct and generated counts,
 * depth, coverage, verdicts and counterexamples equal the in-memory BFS's.
 *
 * With a checkpoint folder, the search is saved between levels (`checkpoint.ts`) and can resume
 * from there after the process was killed.
 */
import { KripkeError } from '../../spec/errors.ts';
import type { Spec } from '../../spec/types.ts';
import type { ResolvedDisk, ResolvedOptions } from '../options.ts';
import type { CheckResult, DiskStatistics } from '../result.ts';
import { errorOutcome, searchOutcome } from '../run-search.ts';
import { Search } from '../search.ts';
import { Checkpoints } from './checkpoint.ts';
import { DiskVisited } from './disk-visited.ts';
import { Levels } from './levels.ts';
import { codecFor } from './state-codec.ts';
import { WorkDir } from './work-dir.ts';

const CHECK_EVERY = 1024;
const MB = 2 ** 20;

interface Run<S> {
  readonly spec: Spec<S>;
  readonly options: ResolvedOptions;
  readonly disk: ResolvedDisk;
  readonly search: Search<S>;
  readonly visited: DiskVisited;
  readonly levels: Levels<S>;
  readonly checkpoints: Checkpoints<S> | undefined;
  /** States expanded so far in this run (limits and progress are looked at every CHECK_EVERY). */
  expanded: number;
  /** The most bytes the store held in memory, sampled every CHECK_EVERY states and at each level's end. */
  peakStoreBytes: number;
}

export function diskBfs<S>(spec: Spec<S>, options: ResolvedOptions, disk: ResolvedDisk): CheckResult {
  const work = WorkDir.create(disk.storeDir);
  const visited = new DiskVisited(work.path, disk.budget);
  // The store's own budget replaces the memory bound: reaching it means going to disk, not stopping.
  const codec = codecFor(spec);
  const levels = new Levels<S>(codec, work.path, visited);
  const search = new Search(spec, { ...options, memoryBytes: Infinity }, levels, visited);
  const { coverage } = search.stats;
  visited.attach({
    confirmed: (push) => levels.confirm(push),
    seen: (_push, action) => {
      coverage[action]!.found--;
    },
    spilled: () => levels.spill(),
  });
  const checkpoints = disk.checkpoint
    ? new Checkpoints(spec, options, disk.checkpoint, search, visited, levels, codec)
    : undefined;
  const run: Run<S> = { spec, options, disk, search, visited, levels, checkpoints, expanded: 0, peakStoreBytes: 0 };
  try {
    return withDiskStatistics(run, explore(run));
  } finally {
    levels.close();
    visited.close();
    work.remove();
  }
}

function explore<S>(run: Run<S>): CheckResult {
  const { spec, search, visited, levels, checkpoints } = run;
  let depth = 1;
  let expandingId = -1;
  try {
    if (run.disk.resume) depth = checkpoints!.restore(run.disk.resume);
    else {
      if (overBudget(run)) visited.flush(); // a bound below what the heap holds already: on disk at once
      search.seed();
      visited.resolve();
      levels.advance();
    }
    for (;;) {
      search.stats.depth = levels.current.count > 0 ? depth : depth - 1;
      if (levels.current.count === 0 || search.monitor.shouldStop) break;
      checkpoints?.maybeSave(depth);
      const stopped = expandLevel(run, depth, (id) => {
        expandingId = id;
      });
      run.peakStoreBytes = Math.max(run.peakStoreBytes, visited.bytes);
      visited.resolve();
      if (stopped) {
        if (levels.next.count > 0) search.stats.depth = depth + 1;
        return searchOutcome(spec, search, false);
      }
      levels.advance();
      depth++;
    }
  } catch (e) {
    if (!(e instanceof KripkeError)) throw e;
    return errorOutcome(spec, search, e, expandingId);
  }
  const result = searchOutcome(spec, search, !search.monitor.shouldStop);
  if (result.status !== 'incomplete') checkpoints?.discard();
  return result;
}

/** Expands every new state of level `depth`; true when a violation or a limit stopped it. */
function expandLevel<S>(run: Run<S>, depth: number, expanding: (id: number) => void): boolean {
  const { search, levels, visited, options } = run;
  const { progress, progressIntervalMs = 1000 } = options.observer;
  let lastProgress = search.elapsedMs();
  while (levels.take()) {
    expanding(levels.id);
    search.expand(levels.state, levels.id, depth);
    if (search.monitor.shouldStop) return true;
    if (++run.expanded % CHECK_EVERY !== 0) continue;
    if (search.limitReached()) return true;
    run.peakStoreBytes = Math.max(run.peakStoreBytes, visited.bytes);
    if (!visited.spilled || !levels.onDisk) {
      const heap = process.memoryUsage().heapUsed;
      if (!levels.onDisk && heap > run.disk.budget.queueHeapBytes) levels.spill();
      if (!visited.spilled && overBudget(run, heap)) visited.flush();
    }
    if (progress && search.elapsedMs() - lastProgress >= progressIntervalMs) {
      lastProgress = search.elapsedMs();
      progress({
        distinctStates: visited.size,
        generatedStates: search.stats.generatedStates,
        queued: levels.size,
        depth: search.stats.depth,
        elapsedMs: lastProgress + (run.checkpoints?.priorMs ?? 0),
      });
    }
  }
  return false;
}

function withDiskStatistics<S>(run: Run<S>, result: CheckResult): CheckResult {
  const { visited, levels, disk } = run;
  const stats: DiskStatistics = {
    memoryBound: disk.memoryBytes,
    spilledAtStates: visited.spilledAt ?? null,
    flushes: visited.flushes,
    fingerprintBytes: visited.diskBytes - visited.parents.diskBytes,
    parentBytes: visited.parents.diskBytes,
    queueBytes: levels.peakDiskBytes,
    peakStoreBytes: Math.max(run.peakStoreBytes, visited.bytes),
  };
  result.stats.disk = stats;
  result.stats.elapsedMs += run.checkpoints?.priorMs ?? 0;
  if (visited.spilledAt === undefined || disk.explicit) return result;
  const note =
    `the store reached the memory bound (${Math.round(disk.memoryBytes / MB)} MB) at ` +
    `${visited.spilledAt.toLocaleString('en-US')} states and went on with fingerprints, parent links and the queue on disk`;
  return { ...result, notes: [...(result.notes ?? []), note] };
}

/** Whether the heap (the queue lives there) and the store's tables hold more than the budget. */
function overBudget<S>(run: Run<S>, heapUsed = process.memoryUsage().heapUsed): boolean {
  return heapUsed + run.visited.bytes > run.disk.memoryBytes;
}
