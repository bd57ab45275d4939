/**
 * The one contract every engine keeps: `check(spec, options) → CheckResult`.
 */
import { KripkeError } from '../spec/errors.ts';
import type { Spec } from '../spec/types.ts';
import { bfs } from './bfs.ts';
import { diskBfs } from './disk/disk-bfs.ts';
import { dfs } from './dfs.ts';
import { type CheckOptions, type ResolvedDisk, type ResolvedOptions, resolveOptions } from './options.ts';
import { isLiveness } from '../spec/properties.ts';
import { parallelBfs } from './parallel/parallel-bfs.ts';
import { simulate } from './random/simulate.ts';
import type { CheckResult } from './result.ts';
import { withLiveness } from './liveness/with-liveness.ts';
import { loadingSpecSource } from './parallel/loading-guard.ts';

export function check<S>(spec: Spec<S>, options: CheckOptions = {}): CheckResult {
  if (loadingSpecSource()) return notRunInWorker(spec, options);
  let resolved;
  try {
    resolved = resolveOptions(spec as Spec<unknown>, options);
  } catch (e) {
    if (!(e instanceof KripkeError)) throw e;
    return {
      status: 'error', model: spec.name, error: e, at: undefined, examples: [],
      stats: { engine: options.engine ?? 'bfs', distinctStates: 0, generatedStates: 0, depth: 0, queued: 0,
        coverage: [], elapsedMs: 0, collisionProbability: 0, storeBytes: 0 },
    };
  }
  switch (resolved.engine) {
    case 'bfs':
      if (resolved.disk) return diskBfsWithLiveness(spec, resolved, resolved.disk);
      return withLiveness(spec, resolved, resolved.workers > 1 ? parallelBfs(spec, resolved, options) : bfs(spec, resolved));
    case 'dfs': return withLiveness(spec, resolved, dfs(spec, resolved));
    case 'random': return simulate(spec, resolved);
  }
}

/** Liveness after the disk store's BFS: as usual while everything fitted in memory; beyond, the state graph would not fit. */
function diskBfsWithLiveness<S>(spec: Spec<S>, resolved: ResolvedOptions, disk: ResolvedDisk): CheckResult {
  const result = diskBfs(spec, resolved, disk);
  if (result.stats.disk?.spilledAtStates === null) return withLiveness(spec, resolved, result);
  const liveness = resolved.liveness && spec.properties.some((p) => resolved.properties.has(p.name) && isLiveness(p));
  if (!liveness || result.status === 'error') return result;
  const note = 'liveness properties not checked: the state space went to disk, and the liveness graph is kept in memory';
  return { ...result, notes: [...(result.notes ?? []), note] };
}

/** `check()` called by a spec module while a worker thread of a parallel check imports it: not run there. */
function notRunInWorker<S>(spec: Spec<S>, options: CheckOptions): CheckResult {
  return {
    status: 'incomplete', model: spec.name, violations: [], examples: [],
    reason: 'not run: this check() was called while a worker thread of a parallel check loaded the module; the main thread runs the check',
    stats: { engine: options.engine ?? 'bfs', distinctStates: 0, generatedStates: 0, depth: 0, queued: 0,
      coverage: [], elapsedMs: 0, collisionProbability: 0, storeBytes: 0 },
  };
}
