/**
 * Drives a `Search` with a frontier until it is empty, a violation stops it, or a limit is hit,
 * and turns the outcome into a `CheckResult`. BFS and DFS provide only `next()` on their frontier.
 */
import { KripkeError } from '../spec/errors.ts';
import type { Spec } from '../spec/types.ts';
import type { ResolvedOptions } from './options.ts';
import type { CheckResult } from './result.ts';
import { type ExplorationObserver, type Frontier, Search } from './search.ts';

export interface TakingFrontier<S> extends Frontier<S> {
  /** Takes the next state to expand, or returns false when empty (state in `state`, `id`, `depth`). */
  take(): boolean;
  readonly state: S;
  readonly id: number;
  readonly depth: number;
}

const CHECK_EVERY = 1024;

export function runSearch<S>(
  spec: Spec<S>,
  options: ResolvedOptions,
  frontier: TakingFrontier<S>,
  observer?: ExplorationObserver<S>,
): CheckResult {
  const search = new Search(spec, options, frontier, undefined, observer);
  const { monitor, stats } = search;
  const { progress, progressIntervalMs = 1000 } = options.observer;
  let lastProgress = 0;
  let expandingId = -1;
  try {
    search.seed();
    let expanded = 0;
    while (!monitor.shouldStop && frontier.take()) {
      expandingId = frontier.id;
      search.expand(frontier.state, frontier.id, frontier.depth);
      if (++expanded % CHECK_EVERY === 0) {
        if (search.limitReached()) break;
        if (progress && search.elapsedMs() - lastProgress >= progressIntervalMs) {
          lastProgress = search.elapsedMs();
          progress({
            distinctStates: search.visited.size,
            generatedStates: stats.generatedStates,
            queued: frontier.size,
            depth: stats.depth,
            elapsedMs: lastProgress,
          });
        }
      }
    }
  } catch (e) {
    if (!(e instanceof KripkeError)) throw e;
    return errorOutcome(spec, search, e, expandingId);
  }
  return searchOutcome(spec, search, frontier.size === 0 && !monitor.shouldStop);
}

/** The result of a search that stopped: `finished` when its frontier ran empty without a violation stopping it. */
export function searchOutcome<S>(spec: Spec<S>, search: Search<S>, finished: boolean): CheckResult {
  const { monitor } = search;
  const exhaustive = finished && search.boundHit === undefined;
  if (exhaustive) monitor.finishExhaustive();
  const common = { model: spec.name, stats: search.finishStats(), examples: monitor.exampleList() };
  if (monitor.violations.length > 0) {
    const unexplored = search.boundHit;
    return { ...common, status: 'violation', violations: monitor.violations, ...(unexplored ? { unexplored } : {}) };
  }
  if (!exhaustive) {
    const reason = search.boundHit ?? 'stopped before the state space was exhausted';
    return { ...common, status: 'incomplete', reason, violations: monitor.violations };
  }
  return { ...common, status: 'pass' };
}

/** The result of a search stopped by a model's error, reached by expanding state `expandingId` (or while seeding). */
export function errorOutcome<S>(
  spec: Spec<S>,
  search: Search<S>,
  error: KripkeError,
  expandingId: number,
): CheckResult {
  const at = expandingId >= 0 ? search.pathTo(expandingId) : undefined;
  return {
    status: 'error',
    model: spec.name,
    error,
    at,
    stats: search.finishStats(),
    examples: search.monitor.exampleList(),
  };
}
