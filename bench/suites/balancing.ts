/**
 * `npm run bench -- balancing`: the load-balancing and scheduling models (issue 17). For each
 * default configuration: distinct and generated states, depth, verdict and seconds (safety and
 * liveness, BFS); for each bug variant: the violated property, the counterexample's length (a
 * lasso's prefix and cycle) and seconds. The issue asks that each default checks within 2 minutes.
 */
import { check } from '../../checker/index.ts';
import type { Protocol } from '../../spec/index.ts';
import { consistentHashing } from '../../model/load-balancing/consistent-hashing.ts';
import { leastConnections } from '../../model/load-balancing/least-connections.ts';
import { roundRobin } from '../../model/load-balancing/round-robin.ts';
import { autoscaler } from '../../model/scheduling/autoscaler.ts';
import { kubeScheduler } from '../../model/scheduling/kube-scheduler.ts';
import { omega } from '../../model/scheduling/omega.ts';
import type { BenchOptions } from '../run.ts';

export const name = 'balancing';
export const description =
  'load balancers and schedulers: defaults (states, seconds), bug variants (counterexample length)';

const MODELS: readonly Protocol[] = [roundRobin, leastConnections, consistentHashing, kubeScheduler, omega, autoscaler];

interface Row {
  readonly model: string;
  readonly variant: string;
  readonly status: string;
  readonly distinct: number;
  readonly generated: number;
  readonly depth: number;
  /** The violated property and the counterexample's steps (`prefix+cycle` for a lasso). */
  readonly property: string;
  readonly steps: string;
  readonly seconds: number;
}

function measure(protocol: Protocol, variant: string): Row {
  const started = performance.now();
  const result = check(protocol.instantiate({}, variant));
  const seconds = Math.round((performance.now() - started) / 10) / 100;
  const { distinctStates: distinct, generatedStates: generated, depth } = result.stats;
  const violation = result.status === 'violation' ? result.violations[0] : undefined;
  const length = violation?.path?.steps.length ?? 0;
  const steps =
    violation === undefined
      ? ''
      : violation.loop === undefined
        ? String(length)
        : `${violation.loop}+${length - violation.loop}`;
  return {
    model: protocol.name,
    variant,
    status: result.status,
    distinct,
    generated,
    depth,
    property: violation?.property ?? '',
    steps,
    seconds,
  };
}

export async function run(options: BenchOptions): Promise<Row[]> {
  const rows: Row[] = [];
  for (const protocol of MODELS) {
    for (const variant of Object.keys(protocol.variants)) {
      const row = measure(protocol, variant);
      rows.push(row);
      if (!options.json) {
        process.stdout.write(
          `${row.model.padEnd(19)} ${row.variant.padEnd(26)} ${row.status.padEnd(9)} ${String(row.distinct).padStart(7)} distinct ` +
            `${String(row.generated).padStart(8)} generated  depth ${String(row.depth).padStart(2)}  ${row.seconds.toFixed(2).padStart(6)} s` +
            `${row.property ? `  '${row.property}' in ${row.steps} steps` : ''}\n`,
        );
      }
    }
  }
  return rows;
}
