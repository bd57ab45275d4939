/**
 * Reads a checks file and resolves every check once: defaults filled in, names and values
 * checked — a mistake is reported with the file, the check and the field, before anything runs.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importModule } from '../../checker/import-module.ts';
import { KripkeError, unknownName } from '../../spec/errors.ts';
import { loadModel, looksLikePath } from '../load-model.ts';
import type { CheckDefinition, ChecksConfig, Duration, Snapshot } from './checks-file.ts';
import { parseDuration } from './duration.ts';
import type { Job } from './job.ts';

export const DEFAULT_CHECKS_FILE = 'kripke.config.ts';
export const DEFAULT_TIME_LIMIT_MS = 10 * 60_000;

export interface ResolvedCheck {
  /** Position in the file's `checks` list. */
  readonly index: number;
  readonly name: string;
  readonly definition: CheckDefinition;
  /** What runs (without artifacts: the runner adds where they go). */
  readonly job: Job;
  readonly timeLimitMs: number;
  readonly expected: {
    readonly verdict: 'pass' | 'violation';
    readonly fails: readonly string[];
    readonly snapshot: Snapshot | undefined;
  };
}

const CHECK_FIELDS = [
  'name',
  'model',
  'settings',
  'variant',
  'engine',
  'properties',
  'workers',
  'deadlock',
  'liveness',
  'timeLimit',
  'expect',
];

/** Imports a checks file (TypeScript or JavaScript) and returns its default export. */
export async function importChecksFile(file: string): Promise<ChecksConfig> {
  const absolute = resolve(file);
  if (!existsSync(absolute)) throw new KripkeError('unknown-name', `no checks file at ${absolute}`, { file });
  let module: { default?: unknown };
  try {
    module = await importModule(pathToFileURL(absolute).href);
  } catch (e) {
    throw new KripkeError('invalid-config', `could not load ${file}: ${e instanceof Error ? e.message : String(e)}`, {
      file,
    });
  }
  const config = module.default;
  if (typeof config !== 'object' || config === null || !Array.isArray((config as ChecksConfig).checks)) {
    throw new KripkeError('invalid-config', `${file} must export default defineChecks({ checks: [...] })`, { file });
  }
  return config as ChecksConfig;
}

/** Resolves every check; `baseDir` is where model file paths are relative to (the checks file's folder). */
export async function resolveChecks(
  config: ChecksConfig,
  file: string,
  baseDir = dirname(resolve(file)),
): Promise<ResolvedCheck[]> {
  const fileLimit = duration(config.timeLimit, `${file}: timeLimit`) ?? DEFAULT_TIME_LIMIT_MS;
  const checks: ResolvedCheck[] = [];
  for (const [index, definition] of config.checks.entries()) {
    checks.push(await resolveCheck(definition, index, fileLimit, { file, baseDir }));
  }
  const names = new Map<string, number>();
  for (const c of checks) {
    const earlier = names.get(c.name);
    if (earlier !== undefined)
      throw new KripkeError(
        'invalid-config',
        `${file}: checks #${earlier + 1} and #${c.index + 1} are both named '${c.name}'; give one a name`,
        { file },
      );
    names.set(c.name, c.index);
  }
  return checks;
}

interface Place {
  readonly file: string;
  readonly baseDir: string;
}

async function resolveCheck(
  def: CheckDefinition,
  index: number,
  fileLimit: number,
  place: Place,
): Promise<ResolvedCheck> {
  const where = `${place.file}: check #${index + 1}${typeof def?.name === 'string' ? ` (${def.name})` : ''}`;
  const fail = (why: string) =>
    new KripkeError('invalid-config', `${where}: ${why}`, { file: place.file, check: String(index + 1) });
  if (typeof def !== 'object' || def === null) throw fail('expected an object { model, expect, … }');
  for (const key of Object.keys(def))
    if (!CHECK_FIELDS.includes(key)) throw fail(unknownName('field', key, CHECK_FIELDS).message);
  if (typeof def.model !== 'string' || def.model === '')
    throw fail("'model' must name a shipped model or a model file");
  const model = looksLikePath(def.model) ? resolve(place.baseDir, def.model) : def.model;
  const settings = Object.fromEntries(Object.entries(def.settings ?? {}).map(([k, v]) => [k, String(v)]));
  const engine = def.engine ?? 'bfs';
  const random = typeof engine === 'object' ? engine.random : undefined;
  if (typeof engine === 'object' && (typeof random !== 'object' || !Number.isInteger(random?.seed)))
    throw fail('a random engine is { random: { seed, runs?, depth?, time? } } with a whole-number seed');
  if (typeof engine === 'string' && engine !== 'bfs' && engine !== 'dfs')
    throw fail(`engine '${engine}': expected 'bfs', 'dfs' or { random: { seed, … } }`);
  const workers = def.workers ?? 1;
  if (!Number.isInteger(workers) || workers < 1)
    throw fail(`workers must be a whole number of at least 1, got ${workers}`);
  const job: Job = {
    model,
    settings,
    variant: def.variant,
    engine: random ? 'random' : (engine as 'bfs' | 'dfs'),
    ...(random
      ? {
          random: {
            seed: random.seed,
            runs: random.runs,
            depth: random.depth,
            timeLimitMs: duration(random.time, `${where}: engine.random.time`),
          },
        }
      : {}),
    properties: def.properties,
    workers,
    checkDeadlock: def.deadlock,
    liveness: def.liveness ?? true,
    timeLimitMs: undefined,
  };
  const checked = await checkedNames(job, fail);
  const expected = resolveExpectation(def, checked, job, fail);
  const timeLimitMs = duration(def.timeLimit, `${where}: timeLimit`) ?? fileLimit;
  return {
    index,
    name: def.name ?? defaultName(def),
    definition: def,
    job: { ...job, timeLimitMs },
    timeLimitMs,
    expected,
  };
}

