/**
 * Turns a `CheckResult` into what people read (text) and what machines read (one versioned
 * JSON object).
 */
import { formatPath } from '../checker/path.ts';
import type { CheckResult, DiskStatistics, LivenessStatistics, Statistics, Violation } from '../checker/result.ts';
import { encodeValue } from '../counterexamples/json-value.ts';
import { explainViolation } from '../counterexamples/explain.ts';
import { renderTraceText, TERMINAL_FOLD_BEYOND } from '../counterexamples/text.ts';
import { paintWith } from '../counterexamples/ansi.ts';
import { abstractTrace, refinementOf, renderAbstractTraceText } from '../counterexamples/refinement.ts';
import { buildTrace } from '../counterexamples/trace.ts';
import type { Spec } from '../spec/types.ts';
import type { KripkeCheckResult, Simulation, Violation as KripkeViolation } from '../schema/types.ts';
import type { SimulationStatistics } from '../checker/random/statistics.ts';
import type { LoadedModel } from './load-model.ts';
import { kripkeVersion } from '../counterexamples/version.ts';

export const JSON_RESULT_VERSION = 1 as const;

const n = (x: number) => x.toLocaleString('en-US');

export function describeModel(model: LoadedModel, settings: Readonly<Record<string, string>>): string {
  const parts = [model.spec.name];
  if (model.variant) parts.push(`variant ${model.variant}`);
  const set = Object.entries(settings).map(([k, v]) => `${k}=${v}`);
  if (set.length) parts.push(set.join(' '));
  return parts.join(', ');
}

export function statsLine(stats: Statistics): string {
  const seconds = stats.elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(stats.generatedStates / seconds) : 0;
  return (
    `${n(stats.distinctStates)} distinct states, ${n(stats.generatedStates)} generated, depth ${stats.depth}, ` +
    `${seconds.toFixed(2)} s (${n(rate)} states/s)`
  );
}

export function renderResultText(result: CheckResult, model: LoadedModel, color: boolean): string {
  const paint = paintWith(color);
  const lines: string[] = [];
  switch (result.status) {
    case 'pass':
      lines.push(`${paint('green', '✔ pass')}: ${statsLine(result.stats)}`);
      break;
    case 'violation':
      lines.push(`${paint('red', '✘ violation')}: ${statsLine(result.stats)}`);
      for (const v of result.violations) lines.push('', ...violationLines(v, model, color));
      break;
    case 'incomplete':
      lines.push(`${paint('yellow', '… incomplete')} (${result.reason}): ${statsLine(result.stats)}`);
      lines.push('  no violation found in the part explored; the rest of the state space is unchecked');
      for (const v of result.violations) lines.push('', ...violationLines(v, model, color));
      break;
    case 'error':
      lines.push(`${paint('red', '✘ model error')} [${result.error.code}]: ${result.error.message}`);
      for (const [k, v] of Object.entries(result.error.where)) lines.push(`  ${k}: ${v}`);
      if (result.at) lines.push(`  reached by path: ${formatPath(result.at)}`);
      return lines.join('\n');
  }
  for (const ex of result.examples) {
    if (ex.path)
      lines.push(
        `  sometimes '${ex.property}': reached after ${ex.path.steps.length} steps (path ${formatPath(ex.path)})`,
      );
  }
  for (const note of result.notes ?? []) lines.push(`  note: ${note}`);
  if (result.stats.liveness) lines.push(livenessLine(result.stats.liveness));
  if (result.stats.disk) lines.push(diskLine(result.stats.disk, result.stats.distinctStates));
  lines.push(`  fingerprint collision probability: ${result.stats.collisionProbability.toExponential(1)}`);
  lines.push(...coverageLines(result.stats));
  return lines.join('\n');
}

/** "leadsTo property 'ClientsWillObtain' is violated for c1, r1" (a family names its failing instance). */
export function violatedText(v: Violation): string {
  return `${v.propertyKind} property '${v.property}' is violated${v.instance === undefined ? '' : ` for ${v.instance}`}`;
}

function violationLines(v: Violation, model: LoadedModel, color: boolean): string[] {
  const what =
    v.kind === 'deadlock'
      ? 'Deadlock'
      : v.kind === 'unreachable'
        ? `'${v.property}' is never reached`
        : violatedText(v);
  if (!v.path) return [`${what}${v.note ? `: ${v.note}` : ''}`];
  const spec = model.spec as Spec<unknown>;
  const trace = buildTrace(spec, v.path, traceInfo(v));
  const why = explainViolation(spec, trace);
  const refinement = refinementOf(spec, v.property);
  return [
    `${what} ${v.loop === undefined ? `after ${v.path.steps.length} steps` : lassoSummary(v.loop, v.path.steps.length)}${v.note ? ` (${v.note})` : ''}:`,
    renderTraceText(trace, { color, foldBeyond: TERMINAL_FOLD_BEYOND }),
    ...(refinement ? [renderAbstractTraceText(trace, abstractTrace(refinement, trace), color)] : []),
    ...(why === undefined ? [] : [`  why: ${why.split('\n').join('\n       ')}`]),
    `  path: ${formatPath(v.path)}`,
  ];
}

/** What a violation's trace says about itself: the property, its failing instance, the lasso's loop. */
function traceInfo(v: Violation) {
  return {
    property: v.property,
    ...(v.instance === undefined ? {} : { instance: v.instance }),
    ...(v.loop === undefined ? {} : { loop: v.loop }),
  };
}

