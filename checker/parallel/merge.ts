/**
 * Turns the threads' outcomes of a parallel search into one `CheckResult`, as one thread would
 * have reported it: counts summed, violations gathered (first per property), a `sometimes` goal
 * unreachable only if no thread reached it, the shortest example kept.
 */
import { KripkeError, type ErrorCode } from '../../spec/errors.ts';
import type { Spec } from '../../spec/types.ts';
import type { CheckResult, Example, Statistics, Violation } from '../result.ts';
import { collisionProbability, type Search } from '../search.ts';
import type { StopReason } from './level-explorer.ts';
import type { FinalReport } from './messages.ts';

export interface Outcome {
  readonly stop: StopReason | undefined;
  readonly exhaustive: boolean;
  readonly workers: number;
}

export function mergeFinals<S>(
  spec: Spec<S>,
  main: Search<S>,
  others: readonly FinalReport[],
  outcome: Outcome,
): CheckResult {
  if (outcome.exhaustive) main.monitor.finishExhaustive();
  const finals: FinalReport[] = [
    {
      stats: main.finishStats(),
      violations: main.monitor.violations,
      examples: main.monitor.exampleList(),
      boundHit: main.boundHit,
    },
    ...others,
  ];
  const stats = mergeStats(finals, outcome.workers);
  const examples = mergeExamples(finals);
  const common = { model: spec.name, stats, examples };
  const { stop } = outcome;
  if (stop?.kind === 'error') {
    const e = stop.error!;
    return { ...common, status: 'error', error: new KripkeError(e.code as ErrorCode, e.message, e.where), at: stop.at };
  }
  const violations = mergeViolations(finals, examples);
  const bound = finals.map((f) => f.boundHit).find((b) => b !== undefined);
  if (violations.length > 0)
    return { ...common, status: 'violation', violations, ...(bound ? { unexplored: bound } : {}) };
  if (!outcome.exhaustive) {
    const reason =
      stop?.message ??
      finals.map((f) => f.boundHit).find((b) => b !== undefined) ??
      'stopped before the state space was exhausted';
    return { ...common, status: 'incomplete', reason, violations };
  }
  return { ...common, status: 'pass' };
}

function mergeStats(finals: readonly FinalReport[], workers: number): Statistics {
  const first = finals[0]!.stats;
  const coverage = first.coverage.map((c, i) => ({
    action: c.action,
    fired: finals.reduce((n, f) => n + f.stats.coverage[i]!.fired, 0),
    found: finals.reduce((n, f) => n + f.stats.coverage[i]!.found, 0),
  }));
  const generated = finals.reduce((n, f) => n + f.stats.generatedStates, 0);
  return {
    ...first,
    engine: `${first.engine} (${workers} workers)`,
    generatedStates: generated,
    depth: Math.max(...finals.map((f) => f.stats.depth)),
    queued: finals.reduce((n, f) => n + f.stats.queued, 0),
    coverage,
    collisionProbability: collisionProbability(first.distinctStates, generated),
  };
}

function mergeExamples(finals: readonly FinalReport[]): Example[] {
  const best = new Map<string, Example>();
  for (const f of finals) {
    for (const e of f.examples) {
      const known = best.get(e.property);
      if (!known || (e.path && known.path && e.path.steps.length < known.path.steps.length)) best.set(e.property, e);
    }
  }
  return [...best.values()];
}

/**
 * One violation per property — the shortest any thread found (each thread's first is in the first
 * level where it met one, so the shortest is one thread's BFS answer); `unreachable` only when no
 * thread reached the goal.
 */
function mergeViolations(finals: readonly FinalReport[], examples: readonly Example[]): Violation[] {
  const reached = new Set(examples.map((e) => e.property));
  const byProperty = new Map<string, Violation>();
  for (const f of finals) {
    for (const v of f.violations) {
      if (v.kind === 'unreachable' && reached.has(v.property)) continue;
      const known = byProperty.get(v.property);
      if (known === undefined || (v.path && known.path && v.path.steps.length < known.path.steps.length))
        byProperty.set(v.property, v);
    }
  }
  return [...byProperty.values()];
}
