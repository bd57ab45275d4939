/**
 * Runs liveness after an exhaustive safety search and merges the outcome into its result: safety
 * first (as TLC does — an invariant violation is the shorter story), then liveness over the
 * state graph. Liveness runs when safety passed, or after a violation with `continue`.
 */
import { isLiveness, type LivenessProperty } from '../../spec/properties.ts';
import type { Spec } from '../../spec/types.ts';
import type { ResolvedOptions } from '../options.ts';
import type { CheckResult } from '../result.ts';
import { checkLiveness, type LivenessPlan, planLiveness } from './check-liveness.ts';
import { GraphRecorder } from './graph-recorder.ts';

/** The liveness graph recorded by the safety search itself, with the plan it was recorded for. */
export interface RecordedLiveness<S> {
  readonly plan: LivenessPlan;
  readonly recorder: GraphRecorder<S>;
}

/**
 * For a single-worker BFS that will be followed by liveness checking: a recorder for the search to
 * feed, so that safety and liveness share one exploration. Undefined when nothing is to be checked.
 */
export function recordLiveness<S>(spec: Spec<S>, options: ResolvedOptions): RecordedLiveness<S> | undefined {
  const properties = livenessProperties(spec, options);
  if (properties.length === 0 || !options.liveness) return undefined;
  const plan = planLiveness(spec, properties);
  return { plan, recorder: new GraphRecorder(spec, options, plan.fairness, plan.predicates) };
}

function livenessProperties<S>(spec: Spec<S>, options: ResolvedOptions): LivenessProperty<S>[] {
  return spec.properties.filter((p): p is LivenessProperty<S> => options.properties.has(p.name) && isLiveness(p));
}

export function withLiveness<S>(
  spec: Spec<S>,
  options: ResolvedOptions,
  result: CheckResult,
  recorded?: RecordedLiveness<S>,
): CheckResult {
  const properties = livenessProperties(spec, options);
  if (properties.length === 0 || !options.liveness || result.status === 'error') return result;
  const skipped = (why: string): CheckResult => ({
    ...result,
    notes: [...(result.notes ?? []), `liveness properties not checked: ${why}`],
  });
  if (options.engine === 'random') return skipped('the random engine explores walks, not the whole state graph');
  if (result.status === 'incomplete') return skipped('the state space was not exhausted');
  if (result.status === 'violation' && result.unexplored)
    return skipped(`the state space was not exhausted (${result.unexplored})`);
  if (result.status === 'violation' && !options.continueAfterViolation) return result;
  const outcome = recorded
    ? checkLiveness(spec, options, recorded.plan, recorded.recorder.result(undefined))
    : checkLiveness(spec, options, planLiveness(spec, properties));
  const stats = {
    ...result.stats,
    liveness: outcome.stats,
    elapsedMs: result.stats.elapsedMs + outcome.stats.elapsedMs,
  };
  const earlier = result.status === 'violation' ? result.violations : [];
  const common = {
    model: result.model,
    examples: result.examples,
    stats,
    notes: [...(result.notes ?? []), ...outcome.notes],
  };
  if (outcome.error) return { ...common, status: 'error', error: outcome.error, at: outcome.at };
  const violations = [...earlier, ...outcome.violations];
  if (outcome.incomplete) return { ...common, status: 'incomplete', reason: outcome.incomplete, violations };
  return violations.length > 0 ? { ...common, status: 'violation', violations } : { ...common, status: 'pass' };
}
