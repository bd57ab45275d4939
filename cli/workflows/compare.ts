/**
 * `kripke compare` as a library call: every variant × configuration checked to the end of its
 * state space, one row per property — verdict, distinct states, depth, time, counterexample length.
 */
import { formatDuration } from './duration.ts';
import type { Job, JobResult } from './job.ts';
import { runJobs } from './pool.ts';
import { type Configuration, configurations, describeConfiguration } from './settings-grid.ts';
import { renderTable, type Row, type TableFormat } from './table.ts';
import { chooseVariants } from './variants.ts';
import { kripkeVersion } from '../../counterexamples/version.ts';
import type { KripkeComparison } from '../../schema/types.ts';

export interface RunOptions {
  readonly engine?: 'bfs' | 'dfs';
  readonly properties?: readonly string[];
  readonly deadlock?: boolean;
  readonly liveness?: boolean;
  readonly workers?: number;
  /** Per run (default 10 minutes); a run past it is reported as incomplete. */
  readonly timeLimitMs?: number;
  /** Cores to fill with runs at once (default: all). */
  readonly cores?: number;
}

export interface CompareOptions extends RunOptions {
  /** Variant names, or `all` (the default). */
  readonly variants?: readonly string[] | 'all';
  /** Settings, each a value, a list (`3,5`) or a range (`2..6`): every combination is a configuration. */
  readonly settings?: Readonly<Record<string, string>>;
}

export interface ComparisonRow {
  readonly variant: string | null;
  readonly configuration: Configuration;
  readonly property: string;
  /** `holds`, `violated`, or — when the run did not finish — `undecided`; `error` when it failed. */
  readonly verdict: 'holds' | 'violated' | 'undecided' | 'error';
  readonly distinct: number;
  readonly generated: number;
  readonly depth: number;
  readonly elapsedMs: number;
  /** Steps of the shortest counterexample (null when the property holds). */
  readonly counterexampleSteps: number | null;
  /** Why the run did not finish, or failed. */
  readonly note: string | null;
}

export interface Comparison {
  readonly model: string;
  readonly rows: readonly ComparisonRow[];
}

export const DEFAULT_RUN_TIME_LIMIT_MS = 10 * 60_000;

export async function compareVariants(model: string, options: CompareOptions = {}): Promise<Comparison> {
  const variants = await chooseVariants(model, options.variants ?? 'all');
  const grid = configurations(options.settings ?? {});
  const runs = variants.flatMap((variant) => grid.map((configuration) => ({ variant, configuration })));
  const results = await runJobs(
    runs.map((r) => runJob(model, r.variant, r.configuration, options)),
    { cores: options.cores },
  );
  return { model, rows: runs.flatMap((r, i) => rowsOf(r.variant, r.configuration, results[i]!)) };
}

/** The job of one run: the whole state space, every property. */
export function runJob(model: string, variant: string | undefined, settings: Configuration, options: RunOptions): Job {
  return {
    model,
    settings,
    variant,
    engine: options.engine ?? 'bfs',
    properties: options.properties,
    workers: options.workers ?? 1,
    checkDeadlock: options.deadlock,
    liveness: options.liveness ?? true,
    timeLimitMs: options.timeLimitMs ?? DEFAULT_RUN_TIME_LIMIT_MS,
  };
}

function rowsOf(variant: string | undefined, configuration: Configuration, result: JobResult): ComparisonRow[] {
  const finished = result.status === 'pass' || result.status === 'violation';
  const violated = new Map(result.violations.map((v) => [v.property, v]));
  const base = {
    variant: variant ?? null,
    configuration,
    distinct: result.stats.distinct,
    generated: result.stats.generated,
    depth: result.stats.depth,
    elapsedMs: result.stats.elapsedMs,
    note: finished ? null : result.reason,
  };
  if (result.checked.length === 0) return [{ ...base, property: '–', verdict: 'error', counterexampleSteps: null }];
  return result.checked.map((p) => {
    const v = violated.get(p.name);
    return {
      ...base,
      property: p.name,
      verdict: v ? 'violated' : finished ? 'holds' : result.status === 'error' ? 'error' : 'undecided',
      counterexampleSteps: v?.steps ?? null,
    };
  });
}

const COLUMNS = [
  { key: 'variant', title: 'variant' },
  { key: 'configuration', title: 'configuration' },
  { key: 'property', title: 'property' },
  { key: 'verdict', title: 'verdict' },
  { key: 'distinct', title: 'distinct', right: true },
  { key: 'depth', title: 'depth', right: true },
  { key: 'time', title: 'time', right: true },
  { key: 'steps', title: 'counterexample', right: true },
];

export function renderComparison(c: Comparison, format: TableFormat): string {
  const rows = c.rows.map(
    (r): Row => ({
      variant: r.variant ?? '–',
      configuration: describeConfiguration(r.configuration),
      property: r.property,
      verdict: r.verdict,
      distinct: r.distinct,
      depth: r.depth,
      time: format === 'csv' ? Math.round(r.elapsedMs) : formatDuration(r.elapsedMs),
      steps:
        r.counterexampleSteps === null
          ? null
          : format === 'csv'
            ? r.counterexampleSteps
            : `${r.counterexampleSteps} steps`,
    }),
  );
  const columns =
    format === 'csv' ? COLUMNS.map((col) => (col.key === 'time' ? { ...col, title: 'time_ms' } : col)) : COLUMNS;
  const notes = [
    ...new Set(
      c.rows
        .filter((r) => r.note)
        .map((r) => `${r.variant ?? c.model} ${describeConfiguration(r.configuration)}: ${r.note}`),
    ),
  ];
  return [renderTable(columns, rows, format), ...(format === 'csv' ? [] : notes.map((n) => `note: ${n}`))].join('\n');
}

export function comparisonJson(c: Comparison): KripkeComparison {
  return {
    kind: 'kripke-compare',
    version: 1,
    kripkeVersion: kripkeVersion(),
    model: c.model,
    rows: c.rows.map((r) => ({ ...r, configuration: { ...r.configuration } })),
  };
}
