/**
 * The one contract every engine keeps: `check(spec, options) → CheckResult`.
 */
import { KripkeError } from '../spec/errors.ts';
import type { Spec } from '../spec/types.ts';
import { bfs } from './bfs.ts';
import { diskBfs } from './disk/disk-bfs.ts';
import { dfs } from './dfs.ts';
import { type CheckOptions, ENGINES, type ResolvedDisk, type ResolvedOptions, resolveOptions } from './options.ts';
import { isLiveness } from '../spec/properties.ts';
import { FieldReads } from './field-reads.ts';
import { parallelBfs } from './parallel/parallel-bfs.ts';
import { simulate } from './random/simulate.ts';
import { type CheckResult, noStatistics } from './result.ts';
import { recordLiveness, withLiveness } from './liveness/with-liveness.ts';
import { validateCheckInput } from './option-input.ts';
import { loadingSpecSource } from './parallel/loading-guard.ts';

export function check<S>(spec: Spec<S>, options: CheckOptions = {}): CheckResult {
  let resolved: ResolvedOptions;
  try {
    validateCheckInput(spec, options);
    if (loadingSpecSource()) return notRunInWorker(spec, options);
    resolved = resolveOptions(spec as Spec<unknown>, options);
  } catch (e) {
    if (!(e instanceof KripkeError)) throw e;
    return {
      status: 'error',
      model: modelName(spec),
      error: e,
      at: undefined,
      examples: [],
      stats: noStatistics(ENGINES.find((e) => e === options?.engine) ?? 'bfs'),
    };
  }
  if (resolved.workers > 1) return withLiveness(spec, resolved, parallelBfs(spec, resolved, options));
  // Worker threads rebuild the spec from its module, so field reads are tracked on one thread only.
  const reads = new FieldReads<S>(resolved.strict);
  const tracked = reads.wrap(spec);
  return noVacuousReads(tracked, reads, run(tracked, resolved));
}

function run<S>(spec: Spec<S>, resolved: ResolvedOptions): CheckResult {
  switch (resolved.engine) {
    case 'bfs': {
      if (resolved.disk) return diskBfsWithLiveness(spec, resolved, resolved.disk);
      // One worker expands states in discovery order: the liveness graph is recorded on the way.
      const recorded = recordLiveness(spec, resolved);
      return withLiveness(spec, resolved, bfs(spec, resolved, recorded?.recorder), recorded);
    }
    case 'dfs':
      return withLiveness(spec, resolved, dfs(spec, resolved));
    case 'random':
      return simulate(spec, resolved);
  }
}

/** Liveness after the disk store's BFS: as usual while everything fitted in memory; beyond, the state graph would not fit. */
function diskBfsWithLiveness<S>(spec: Spec<S>, resolved: ResolvedOptions, disk: ResolvedDisk): CheckResult {
  const result = diskBfs(spec, resolved, disk);
  if (result.stats.disk?.spilledAtStates === null) return withLiveness(spec, resolved, result);
  const liveness = resolved.liveness && spec.properties.some((p) => resolved.properties.has(p.name) && isLiveness(p));
  if (!liveness || result.status === 'error') return result;
  const note =
    'liveness properties not checked: the state space went to disk, and the liveness graph is kept in memory';
  return { ...result, notes: [...(result.notes ?? []), note] };
}

/** A property that read a field no state it saw has would pass vacuously: that is an error. */
function noVacuousReads<S>(spec: Spec<S>, reads: FieldReads<S>, result: CheckResult): CheckResult {
  if (result.status === 'error') return result;
  const [first] = reads.vacuous(new Set(result.status === 'pass' ? [] : result.violations.map((v) => v.property)));
  if (first === undefined) return result;
  const error = new KripkeError(
    'invalid-spec',
    `property '${first.property}' reads the field '${first.field}', which no state it was ` +
      `evaluated on has (the state's fields: ${first.fields.join(', ')}): it would hold or fail vacuously. ` +
      `If the field is optional, test for it with '${first.field}' in s`,
    { model: spec.name, property: first.property, field: first.field },
  );
  return { status: 'error', model: spec.name, error, at: undefined, examples: result.examples, stats: result.stats };
}

/** `check()` called by a spec module while a worker thread of a parallel check imports it: not run there. */
function notRunInWorker<S>(spec: Spec<S>, options: CheckOptions): CheckResult {
  return {
    status: 'incomplete',
    model: spec.name,
    violations: [],
    examples: [],
    reason:
      'not run: this check() was called while a worker thread of a parallel check loaded the module; the main thread runs the check',
    stats: noStatistics(options.engine ?? 'bfs'),
  };
}

/** The model's name for an error result, even when `spec` is not a spec at all. */
function modelName(spec: unknown): string {
  const name = typeof spec === 'object' && spec !== null ? (spec as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? name : '(no spec)';
}
