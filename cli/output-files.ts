/**
 * Where `check --out` puts counterexamples, so that none is ever lost: one folder per property,
 * unique even when two names clean to the same text, always inside the output folder. The files
 * that need no layout — trace.json, trace.itf.json, trace.txt — are written first; the pictures
 * (Graphviz) after, and when they cannot be made (a trace too large for Graphviz) the output
 * says which were skipped and why, and keeps the rest. Every file is written under a temporary
 * name and renamed, so an interrupted run leaves no half-written file.
 */
import { mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { isAbsolute, join, normalize, relative, resolve } from 'node:path';
import type { Violation } from '../checker/result.ts';
import { folderName, renderArtifacts } from '../counterexamples/artifacts.ts';
import { renderTraceDot } from '../counterexamples/dot.ts';
import { traceToJson } from '../counterexamples/export-json.ts';
import { traceToItf } from '../counterexamples/itf.ts';
import type { TraceContext } from '../counterexamples/saved-trace.ts';
import { renderTraceText } from '../counterexamples/text.ts';
import { buildTrace, type Trace } from '../counterexamples/trace.ts';
import { KripkeError } from '../spec/errors.ts';
import type { Spec } from '../spec/types.ts';

export interface WriteReport {
  /** `wrote out/p/trace.json`, `skipped …: why`, in order. */
  readonly lines: string[];
  readonly written: string[];
}

/**
 * Checks `--out` before a run: an existing folder, or one that can be made. Errors name the path.
 * Returns it as the user wrote it (normalised), so that printed paths and replay commands read alike.
 */
export async function prepareOutDir(out: string): Promise<string> {
  const dir = normalize(out);
  const existing = await stat(dir).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw outputError(out, 'it is a file, not a folder');
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw outputError(out, systemReason(e));
  }
  return dir;
}

/** Makes the pictures of a trace (Graphviz); a parameter so that a test can make it fail. */
export type PictureMaker = typeof renderArtifacts;

/** `explored`: the distinct states the check explored, stated beside the state-space picture. */
export async function writeViolationFiles<S>(
  outDir: string,
  spec: Spec<S>,
  violations: readonly Violation[],
  context: TraceContext,
  explored?: number,
  pictures: PictureMaker = renderArtifacts,
): Promise<WriteReport> {
  const report: WriteReport = { lines: [], written: [] };
  const folders = uniqueFolders(violations.filter((v) => v.path !== undefined).map((v) => v.property));
  for (const v of violations) {
    if (v.path === undefined) continue;
    const dir = insideOut(outDir, folders.get(v.property)!);
    const trace = buildTrace(spec, v.path, {
      property: v.property,
      ...(v.instance !== undefined ? { instance: v.instance } : {}),
      ...(v.loop !== undefined ? { loop: v.loop } : {}),
    });
    await writeTraceFiles(dir, trace, { ...context, kind: v.kind }, spec, report, pictures, explored);
  }
  return report;
}

/** One trace into `dir`: the plain files, then the pictures if Graphviz can make them. */
async function writeTraceFiles<S>(
  dir: string,
  trace: Trace<S>,
  context: TraceContext,
  spec: Spec<S>,
  report: WriteReport,
  pictures: PictureMaker,
  explored: number | undefined,
): Promise<void> {
  const files = new Map<string, string>([
    ['trace.json', `${JSON.stringify(traceToJson(trace, context), null, 2)}\n`],
    ['trace.itf.json', `${JSON.stringify(traceToItf(trace, context), null, 2)}\n`],
    ['trace.txt', `${renderTraceText(trace, { color: false })}\n`],
  ]);
  let skipped: string | undefined;
  const notDrawn: string[] = [];
  try {
    const made = await pictures(trace, context, join(dir, 'trace.json'), spec, explored, (file, why) =>
      notDrawn.push(`skipped ${join(dir, file)}: ${why}`),
    );
    for (const [name, content] of made) files.set(name, content);
  } catch (e) {
    skipped = e instanceof Error ? e.message : String(e);
    const dot = attempt(() => renderTraceDot(trace));
    if (dot !== undefined) files.set('trace.dot', dot);
  }
  await mkdir(dir, { recursive: true }).catch((e: unknown) => {
    throw outputError(dir, systemReason(e));
  });
  for (const [name, content] of files) {
    const path = join(dir, name);
    await writeFileAtomic(path, content);
    report.written.push(path);
    report.lines.push(`wrote ${path}`);
  }
  report.lines.push(...notDrawn);
  if (skipped !== undefined) {
    report.lines.push(
      `skipped the pictures of ${trace.steps.length - 1} steps in ${dir} (trace.svg, report.html and the other SVGs): ${skipped}`,
    );
  }
}

/** Property name → folder: the cleaned name, made unique by a suffix when two clean to the same text. */
export function uniqueFolders(properties: readonly string[]): Map<string, string> {
  const folders = new Map<string, string>();
  const taken = new Set<string>();
  for (const property of properties) {
    if (folders.has(property)) continue;
    const base = safeFolderName(property);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    taken.add(name.toLowerCase()); // case-insensitive file systems (macOS, Windows) would merge them too
    folders.set(property, name);
  }
  return folders;
}

/** A folder name with no path meaning: never empty, `.` or `..`. */
function safeFolderName(property: string): string {
  const name = folderName(property);
  return /^\.*$/.test(name) ? `property${name.length ? '-dots' : ''}` : name;
}

/** `outDir/folder`, refusing anything that would land outside `outDir`. */
function insideOut(outDir: string, folder: string): string {
  const dir = join(outDir, folder);
  const rel = relative(resolve(outDir), resolve(dir));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw outputError(dir, `it is not inside ${outDir}`);
  return dir;
}

/** Writes `content` under a temporary name in the same folder, then renames it over `path`. */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, content);
    await rename(temporary, path);
  } catch (e) {
    await unlink(temporary).catch(() => {});
    throw outputError(path, systemReason(e));
  }
}

export function outputError(path: string, why: string): KripkeError {
  return new KripkeError('invalid-config', `cannot write output to ${path}: ${why}`, { output: path });
}

function systemReason(e: unknown): string {
  const code = (e as { code?: string }).code;
  const reasons: Record<string, string> = {
    ENOENT: 'its folder does not exist',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'it is a folder',
    ENOSPC: 'the disk is full',
    EROFS: 'the file system is read-only',
  };
  return (code && reasons[code]) ?? (e instanceof Error ? e.message : String(e));
}

function attempt<T>(make: () => T): T | undefined {
  try {
    return make();
  } catch {
    return undefined;
  }
}
