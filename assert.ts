/**
 * Kripke inside a test suite: `assertSpec` runs `check` and throws an `Error` whose message is
 * the counterexample as a text trace plus the line that reproduces it; `assertTraceReplays` turns
 * a saved path into a regression test. Both work the same from vitest, jest and node:test.
 */
import { check } from './checker/check.ts';
import type { CheckOptions } from './checker/options.ts';
import { type ActionPath, formatPath } from './checker/path.ts';
import { replayPath, type ReplayResult } from './checker/random/replay.ts';
import type { CheckResult, Violation } from './checker/result.ts';
import { explainViolation } from './counterexamples/explain.ts';
import { renderTraceText } from './counterexamples/text.ts';
import { buildTrace } from './counterexamples/trace.ts';
import { KripkeError } from './spec/errors.ts';
import type { Spec } from './spec/types.ts';

export interface AssertOptions extends CheckOptions {
  /**
   * Accept `incomplete` from an exhaustive engine (a depth, state or time bound was hit). A random
   * campaign never covers everything, so without a violation it passes regardless.
   */
  readonly allowIncomplete?: boolean;
}

/** Thrown by `assertSpec` on a violation; `result` holds the full `CheckResult`. */
export class SpecViolationError extends Error {
  override readonly name = 'SpecViolationError';
  constructor(
    message: string,
    readonly result: CheckResult,
  ) {
    super(message);
  }
}

/** Checks `spec` and returns the result, or throws with a readable counterexample. */
export function assertSpec<S>(spec: Spec<S>, options: AssertOptions = {}): CheckResult {
  const { allowIncomplete, ...checkOptions } = options;
  const result = check(spec, checkOptions);
  switch (result.status) {
    case 'violation':
      throw new SpecViolationError(
        result.violations.map((v) => violationMessage(spec, v, result)).join('\n\n'),
        result,
      );
    case 'error':
      throw new SpecViolationError(
        `${spec.name}: model error [${result.error.code}] ${result.error.message}` +
          whereText(result.error.where) +
          (result.at ? `\nreached by path: ${formatPath(result.at)}` : ''),
        result,
      );
    case 'incomplete':
      if (result.stats.engine !== 'random' && !allowIncomplete) {
        throw new SpecViolationError(
          `${spec.name}: the check is incomplete (${result.reason}); ` +
            'raise the bound, or pass allowIncomplete: true to accept a partial check',
          result,
        );
      }
      return result;
    case 'pass':
      return result;
  }
}

export interface ReplayExpectation extends Pick<CheckOptions, 'properties' | 'checkDeadlock' | 'strict'> {
  /** The property the path must violate (`'deadlock'` for a deadlock); omit to require a clean replay. */
  readonly violates?: string;
}

/**
 * A saved counterexample as a regression test: replays `path` and throws unless it violates
 * `violates` (or, without `violates`, unless it replays cleanly — the fixed bug stays fixed).
 */
export function assertTraceReplays<S>(
  spec: Spec<S>,
  path: ActionPath | string,
  expect: ReplayExpectation = {},
): ReplayResult {
  const text = typeof path === 'string' ? path : formatPath(path);
  let outcome: ReplayResult;
  try {
    outcome = replayPath(spec, path, expect);
  } catch (e) {
    if (!(e instanceof KripkeError)) throw e;
    throw new Error(`${spec.name}: the saved path ${text} no longer fits the model: ${e.message}`);
  }
  if (expect.violates === undefined) {
    if (outcome.status === 'violation') throw new Error(violationMessage(spec, outcome.violation));
  } else if (outcome.status === 'clean') {
    throw new Error(
      `${spec.name}: expected path ${text} to violate '${expect.violates}', but it replays without violation (${outcome.steps} steps)`,
    );
  } else if (outcome.violation.property !== expect.violates) {
    throw new Error(
      `${spec.name}: expected path ${text} to violate '${expect.violates}', but it violates '${outcome.violation.property}' first:\n` +
        violationMessage(spec, outcome.violation),
    );
  }
  return outcome;
}

function violationMessage<S>(spec: Spec<S>, v: Violation, result?: CheckResult): string {
  const what =
    v.kind === 'deadlock'
      ? 'deadlock'
      : v.kind === 'unreachable'
        ? `'${v.property}' is never reached`
        : `${v.propertyKind} property '${v.property}' is violated`;
  if (!v.path) return `${spec.name}: ${what}${v.note ? ` (${v.note})` : ''}`;
  const path = formatPath(v.path);
  const trace = buildTrace(spec, v.path, { property: v.property, loop: v.loop });
  const why = explainViolation(spec, trace);
  const lines = [
    `${spec.name}: ${what} after ${v.path.steps.length} steps${v.note ? ` (${v.note})` : ''}`,
    renderTraceText(trace, { color: false }),
    ...(why === undefined ? [] : [`why: ${why}`]),
    `path: ${path}`,
  ];
  const seed = result?.stats.simulation?.campaignSeed;
  if (seed !== undefined)
    lines.push(`seed: ${seed} (rerun the campaign with check(spec, { engine: 'random', seed: ${seed} }))`);
  if (v.loop === undefined) lines.push(`reproduce: assertTraceReplays(spec, '${path}', { violates: '${v.property}' })`);
  return lines.join('\n');
}

function whereText(where: Readonly<Record<string, string>>): string {
  return Object.entries(where)
    .map(([k, v]) => `\n  ${k}: ${v}`)
    .join('');
}
