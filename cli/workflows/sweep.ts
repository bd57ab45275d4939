/**
 * `kripke sweep` as a library call: one setting swept over values, for each variant — distinct
 * and generated states, depth, time and peak memory per value, and how much the state space grew
 * from one value to the next. Each run has a process of its own (so its memory is its own), and
 * one at a time by default (so runs do not slow each other). A variant whose run does not finish
 * is not run at larger values.
 */
import { KripkeError } from '../../spec/errors.ts';
import { runJob, type RunOptions } from './compare.ts';
import { formatDuration } from './duration.ts';
import type { JobResult, JobStatus } from './job.ts';
import { runJobs } from './pool.ts';
import { expandValues } from './settings-grid.ts';
import { renderTable, type Row, type TableFormat } from './table.ts';
import { chooseVariants } from './variants.ts';
import { kripkeVersion } from '../../counterexamples/version.ts';
import type { KripkeSweep } from '../../schema/types.ts';

export interface SweepOptions extends Omit<RunOptions, 'cores'> {
  /** The swept setting and its values (`expandValues('rms', '2..6')`). */
  readonly key: string;
  readonly values: readonly string[];
  /** Settings held fixed. */
  readonly settings?: Readonly<Record<string, string>>;
  /** Variant names, `all`, or `default` (the default: the model's default variant). */
  readonly variants?: readonly string[] | 'all' | 'default';
  /** Runs at once (default 1: times and memory measured alone). */
  readonly cores?: number;
}

export interface SweepPoint {
  readonly variant: string | null;
  readonly value: string;
  /** `skipped`: a smaller value did not finish. */
  readonly status: JobStatus | 'skipped';
  readonly distinct: number;
  readonly generated: number;
  readonly depth: number;
  readonly elapsedMs: number;
  readonly peakRssBytes: number | null;
  /** Distinct states divided by the previous value's (null for the first, or after a gap). */
  readonly growth: number | null;
}

export interface Sweep {
  readonly model: string;
  readonly key: string;
  readonly values: readonly string[];
  readonly variants: readonly (string | null)[];
  readonly points: readonly SweepPoint[];
}

export async function sweep(model: string, options: SweepOptions): Promise<Sweep> {
  if (options.values.length === 0)
    throw new KripkeError('invalid-config', `sweep: no values for ${options.key}`, { key: options.key });
  if (options.settings && options.key in options.settings)
    throw new KripkeError('invalid-config', `sweep: ${options.key} is both swept and fixed`, { key: options.key });
  const variants = await chooseVariants(model, options.variants ?? 'default');
  const points: SweepPoint[] = [];
  let alive = variants;
  for (const value of options.values) {
    const settings = { ...options.settings, [options.key]: value };
    const results = await runJobs(
      alive.map((v) => runJob(model, v, settings, options)),
      { cores: options.cores ?? 1, freshProcesses: true },
    );
    alive.forEach((variant, i) => points.push(point(variant, value, results[i]!, points)));
    const skipped = variants.filter((v) => !alive.includes(v));
    skipped.forEach((variant) => points.push(skippedPoint(variant, value)));
    alive = alive.filter((_v, i) => results[i]!.status === 'pass' || results[i]!.status === 'violation');
  }
  return { model, key: options.key, values: [...options.values], variants: variants.map((v) => v ?? null), points };
}

/** Parses `rms=2..6` into the key and its values. */
export function sweptSetting(text: string): { key: string; values: string[] } {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new KripkeError('invalid-config', `expected key=range such as rms=2..6, got '${text}'`);
  const key = text.slice(0, eq);
  return { key, values: expandValues(key, text.slice(eq + 1)) };
}

function point(variant: string | undefined, value: string, r: JobResult, earlier: readonly SweepPoint[]): SweepPoint {
  const previous = earlier.filter((p) => p.variant === (variant ?? null)).at(-1);
  const finished = r.status === 'pass' || r.status === 'violation';
  const growth =
    finished && previous && previous.distinct > 0 && (previous.status === 'pass' || previous.status === 'violation')
      ? r.stats.distinct / previous.distinct
      : null;
  return { variant: variant ?? null, value, status: r.status, ...r.stats, peakRssBytes: r.peakRssBytes, growth };
}

function skippedPoint(variant: string | undefined, value: string): SweepPoint {
  return {
    variant: variant ?? null,
    value,
    status: 'skipped',
    distinct: 0,
    generated: 0,
    depth: 0,
    elapsedMs: 0,
    peakRssBytes: null,
    growth: null,
  };
}

export function renderSweep(s: Sweep, format: TableFormat): string {
  const csv = format === 'csv';
  const byVariant = s.variants.flatMap((v) => s.points.filter((p) => p.variant === v));
  const rows = byVariant.map(
    (p): Row => ({
      variant: p.variant ?? '–',
      value: p.value,
      status: p.status,
      distinct: p.status === 'skipped' ? null : p.distinct,
      generated: p.status === 'skipped' ? null : p.generated,
      depth: p.status === 'skipped' ? null : p.depth,
      time: p.status === 'skipped' ? null : csv ? Math.round(p.elapsedMs) : formatDuration(p.elapsedMs),
      memory: p.peakRssBytes === null ? null : csv ? p.peakRssBytes : `${Math.round(p.peakRssBytes / 2 ** 20)} MB`,
      growth: p.growth === null ? null : csv ? Number(p.growth.toFixed(3)) : `×${p.growth.toFixed(2)}`,
    }),
  );
  return renderTable(
    [
      { key: 'variant', title: 'variant' },
      { key: 'value', title: s.key, right: true },
      { key: 'status', title: 'verdict' },
      { key: 'distinct', title: 'distinct', right: true },
      { key: 'generated', title: 'generated', right: true },
      { key: 'depth', title: 'depth', right: true },
      { key: 'time', title: csv ? 'time_ms' : 'time', right: true },
      { key: 'memory', title: csv ? 'peak_rss_bytes' : 'peak memory', right: true },
      { key: 'growth', title: 'growth', right: true },
    ],
    rows,
    format,
  );
}

export function sweepJson(s: Sweep): KripkeSweep {
  return {
    kind: 'kripke-sweep',
    version: 1,
    kripkeVersion: kripkeVersion(),
    model: s.model,
    key: s.key,
    values: [...s.values],
    variants: [...s.variants],
    points: s.points.map((p) => ({ ...p })),
  };
}
