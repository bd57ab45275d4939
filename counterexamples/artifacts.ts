/**
 * Every file a counterexample is saved as: `trace.json` (Kripke), `trace.itf.json` (ITF),
 * `trace.dot` and `trace.svg` (the trace graph), `sequence.svg` (actor models), `states.svg` (the
 * state space around the trace) and `report.html` (all of it in one page). `kripke check --out` and `kripke render` use it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Violation } from '../checker/result.ts';
import { KripkeError } from '../spec/errors.ts';
import type { Spec } from '../spec/types.ts';
import { renderTraceDot } from './dot.ts';
import { traceToJson } from './export-json.ts';
import { renderHtmlReport } from './html.ts';
import { abstractTrace, refinementOf, renderAbstractTraceHtml } from './refinement.ts';
import { traceToItf } from './itf.ts';
import type { TraceContext } from './saved-trace.ts';
import { renderSequenceChart } from './sequence-chart.ts';
import { stateGraphDotIfDrawable } from './state-graph.ts';
import { dotToSvg } from './svg.ts';
import { buildTrace, type Trace } from './trace.ts';

/** File name → content, in the order they are written. */
export type Artifacts = ReadonlyMap<string, string>;

/** A picture that was not made (its file name) and why. */
export type SkippedPicture = (file: string, why: string) => void;

/**
 * With `spec` (whose own states the trace holds), also `states.svg`: the state space around the
 * trace; `explored`, the distinct states the check explored, is stated next to what it draws.
 * `skipped` hears of a picture left out because it would be too large to read.
 */
export async function renderArtifacts<S>(
  trace: Trace<S>,
  context: TraceContext,
  replayFile: string,
  spec?: Spec<S>,
  explored?: number,
  skipped?: SkippedPicture,
): Promise<Artifacts> {
  const dot = renderTraceDot(trace);
  const svg = await dotToSvg(dot);
  const sequenceSvg = renderSequenceChart(trace);
  const statesDot = spec
    ? stateGraphDotIfDrawable(spec, trace, explored === undefined ? {} : { explored }, (why) =>
        skipped?.('states.svg', why),
      )
    : undefined;
  const statesSvg = statesDot === undefined ? undefined : await dotToSvg(statesDot);
  const files = new Map<string, string>([['trace.json', `${JSON.stringify(traceToJson(trace, context), null, 2)}\n`]]);
  const itf = itfText(trace, context);
  if (typeof itf === 'string') files.set('trace.itf.json', itf);
  files.set('trace.dot', dot).set('trace.svg', svg);
  if (sequenceSvg !== undefined) files.set('sequence.svg', sequenceSvg);
  if (statesSvg !== undefined) files.set('states.svg', statesSvg);
  const refinement = spec && refinementOf(spec, trace.property);
  const refinementHtml = refinement ? renderAbstractTraceHtml(trace, abstractTrace(refinement, trace)) : undefined;
  files.set(
    'report.html',
    await reportHtml(trace, context, replayCommand(replayFile, context), statesSvg, refinementHtml),
  );
  return files;
}

/** The HTML report; it states the title and verdict once, above its pictures, so they have none. */
export async function reportHtml<S>(
  trace: Trace<S>,
  context: TraceContext,
  replay: string,
  statesSvg?: string,
  refinementHtml?: string,
): Promise<string> {
  const svg = await dotToSvg(renderTraceDot(trace, { title: false }));
  const sequenceSvg = renderSequenceChart(trace, { title: false });
  return renderHtmlReport({
    trace,
    context,
    svg,
    ...(sequenceSvg ? { sequenceSvg } : {}),
    ...(statesSvg ? { statesSvg } : {}),
    replay,
    ...(refinementHtml ? { refinementHtml } : {}),
  });
}

/** The trace in ITF, or why ITF cannot hold it (a fraction, say): then the other files are still written. */
function itfText(trace: Trace, context: TraceContext): string | KripkeError {
  try {
    return `${JSON.stringify(traceToItf(trace, context), null, 2)}\n`;
  } catch (e) {
    if (e instanceof KripkeError) return e;
    throw e;
  }
}

/** Writes the artifacts of one trace into `dir`; returns the paths written (a refused ITF file is said on stderr). */
export async function writeArtifacts<S>(
  dir: string,
  trace: Trace<S>,
  context: TraceContext,
  spec?: Spec<S>,
  explored?: number,
): Promise<string[]> {
  const files = await renderArtifacts(trace, context, join(dir, 'trace.json'), spec, explored, (file, why) =>
    process.stderr.write(`  skipped ${join(dir, file)}: ${why}\n`),
  );
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, content] of files) {
    await writeFile(join(dir, name), content);
    written.push(join(dir, name));
  }
  const itf = files.has('trace.itf.json') ? undefined : itfText(trace, context);
  if (itf instanceof KripkeError)
    process.stderr.write(`  not written: ${join(dir, 'trace.itf.json')}: ${itf.message}\n`);
  return written;
}

/** For `check --out`: one folder per violation with a path, named after its property; `explored` as `renderArtifacts` takes it. */
export async function writeViolationArtifacts<S>(
  outDir: string,
  spec: Spec<S>,
  violations: readonly Violation[],
  context: TraceContext,
  explored?: number,
): Promise<string[]> {
  const written: string[] = [];
  for (const v of violations) {
    if (v.path === undefined) continue;
    const trace = buildTrace(spec, v.path, {
      property: v.property,
      ...(v.instance !== undefined ? { instance: v.instance } : {}),
      ...(v.loop !== undefined ? { loop: v.loop } : {}),
    });
    written.push(
      ...(await writeArtifacts(
        join(outDir, folderName(v.property)),
        trace,
        { ...context, kind: v.kind },
        spec,
        explored,
      )),
    );
  }
  return written;
}

export function folderName(property: string): string {
  return property.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'property';
}

/** `kripke replay out/consistent/trace.json two-phase-commit --variant bug --set rms=3` */
export function replayCommand(file: string, context: TraceContext): string {
  const args = ['kripke', 'replay', file];
  if (context.reference) args.push(context.reference);
  if (context.variant) args.push('--variant', context.variant);
  for (const [k, v] of Object.entries(context.settings ?? {})) args.push('--set', `${k}=${v}`);
  return args.map(shellQuote).join(' ');
}

export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
