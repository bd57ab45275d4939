/**
 * Runs liveness after an exhaustive safety search and merges the outcome into its result: safety
 * first (as TLC does — an invariant violation is the shorter story), then liveness over the
 * state graph. Liveness runs when safety passed, or after a violation with `continue`.
 */
import { isLiveness, type LivenessProperty } from '../../spec/properties.ts';
import type { Spec } from '../../spec/types.ts';
import type { ResolvedOptions } from '../options.ts';
import type { CheckResult } from '../result.ts';
import { checkLiveness } from './check-liveness.ts';

export function withLiveness<S>(spec: Spec<S>, options: ResolvedOptions, result: CheckResult): CheckResult {
  const properties = spec.properties.filter((p): p is LivenessProperty<S> => options.properties.has(p.name) && isLiveness(p));
  if (properties.length === 0 || !options.liveness || result.status === 'error') return result;
  const skipped = (why: string): CheckResult => ({ ...result, notes: [...(result.notes ?? []), `liveness properties not checked: ${why}`] });
  if (options.engine === 'random') return skipped('the random engine explores walks, not the whole state graph');
  if (result.status === 'incomplete') return skipped('the state space was not exhausted');
  if (result.status === 'violation' && result.unexplored) return skipped(`the state space was not exhausted (${result.unexplored})`);
  if (result.status === 'violation' && !options.continueAfterViolation) return result;
  const outcome = checkLiveness(spec, options, properties);
  const stats = { ...result.stats, liveness: outcome.stats, elapsedMs: result.stats.elapsedMs + outcome.stats.elapsedMs };
  const earlier = result.status === 'violation' ? result.violations : [];
  const common = { model: result.model, examples: result.examples, stats, notes: [...(result.notes ?? []), ...outcome.notes] };
  if (outcome.error) return { ...common, status: 'error', error: outcome.error, at: outcome.at };
  const violations = [...earlier, ...outcome.violations];
  if (outcome.incomplete) return { ...common, status: 'incomplete', reason: outcome.incomplete, violations };
  return violations.length > 0 ? { ...common, status: 'violation', violations } : { ...common, status: 'pass' };
}
