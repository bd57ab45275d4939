/**
 * Kripke measured as a whole process, the way TLC and SPIN are: `bench/measure-one.ts` in a fresh
 * child (a fresh heap, its own peak RSS), with the operating system's wall clock and CPU seconds
 * for the whole process (start-up and module loading included, as the JVM's start is for TLC).
 *
 * The child is the compiled JavaScript (`bench/compiled.ts`), as the published package runs the
 * shipped models; `KRIPKE_BENCH_SOURCES=1` runs the TypeScript sources through tsx instead (about
 * 0.4 s more start-up per process on this machine).
 */
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { compiledMeasureOne } from '../compiled.ts';
import type { Measurement } from '../measure-one.ts';
import { runTimed } from './process.ts';

const MEASURE_ONE = fileURLToPath(new URL('../measure-one.ts', import.meta.url));

/** Whether the children run the sources through tsx rather than the compiled JavaScript. */
export const fromSources = (): boolean => process.env.KRIPKE_BENCH_SOURCES === '1';

/** The node arguments that start the measuring child, before its own arguments. */
export function measureOneCommand(): string[] {
  return fromSources() ? ['--import', 'tsx', MEASURE_ONE] : [compiledMeasureOne()];
}

/** What a report says the children ran. */
export const measuredForm = (): string =>
  fromSources()
    ? 'Kripke: the TypeScript sources through tsx (KRIPKE_BENCH_SOURCES=1)'
    : 'Kripke: the compiled JavaScript, as the package runs it (tsc → out/bench-build/; KRIPKE_BENCH_SOURCES=1 for the sources through tsx)';

export interface ProcessMeasurement extends Measurement {
  /** Wall clock of the whole child process. */
  readonly processWallSeconds: number;
  /** User + system CPU seconds of the whole child process. */
  readonly processCpuSeconds: number;
}

/**
 * Checks a shipped protocol with BFS in a child process; a string says why it failed. `properties`
 * names the properties to check (default: all of the model's); a comparison with a peer checks the
 * ones the peer's configuration checks, so the two tools do the same work. `warmups` checks of the
 * same spec run first in that process, untimed (see measure-one.ts).
 */
export function measureKripke(
  protocol: string,
  settings: Record<string, number | boolean>,
  workers: number,
  properties?: readonly string[],
  warmups = 0,
): ProcessMeasurement | string {
  const run = runTimed(process.execPath, [
    ...measureOneCommand(),
    protocol,
    JSON.stringify(settings),
    String(workers),
    JSON.stringify(properties ? { properties } : {}),
    String(warmups),
  ]);
  if (run.status !== 0) return `child failed (${run.status}): ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`;
  const line = run.stdout.trim().split('\n').at(-1)!;
  return {
    ...(JSON.parse(line) as Measurement),
    processWallSeconds: run.wallSeconds,
    processCpuSeconds: run.cpuSeconds,
  };
}

/** How busy the machine is, for a report: the load averages over 1 and 5 minutes and the core count. */
export function machineLoad(): string {
  const [one, five] = loadavg();
  return `load average ${one!.toFixed(1)} (1 min), ${five!.toFixed(1)} (5 min) on ${cpus().length} cores`;
}
