/**
 * Compares what a check did with what its checks file expects: a verdict for every property,
 * and each difference named (a property that failed but should hold, one that should fail but
 * held, a snapshot that moved, a run that did not finish).
 */
import type { Snapshot } from './checks-file.ts';
import type { JobResult, ViolationSummary } from './job.ts';
import type { ResolvedCheck } from './load-checks.ts';

export type PropertyVerdict = 'held' | 'violated' | 'undecided';

export interface PropertyOutcome {
  readonly name: string;
  readonly kind: string;
  readonly expected: 'hold' | 'fail';
  readonly verdict: PropertyVerdict;
  readonly violation: ViolationSummary | undefined;
  /** The verdict is the expected one. */
  readonly ok: boolean;
}

export type DifferenceKind =
  | 'unexpected-violation'
  | 'missing-violation'
  | 'snapshot'
  | 'incomplete'
  | 'error'
  | 'timeout'
  | 'crashed';

export interface Difference {
  readonly kind: DifferenceKind;
  readonly property?: string;
  readonly message: string;
}

/** `differs`: some expectation does not hold; `incomplete`: the run stopped early and nothing else differs. */
export type Outcome = 'as-expected' | 'differs' | 'incomplete';

export interface Judgement {
  readonly outcome: Outcome;
  /** `pass` or `violation` for a finished run; otherwise what stopped it. */
  readonly verdict: 'pass' | 'violation' | 'incomplete' | 'error' | 'timeout' | 'crashed';
  readonly properties: readonly PropertyOutcome[];
  readonly differences: readonly Difference[];
  /** The state space's size, when the run finished. */
  readonly snapshot: Snapshot | undefined;
}

export function judge(check: ResolvedCheck, result: JobResult): Judgement {
  const finished =
    result.status === 'pass' ||
    result.status === 'violation' ||
    (check.job.engine === 'random' && result.status === 'incomplete'); // a campaign without violation
  const violated = new Map(result.violations.map((v) => [v.property, v]));
  const properties = result.checked.map((p): PropertyOutcome => {
    const expected = check.expected.fails.includes(p.name) ? 'fail' : 'hold';
    const violation = violated.get(p.name);
    const verdict: PropertyVerdict = violation ? 'violated' : finished ? 'held' : 'undecided';
    return {
      name: p.name,
      kind: p.kind,
      expected,
      verdict,
      violation,
      ok: verdict === (expected === 'fail' ? 'violated' : 'held'),
    };
  });
  const differences = [...stopDifferences(result, finished), ...propertyDifferences(properties, finished)];
  const snapshot = finished
    ? { distinct: result.stats.distinct, generated: result.stats.generated, depth: result.stats.depth }
    : undefined;
  const expectedSnapshot = check.expected.snapshot;
  if (snapshot && expectedSnapshot && snapshotChanges(expectedSnapshot, snapshot).length > 0) {
    differences.push({
      kind: 'snapshot',
      message: `snapshot differs (expected → got): ${snapshotChanges(expectedSnapshot, snapshot).join(', ')}`,
    });
  }
  return {
    outcome: outcomeOf(differences),
    verdict: finished
      ? result.violations.length > 0
        ? 'violation'
        : 'pass'
      : result.status === 'incomplete'
        ? 'incomplete'
        : (result.status as Judgement['verdict']),
    properties,
    differences,
    snapshot,
  };
}

export function outcomeOf(differences: readonly Difference[]): Outcome {
  if (differences.length === 0) return 'as-expected';
  return differences.every((d) => d.kind === 'incomplete' || d.kind === 'timeout') ? 'incomplete' : 'differs';
}

/** `distinct 288 → 290` for each count that differs. */
export function snapshotChanges(expected: Snapshot, got: Snapshot): string[] {
  return (['distinct', 'generated', 'depth'] as const)
    .filter((k) => expected[k] !== got[k])
    .map((k) => `${k} ${expected[k].toLocaleString('en-US')} → ${got[k].toLocaleString('en-US')}`);
}

function stopDifferences(result: JobResult, finished: boolean): Difference[] {
  if (finished) return [];
  switch (result.status) {
    case 'error':
      return [
        { kind: 'error', message: `model error${result.error ? ` [${result.error.code}]` : ''}: ${result.reason}` },
      ];
    case 'timeout':
      return [{ kind: 'timeout', message: `timed out: ${result.reason}` }];
    case 'crashed':
      return [{ kind: 'crashed', message: `crashed: ${result.reason}` }];
    default:
      return [
        {
          kind: 'incomplete',
          message: `incomplete (${result.reason}): ${result.stats.distinct.toLocaleString('en-US')} states explored, the rest unchecked`,
        },
      ];
  }
}

function propertyDifferences(properties: readonly PropertyOutcome[], finished: boolean): Difference[] {
  return properties.flatMap((p): Difference[] => {
    if (p.ok || p.verdict === 'undecided') return [];
    if (p.verdict === 'violated') {
      const steps = p.violation?.steps;
      return [
        {
          kind: 'unexpected-violation',
          property: p.name,
          message: `'${p.name}' is violated${steps == null ? '' : ` (${steps} steps)`}, expected to hold`,
        },
      ];
    }
    return finished
      ? [{ kind: 'missing-violation', property: p.name, message: `'${p.name}' holds, expected to be violated` }]
      : [];
  });
}
