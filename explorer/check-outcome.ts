/** A check's result as the page reads it: the verdict in one line, the violations as paths. */
import type { Progress } from '../checker/observer.ts';
import { formatPath } from '../checker/path.ts';
import type { CheckResult, Statistics } from '../checker/result.ts';
import type { CheckOutcome, CheckProgress } from './api-types.ts';
import { memberName } from './properties-view.ts';

export function progressOf(p: Progress | Statistics | undefined): CheckProgress {
  if (p === undefined) return { distinctStates: 0, generatedStates: 0, depth: 0, elapsedMs: 0, rate: 0 };
  const { distinctStates, generatedStates, depth, elapsedMs } = p;
  return {
    distinctStates,
    generatedStates,
    depth,
    elapsedMs,
    rate: elapsedMs > 0 ? Math.round(generatedStates / (elapsedMs / 1000)) : 0,
  };
}

export function checkOutcome(result: CheckResult): CheckOutcome {
  const stats = progressOf(result.stats);
  const counts = `${n(stats.distinctStates)} distinct states, ${n(stats.generatedStates)} generated, depth ${stats.depth}, ${(stats.elapsedMs / 1000).toFixed(2)} s`;
  switch (result.status) {
    case 'pass':
      return { status: 'pass', summary: `✔ pass: ${counts}`, violations: [], stats };
    case 'error':
      return {
        status: 'error',
        summary: `[${result.error.code}] ${result.error.message}`,
        violations: [],
        stats,
        errorPath: result.at && formatPath(result.at),
      };
    case 'violation':
    case 'incomplete': {
      const violations = result.violations.map((v) => ({
        property: memberName({ name: v.property, instance: v.instance }),
        kind: v.kind,
        path: v.path && formatPath(v.path),
        loop: v.loop,
      }));
      const head =
        result.status === 'violation'
          ? `✘ ${violations.map((v) => `'${v.property}'`).join(', ')} violated`
          : `incomplete (${result.reason})`;
      return { status: result.status, summary: `${head}: ${counts}`, violations, stats };
    }
  }
}

function n(value: number): string {
  return value.toLocaleString('en-US');
}
