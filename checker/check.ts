/**
 * The one contract every engine keeps: `check(spec, options) → CheckResult`.
 */
import { KripkeError } from '../spec/errors.ts';
import type { Spec } from '../spec/types.ts';
import { bfs } from './bfs.ts';
import { dfs } from './dfs.ts';
import { type CheckOptions, ENGINES, resolveOptions } from './options.ts';
import { parallelBfs } from './parallel/parallel-bfs.ts';
import { simulate } from './random/simulate.ts';
import type { CheckResult } from './result.ts';
import { withLiveness } from './liveness/with-liveness.ts';
import { validateCheckInput } from './option-input.ts';
import { loadingSpecSource } from './parallel/loading-guard.ts';

export function check<S>(spec: Spec<S>, options: CheckOptions = {}): CheckResult {
  let resolved;
  try {
    validateCheckInput(spec, options);
    if (loadingSpecSource()) return notRunInWorker(spec, options);
    resolved = resolveOptions(spec as Spec<unknown>, options);
  } catch (e) {
    if (!(e instanceof KripkeError)) throw e;
    return {
      status: 'error', model: modelName(spec), error: e, at: undefined, examples: [],
      stats: { engine: ENGINES.find((e) => e === options?.engine) ?? 'bfs', distinctStates: 0, generatedStates: 0, depth: 0, queued: 0,
        coverage: [], elapsedMs: 0, collisionProbability: 0, storeBytes: 0 },
    };
  }
  switch (resolved.engine) {
    case 'bfs': return withLiveness(spec, resolved, resolved.workers > 1 ? parallelBfs(spec, resolved, options) : bfs(spec, resolved));
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

/** The model's name for an error result, even when `spec` is not a spec at all. */
function modelName(spec: unknown): string {
  const name = typeof spec === 'object' && spec !== null ? (spec as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? name : '(no spec)';
}
