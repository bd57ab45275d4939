/**
 * What the equivalence test compares, read off a `CheckResult`: counts, depth, status, and per
 * property what was found (`n steps` for a safety counterexample, `unreachable`, `lasso`). For a
 * bundle (`union.ts`), one part's share: its actions' coverage and its properties' verdicts.
 */
import type { CheckResult } from '../result.ts';
import type { Figures, Verdicts } from './reference.ts';
import { unionName } from './union.ts';

export interface EngineFigures extends Figures {
  /** Liveness verdicts (`lasso`), apart from safety ones. */
  readonly liveness: Verdicts;
  /** States in the liveness graph, when liveness ran. */
  readonly graphStates: number | undefined;
}

export function figuresOf(result: CheckResult): EngineFigures {
  if (result.status === 'error') throw new Error(`check failed: ${result.error.message}`);
  const violations = new Map<string, string>();
  const liveness = new Map<string, string>();
  for (const v of result.status === 'pass' ? [] : result.violations) {
    if (v.kind === 'liveness') liveness.set(v.property, 'lasso');
    else violations.set(v.property, v.kind === 'unreachable' ? 'unreachable' : `${v.path!.steps.length} steps`);
  }
  const examples = new Map(
    result.examples.filter((e) => e.path).map((e) => [e.property, `${e.path!.steps.length} steps`]),
  );
  const { distinctStates: distinct, generatedStates: generated, depth } = result.stats;
  return {
    distinct,
    generated,
    depth,
    status: result.status,
    violations,
    examples,
    liveness,
    graphStates: result.stats.liveness?.graphStates,
  };
}

/** Successors computed and new states found by one part's actions (bundles: `i:` actions), or by all. */
export interface Coverage {
  readonly fired: number;
  readonly found: number;
}

export function coverageOf(result: CheckResult, part?: number): Coverage {
  const mine = result.stats.coverage.filter((c) => part === undefined || c.action.startsWith(unionName(part, '')));
  return { fired: mine.reduce((n, c) => n + c.fired, 0), found: mine.reduce((n, c) => n + c.found, 0) };
}

/** One part's verdicts in a bundle, under the part's own property names (all of them without a part). */
export function partVerdicts(verdicts: Verdicts, part?: number): Verdicts {
  if (part === undefined) return verdicts;
  const prefix = unionName(part, '');
  return new Map(
    [...verdicts].filter(([name]) => name.startsWith(prefix)).map(([name, v]) => [name.slice(prefix.length), v]),
  );
}

/** Names only: where an engine promises the same properties, not the same (shortest) lengths. */
export const names = (verdicts: Verdicts): string[] => [...verdicts.keys()].sort();

/** `name: value` lines for each field that differs, empty when the two agree. */
export function differences(what: string, expected: object, actual: object): string[] {
  const shown = (v: unknown) => JSON.stringify(v instanceof Map ? Object.fromEntries([...v].sort()) : v);
  const field = (o: object, k: string) => shown((o as Record<string, unknown>)[k]);
  return Object.keys(expected)
    .filter((k) => field(expected, k) !== field(actual, k))
    .map((k) => `${what}: ${k} ${field(actual, k)}, expected ${field(expected, k)}`);
}

/** A result's figures as plain data, for tests that pin them. */
export function summaryOf(result: CheckResult) {
  const f = figuresOf(result);
  return {
    status: f.status,
    distinct: f.distinct,
    generated: f.generated,
    depth: f.depth,
    violations: Object.fromEntries([...f.violations, ...f.liveness].sort()),
  };
}