/** "by a lasso: 3 steps to state 4, then a cycle of 2 steps back to it" (or a stutter there). */
function lassoSummary(loop: number, steps: number): string {
  const reach = `${loop} step${loop === 1 ? '' : 's'} to state ${loop + 1}`;
  return loop === steps
    ? `by a lasso: ${reach}, then stuttering there forever`
    : `by a lasso: ${reach}, then a cycle of ${steps - loop} step${steps - loop === 1 ? '' : 's'} back to it, forever`;
}

function livenessLine(l: LivenessStatistics): string {
  return (
    `  liveness: graph of ${n(l.graphStates)} states and ${n(l.graphEdges)} edges (${n(Math.round(l.graphBytes / 1024))} KiB), ` +
    `${n(l.components)} components searched, ${n(l.fairComponents)} fair, ${(l.elapsedMs / 1000).toFixed(2)} s`
  );
}

function diskLine(d: DiskStatistics, states: number): string {
  const mb = (bytes: number) =>
    bytes < 2 ** 20 ? `${n(Math.ceil(bytes / 1024))} KB` : `${n(Math.round(bytes / 2 ** 20))} MB`;
  if (d.spilledAtStates === null) return `  disk store: everything fitted in its ${mb(d.memoryBound)} of memory`;
  const perState = ((d.fingerprintBytes + d.parentBytes) / Math.max(1, states)).toFixed(1);
  return (
    `  disk store: on disk from ${n(d.spilledAtStates)} states (${n(d.flushes)} flushes): ${mb(d.fingerprintBytes)} of fingerprints and ` +
    `${mb(d.parentBytes)} of parent links (${perState} bytes a state), the queue up to ${mb(d.queueBytes)}; in memory at most ${mb(d.peakStoreBytes)} of its ${mb(d.memoryBound)}`
  );
}

function coverageLines(stats: Statistics): string[] {
  const width = Math.max(6, ...stats.coverage.map((c) => c.action.length));
  const lines = [`  ${'action'.padEnd(width)}  ${'fired'.padStart(12)}  ${'new states'.padStart(12)}`];
  for (const c of stats.coverage) {
    const flag = c.fired === 0 ? '  (never enabled)' : '';
    lines.push(`  ${c.action.padEnd(width)}  ${n(c.fired).padStart(12)}  ${n(c.found).padStart(12)}${flag}`);
  }
  return lines;
}

/** The one JSON object `--json` prints. Versioned: fields are added, never changed in meaning. */
export function resultJson(
  result: CheckResult,
  model: LoadedModel,
  settings: Readonly<Record<string, string>>,
): KripkeCheckResult {
  const base = {
    version: JSON_RESULT_VERSION,
    kripkeVersion: kripkeVersion(),
    model: model.spec.name,
    variant: model.variant ?? null,
    settings: { ...settings },
    status: result.status,
    stats: statsJson(result.stats),
    examples: result.examples.map((e) => ({ property: e.property, path: e.path ? formatPath(e.path) : null })),
    notes: [...(result.notes ?? [])],
  };
  switch (result.status) {
    case 'pass':
      return base;
    case 'error':
      return {
        ...base,
        error: { code: result.error.code, message: result.error.message, where: { ...result.error.where } },
        at: result.at ? formatPath(result.at) : null,
      };
    case 'violation':
    case 'incomplete':
      return {
        ...base,
        ...(result.status === 'incomplete' ? { reason: result.reason } : {}),
        violations: result.violations.map((v) => violationJson(v, model)),
      };
  }
}

function statsJson(stats: Statistics): KripkeCheckResult['stats'] {
  const { simulation, liveness, ...counts } = stats;
  return {
    ...counts,
    coverage: stats.coverage.map((c) => ({ ...c })),
    ...(liveness ? { liveness: { ...liveness } } : {}),
    ...(simulation ? { simulation: simulationStatsJson(simulation) } : {}),
  };
}

function simulationStatsJson(sim: SimulationStatistics): Simulation {
  return {
    ...sim,
    shard: sim.shard && { ...sim.shard },
    excludedActions: [...sim.excludedActions],
    sometimes: sim.sometimes.map((h) => ({ ...h })),
    shrink: sim.shrink && { ...sim.shrink },
    livenessNotChecked: [...sim.livenessNotChecked],
  };
}

function violationJson(v: Violation, model: LoadedModel): KripkeViolation {
  const spec = model.spec as Spec<unknown>;
  const trace = v.path ? buildTrace(spec, v.path, traceInfo(v)) : undefined;
  const refinement = refinementOf(spec, v.property);
  return {
    property: v.property,
    kind: v.kind,
    instance: v.instance ?? null,
    note: v.note ?? null,
    explanation: trace ? (explainViolation(spec, trace) ?? null) : null,
    path: v.path ? formatPath(v.path) : null,
    loop: v.loop ?? null,
    lasso: v.loop === undefined || !v.path ? null : lassoJson(v.loop, v.path.steps.length),
    trace: trace ? trace.steps.map((s) => ({ action: s.action?.label ?? null, state: encodeValue(s.shown) })) : null,
    ...(refinement && trace ? { abstract: abstractJson(abstractTrace(refinement, trace)) } : {}),
  };
}

/** A refinement violation's abstract image: per concrete state, the abstract state and the step that explains it. */
function abstractJson(image: ReturnType<typeof abstractTrace>): NonNullable<KripkeViolation['abstract']> {
  return {
    model: image.abstractModel,
    firstUnmatched: image.firstUnmatched ?? null,
    trace: image.steps.map((s) => ({ counterpart: s.counterpart ?? null, state: encodeValue(s.state) })),
  };
}

/** A lasso in JSON: the last state (index `last`) loops back to state `loop`; equal indexes mean stuttering. */
function lassoJson(loop: number, last: number): KripkeViolation['lasso'] {
  return { loop, last, loopBack: { from: last, to: loop }, stutter: loop === last };
}
