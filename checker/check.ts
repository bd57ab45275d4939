/**
 * The one contract every engine keeps: `check(spec, options) → CheckResult`.
 */
import { KripkeError } from '../spec/errors.ts';
import type { Spec } from '../spec/types.ts';
import { bfs } from './bfs.ts';
import { dfs } from './dfs.ts';
import { type CheckOptions, resolveOptions } from './options.ts';
import { parallelBfs } from './parallel/parallel-bfs.ts';
import { simulate } from './random/simulate.ts';
import type { CheckResult } from './result.ts';
import { recordLiveness, withLiveness } from './liveness/with-liveness.ts';
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
    case 'bfs': {
      if (resolved.workers > 1) return withLiveness(spec, resolved, parallelBfs(spec, resolved, options));
      // One worker expands states in discovery order: the liveness graph is recorded on the way.
      const recorded = recordLiveness(spec, resolved);
      return withLiveness(spec, resolved, bfs(spec, resolved, recorded?.recorder), recorded);
    }
    case 'dfs': return withLiveness(spec, resolved, dfs(spec, resolved));
    case 'random': return simulate(spec, resolved);
  }
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
