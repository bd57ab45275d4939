/**
 * What `kripke simulate` prints: the campaign's verdict, the shrunk counterexample as a trace, the
 * one line that reproduces the run, and the coverage that shows whether random search explored or
 * ran in circles. `--json` prints `resultJson` plus the reproduce line, which `kripke merge` reads.
 */
import { formatPath } from '../checker/path.ts';
import type { CheckResult, Statistics, Violation } from '../checker/result.ts';
import type { SimulationStatistics } from '../checker/random/statistics.ts';
import { paintWith } from '../counterexamples/ansi.ts';
import type { KripkeSimulationResult } from '../schema/types.ts';
import { renderTraceText, TERMINAL_FOLD_BEYOND } from '../counterexamples/text.ts';
import { buildTrace } from '../counterexamples/trace.ts';
import type { LoadedModel } from './load-model.ts';
import { resultJson, violatedText } from './report.ts';

export const SIMULATION_KIND = 'kripke-simulation' as const;

const n = (x: number) => x.toLocaleString('en-US');
const plural = (x: number, what: string) => `${n(x)} ${what}${x === 1 ? '' : 's'}`;

/** How the model was named on the command line, for reproduce lines. */
export interface Invocation {
  readonly model: LoadedModel;
  readonly settings: Readonly<Record<string, string>>;
  /** Extra flags that change what is checked (`--property …`, `--no-deadlock`). */
  readonly checkFlags: readonly string[];
}

export function commandLine(inv: Invocation, extra: readonly string[]): string {
  return `kripke ${simulateArguments(inv, extra)}`;
}

/** `simulate <model> --set … --variant … <extra>`, quoted for a shell. */
export function simulateArguments(inv: Invocation, extra: readonly string[]): string {
  const words = ['simulate', inv.model.reference];
  for (const [k, v] of Object.entries(inv.settings)) words.push('--set', `${k}=${v}`);
  if (inv.model.variant && inv.model.protocol && inv.model.variant !== inv.model.protocol.defaultVariant) {
    words.push('--variant', inv.model.variant);
  }
  return [...words, ...inv.checkFlags, ...extra].map(shellWord).join(' ');
}

/** The one line that reproduces a run: its path when there is one, else the campaign. */
export function reproduceLine(result: CheckResult, inv: Invocation): string {
  const sim = result.stats.simulation!;
  const path =
    result.status === 'violation' ? result.violations[0]?.path : result.status === 'error' ? result.at : undefined;
  if (path) return commandLine(inv, ['--seed', String(sim.campaignSeed), '--replay', formatPath(path)]);
  // A time-limited campaign ran the first `runs` walks of its seed: `--runs` repeats exactly those.
  const campaign = [
    '--seed',
    String(sim.campaignSeed),
    '--depth',
    String(sim.depth),
    '--runs',
    String(sim.runsRequested ?? sim.runs),
  ];
  if (sim.shard) campaign.push('--shard', `${sim.shard.index}/${sim.shard.count}`);
  return commandLine(inv, campaign);
}

export function renderSimulationText(result: CheckResult, inv: Invocation, color: boolean): string {
  const paint = paintWith(color);
  const sim = result.stats.simulation!;
  const lines: string[] = [];
  switch (result.status) {
    case 'violation':
      for (const v of result.violations) lines.push(...violationLines(v, inv.model, sim, color));
      break;
    case 'error':
      lines.push(`${paint('red', '✘ model error')} [${result.error.code}]: ${result.error.message}`);
      for (const [k, v] of Object.entries(result.error.where)) lines.push(`  ${k}: ${v}`);
      if (result.at) lines.push(`  reached by path: ${formatPath(result.at)}`);
      break;
    case 'pass':
    case 'incomplete':
      lines.push(
        `${paint('green', '✔ no violation')} in ${n(sim.runs)} walks of up to ${n(sim.depth)} steps ` +
          '(random simulation samples behaviours; it is not exhaustive)',
      );
      if (sim.livenessNotChecked.length)
        lines.push(`  not checked (liveness needs kripke check): ${sim.livenessNotChecked.join(', ')}`);
  }
  lines.push(
    `${paint('bold', 'reproduce:')} ${reproduceLine(result, inv)}`,
    '',
    ...coverageLines(result.stats, sim, result),
  );
  return lines.join('\n');
}

function violationLines(v: Violation, model: LoadedModel, sim: SimulationStatistics, color: boolean): string[] {
  const paint = paintWith(color);
  const what = v.kind === 'deadlock' ? 'deadlock' : violatedText(v);
  const lines = [`${paint('red', '✘ violation')}: ${what}`];
  if (sim.shrink) {
    lines.push(
      `  found in walk ${n(sim.shrink.foundInWalk)} after ${sim.shrink.originalSteps} steps; ` +
        `shrunk to ${sim.shrink.shrunkSteps} steps (${n(sim.shrink.attempts)} walks replayed while shrinking)`,
    );
  }
  if (!v.path) return lines;
  const trace = buildTrace(model.spec, v.path, { property: v.property, instance: v.instance });
  return [
    ...lines,
    renderTraceText(trace, { color, foldBeyond: TERMINAL_FOLD_BEYOND }),
    `  path: ${formatPath(v.path)}`,
  ];
}

export function coverageLines(stats: Statistics, sim: SimulationStatistics, result?: CheckResult): string[] {
  const seconds = stats.elapsedMs / 1000;
  const lines = [
    `  ${plural(sim.runs, 'walk')}, ${plural(sim.steps, 'step')} (${n(sim.stepsPerSecond)} steps/s), ${seconds.toFixed(2)} s in all; ` +
      `deepest walk ${plural(sim.deepestWalk, 'step')}, ${plural(stats.distinctStates, 'distinct state')} seen`,
    `  seed ${sim.seed}${sim.shard ? ` (shard ${sim.shard.index}/${sim.shard.count} of campaign seed ${sim.campaignSeed})` : ''}` +
      (sim.excludedActions.length
        ? `; swarm: leaves out ${sim.excludedActions.join(', ')} when others are enabled`
        : ''),
  ];
  const width = Math.max(6, ...stats.coverage.map((c) => c.action.length));
  lines.push(`  ${'action'.padEnd(width)}  ${'taken'.padStart(12)}  ${'new states'.padStart(12)}`);
  for (const c of stats.coverage) {
    lines.push(
      `  ${c.action.padEnd(width)}  ${n(c.fired).padStart(12)}  ${n(c.found).padStart(12)}${c.fired === 0 ? '  (never taken)' : ''}`,
    );
  }
  for (const hit of sim.sometimes) {
    const example = result?.examples.find((e) => e.property === hit.property)?.path;
    const shortest = example && example.steps.length <= 20 ? `, path ${formatPath(example)}` : '';
    lines.push(
      `  sometimes '${hit.property}': reached in ${n(hit.walks)} of ${plural(sim.runs, 'walk')}` +
        (example ? ` (shortest: ${plural(example.steps.length, 'step')}${shortest})` : ''),
    );
  }
  return lines;
}

export function simulationJson(result: CheckResult, inv: Invocation): KripkeSimulationResult {
  const base = resultJson(result, inv.model, inv.settings);
  const simulation = base.stats.simulation;
  if (simulation === undefined)
    throw new Error(`simulate: the ${base.stats.engine} engine reported no campaign statistics`);
  return {
    kind: SIMULATION_KIND,
    ...base,
    stats: { ...base.stats, simulation },
    reproduce: reproduceLine(result, inv),
  };
}

function shellWord(word: string): string {
  return /^[\w./:=,@+%-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}
