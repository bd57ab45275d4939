/**
 * `npm run bench -- long-lasso`: liveness on a lasso of n steps (one n-step cycle, or an n-step
 * prefix then stuttering), n doubling: the liveness time (graph, components, lasso rebuild and
 * re-check) per 1,000 steps stays flat when reconstruction is linear.
 */
import type { BenchOptions } from '../run.ts';
import { check } from '../../checker/check.ts';
import { longLasso } from '../../checker/liveness/long-lasso-fixture.ts';

export const name = 'long-lasso';
export const description = 'liveness time for lassos of 125k..1M steps: linear means flat ms per 1k steps';

export async function run(options: BenchOptions): Promise<unknown> {
  const sizes = options.quick ? [50_000, 100_000, 200_000] : [125_000, 250_000, 500_000, 1_000_000];
  const rows = [];
  for (const shape of ['cycle', 'prefix'] as const) {
    for (const n of sizes) {
      const started = performance.now();
      const result = check(longLasso(n, shape));
      const totalMs = performance.now() - started;
      const livenessMs = result.stats.liveness?.elapsedMs ?? NaN;
      const steps = result.status === 'violation' ? result.violations[0]!.path!.steps.length : 0;
      rows.push({
        shape,
        n,
        steps,
        totalMs: Math.round(totalMs),
        livenessMs: Math.round(livenessMs),
        msPer1kSteps: +(livenessMs / (n / 1000)).toFixed(2),
      });
      if (!options.json)
        process.stdout.write(
          `  ${shape.padEnd(6)} ${String(n).padStart(9)} steps=${steps}  total ${(totalMs / 1000).toFixed(2)} s  liveness ${(livenessMs / 1000).toFixed(2)} s  (${rows.at(-1)!.msPer1kSteps} ms per 1k steps)\n`,
        );
    }
  }
  return rows;
}