/** Loads the model as the job will (unknown models, variants, settings and properties fail here). */
async function checkedNames(job: Job, fail: (why: string) => Error): Promise<Set<string>> {
  let names: string[];
  let deadlock: boolean;
  try {
    const model = await loadModel(job.model, { settings: job.settings, variant: job.variant });
    names = model.spec.properties.map((p) => p.name);
    deadlock = job.checkDeadlock ?? model.spec.checkDeadlock ?? true;
  } catch (e) {
    if (e instanceof KripkeError) throw fail(e.message);
    throw e;
  }
  for (const p of job.properties ?? []) if (!names.includes(p)) throw fail(unknownName('property', p, names).message);
  const checked = new Set(job.properties ?? names);
  if (deadlock) checked.add('deadlock');
  return checked;
}

function resolveExpectation(
  def: CheckDefinition,
  checked: Set<string>,
  job: Job,
  fail: (why: string) => Error,
): ResolvedCheck['expected'] {
  const expect = def.expect;
  if (typeof expect !== 'object' || expect === null)
    throw fail("'expect' is required: { verdict: 'pass' } or { verdict: 'violation', fails: 'property' }");
  if (expect.verdict !== 'pass' && expect.verdict !== 'violation')
    throw fail(
      `expect.verdict must be 'pass' or 'violation', got ${JSON.stringify((expect as { verdict?: unknown }).verdict)}`,
    );
  const fails = expect.verdict === 'violation' ? [expect.fails].flat() : [];
  if (expect.verdict === 'violation' && (fails.length === 0 || fails.some((f) => typeof f !== 'string')))
    throw fail('expect.fails must name the property (or properties) that fail');
  for (const f of fails)
    if (!checked.has(f))
      throw fail(`expect.fails names '${f}', which this check does not check; it checks: ${[...checked].join(', ')}`);
  if (job.engine === 'random' && fails.length > 1)
    throw fail('a random check stops at its first violation: expect.fails must name one property');
  const snapshot = expect.snapshot;
  if (snapshot !== undefined) {
    const valid = ['distinct', 'generated', 'depth'].every((k) =>
      Number.isInteger((snapshot as unknown as Record<string, unknown>)[k]),
    );
    if (!valid) throw fail('expect.snapshot must be { distinct, generated, depth } with whole numbers');
    if (job.random?.timeLimitMs !== undefined)
      throw fail(
        'a random check with a time budget is not repeatable: give it runs instead of time, or drop the snapshot',
      );
  }
  return { verdict: expect.verdict, fails, snapshot };
}

function duration(value: Duration | undefined, what: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseDuration(value);
  if (ms === undefined)
    throw new KripkeError(
      'invalid-config',
      `${what}: expected a duration such as 90s, 10m or 1500ms, got ${JSON.stringify(value)}`,
    );
  return ms;
}

/** `two-phase-commit commit-on-majority rms=4`. */
export function defaultName(def: Pick<CheckDefinition, 'model' | 'variant' | 'settings' | 'engine'>): string {
  const parts = [def.model];
  if (def.variant) parts.push(def.variant);
  for (const [k, v] of Object.entries(def.settings ?? {})) parts.push(`${k}=${String(v)}`);
  if (typeof def.engine === 'string' && def.engine !== 'bfs') parts.push(`(${def.engine})`);
  if (typeof def.engine === 'object') parts.push('(random)');
  return parts.join(' ');
}
