/**
 * A trace as a Graphviz DOT graph in the fixed visual vocabulary of VISUALS.md: one node per
 * state (changed fields and nested paths highlighted, long values collapsed), edges coloured per
 * action with a legend, the initial state filled, the violating state in red, and for a lasso the
 * cycle boxed with its loop-back edge dashed. Golden files pin the output.
 */
import { formatValue } from '../checker/format-value.ts';
import { type Change, formatChangePath, sameValue } from './diff.ts';
import type { Trace, TraceStep } from './trace.ts';
import { actionColors, cycleStart, type Lasso, lassoOf, propertyCaption, VISUALS as V } from './visuals.ts';

export interface DotOptions {
  /** Rows shown per state before the rest are summarised (default 30). */
  readonly maxFields?: number;
  /** Nested changes listed under one field before the rest are summarised (default 6). */
  readonly maxNested?: number;
}

export function renderTraceDot(trace: Trace, options: DotOptions = {}): string {
  const colors = actionColors(trace);
  const lasso = lassoOf(trace);
  const drawn = (i: number) => lasso === undefined || i <= lasso.lastDrawn;
  const lines = [
    'digraph trace {',
    `  graph [label=<${graphTitle(trace)}> labelloc=t fontname="${V.font}" fontsize=14 rankdir=TB nodesep=0.4 ranksep=0.4 pad=0.5];`,
    `  node [shape=plain fontname="${V.font}" fontsize=11 fontcolor="${V.ink}"];`,
    `  edge [fontname="${V.font}" fontsize=10 penwidth=1.6 arrowsize=0.8];`,
  ];
  trace.steps.forEach((step, i) => {
    if (drawn(i)) lines.push(`  s${i} [label=<${stateTable(trace, step, i, options)}>];`);
  });
  trace.steps.forEach((step, i) => {
    if (step.action && drawn(i)) lines.push(`  s${i - 1} -> s${i} [${stepEdge(step, colors.get(step.action.name)!, isViolating(trace, i))}];`);
  });
  if (lasso !== undefined) lines.push(...cycleLines(trace, lasso));
  if (colors.size > 0) lines.push(...legendLines(colors));
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function graphTitle(trace: Trace): string {
  return `<b>${html(trace.model)}</b><br/><font color="${V.violation}">${html(propertyCaption(trace))}</font><br/> `;
}

function isViolating(trace: Trace, index: number): boolean {
  return trace.property !== undefined && cycleStart(trace) === undefined && index === trace.steps.length - 1;
}

function stepEdge(step: TraceStep<unknown>, color: string, violating: boolean): string {
  const label = quoted(` ${truncate(step.action!.label, 48)} `);
  const width = violating ? ' penwidth=2.8' : '';
  return `label=${label} color="${color}" fontcolor="${color}"${width}`;
}

function cycleLines(trace: Trace, lasso: Lasso): string[] {
  const members = trace.steps.map((_, i) => `s${i}`).slice(lasso.start, lasso.lastDrawn + 1).join('; ');
  const title = lasso.close === 'stutter' ? '↺ stuttering: no further step is ever taken' : '↺ this cycle repeats forever';
  const closing = trace.steps.at(-1)!.action;
  const label = lasso.close === 'repeat' && closing ? `↺ ${truncate(closing.label, 44)}` : lasso.close === 'stutter' ? '↺ forever' : `↺ back to state ${lasso.start + 1}`;
  return [
    `  subgraph cluster_cycle { label=<<font color="${V.cycle}">${title}</font>> labeljust=r style="dashed,rounded" color="${V.cycle}" penwidth=1.5; ${members}; }`,
    `  s${lasso.lastDrawn} -> s${lasso.start} [label=${quoted(` ${label} `)} style=dashed color="${V.cycle}" fontcolor="${V.cycle}" penwidth=2.2 constraint=false];`,
  ];
}

function legendLines(colors: Map<string, string>): string[] {
  const rows = [...colors].map(([name, color]) =>
    `<tr><td><font color="${color}"><b>━━▶</b></font></td><td align="left">${html(name)}</td></tr>`);
  const table = `<table border="1" cellborder="0" cellspacing="0" cellpadding="2" color="${V.border}">` +
    `<tr><td colspan="2"><font color="${V.muted}">actions</font></td></tr>${rows.join('')}</table>`;
  return [`  legend [label=<${table}>];`, '  { rank=sink; legend; }'];
}

function stateTable(trace: Trace, step: TraceStep<unknown>, index: number, options: DotOptions): string {
  const violating = isViolating(trace, index);
  const border = violating ? `border="2" color="${V.violation}"` : `border="1" color="${V.border}"`;
  const rows = [headerRow(trace, step, index, violating), ...fieldRows(step, options)];
  return `<table ${border} cellborder="0" cellspacing="0" cellpadding="4" bgcolor="white">${rows.join('')}</table>`;
}

function headerRow(trace: Trace, step: TraceStep<unknown>, index: number, violating: boolean): string {
  const notes: string[] = [];
  let fill = '#eceff1';
  if (step.action === undefined) { notes.push('initial'); fill = V.initialFill; }
  if (violating) { notes.push(`✘ violates ${trace.property!}`); fill = V.violationFill; }
  if (cycleStart(trace) === index) notes.push(lassoOf(trace)?.close === 'stutter' ? '↺ stays here forever' : '↺ cycle starts');
  const note = notes.length > 0 ? ` · ${html(notes.join(' · '))}` : '';
  return `<tr><td colspan="2" align="left" bgcolor="${fill}"><b>State ${index + 1}</b>${note}</td></tr>`;
}

function fieldRows(step: TraceStep<unknown>, options: DotOptions): string[] {
  const fields = topLevelFields(step.state);
  const limit = options.maxFields ?? 30;
  const rows = fields.slice(0, limit).flatMap(([key, value]) => fieldRow(key, value, step.changes, options.maxNested ?? 6));
  if (fields.length > limit) rows.push(mutedRow(`… ${fields.length - limit} more fields`));
  if (step.action !== undefined && step.changes.length === 0) rows.push(mutedRow('(no change: the state repeats)'));
  return rows;
}

function fieldRow(key: string, value: unknown, changes: readonly Change[], maxNested: number): string[] {
  const mine = changes.filter((c) => c.path.length > 0 && String(c.path[0]) === key);
  const whole = mine.some((c) => c.path.length === 1) || (key === '(state)' && changes.length > 0);
  const entries = expandable(value);
  if (entries !== undefined) return expandedRows(key, entries, mine, whole);
  const growth = whole ? elementChanges(mine.find((c) => c.path.length === 1)!) : undefined;
  if (growth !== undefined) return growthRows(key, value, growth, maxNested);
  if (whole) return [row(key, formatValue(value, V.changedValueWidth), true)];
  const rows = [row(key, formatValue(value, V.valueWidth), false)];
  for (const change of mine.slice(0, maxNested)) {
    rows.push(row(`↳ ${formatChangePath(change.path)}`, formatValue(change.after, V.changedValueWidth), true));
  }
  if (mine.length > maxNested) rows.push(mutedRow(`↳ … ${mine.length - maxNested} more changes in ${key}`));
  return rows;
}

interface ElementChanges { readonly added: readonly unknown[]; readonly removed: readonly unknown[] }

/** For a set, or a list that only grew at its end: the elements added and removed, not the whole value. */
function elementChanges(change: Change): ElementChanges | undefined {
  const { before, after } = change;
  if (before instanceof Set && after instanceof Set) {
    const missingFrom = (a: Set<unknown>, b: Set<unknown>) => [...a].filter((x) => ![...b].some((y) => sameValue(x, y)));
    return { added: missingFrom(after, before), removed: missingFrom(before, after) };
  }
  if (Array.isArray(before) && Array.isArray(after) && after.length > before.length && before.every((x, i) => sameValue(x, after[i]))) {
    return { added: after.slice(before.length), removed: [] };
  }
  return undefined;
}

function growthRows(key: string, value: unknown, growth: ElementChanges, maxNested: number): string[] {
  const marked = [...growth.added.map((x) => ['+', x] as const), ...growth.removed.map((x) => ['−', x] as const)];
  const rows = [row(key, formatValue(value, V.valueWidth), false)];
  for (const [sign, element] of marked.slice(0, maxNested)) rows.push(row(`${sign} ${key}`, formatValue(element, V.changedValueWidth), true));
  if (marked.length > maxNested) rows.push(mutedRow(`… ${marked.length - maxNested} more elements changed in ${key}`));
  return rows;
}

/** Small records and maps too long for one line are shown one entry per row, so no entry is hidden. */
function expandable(value: unknown): [string | number, unknown][] | undefined {
  if (formatValue(value, Infinity).length <= V.valueWidth) return undefined;
  const entries: [string | number, unknown][] | undefined = value instanceof Map
    ? [...value].map(([k, v]) => [typeof k === 'string' || typeof k === 'number' ? k : formatValue(k, 30), v])
    : topLevelFields(value)[0]?.[0] !== '(state)' ? topLevelFields(value) : undefined;
  return entries !== undefined && entries.length > 0 && entries.length <= V.expandEntries ? entries : undefined;
}

function expandedRows(key: string, entries: [string | number, unknown][], changes: readonly Change[], whole: boolean): string[] {
  return entries.map(([sub, value]) => {
    const changed = whole || changes.some((c) => c.path.length > 1 && String(c.path[1]) === String(sub));
    return row(formatChangePath([key, sub]), formatValue(value, changed ? V.changedValueWidth : V.valueWidth), changed);
  });
}

function row(key: string, value: string, changed: boolean): string {
  const fill = changed ? ` bgcolor="${V.changedFill}"` : '';
  const text = changed ? `<b>${html(value)}</b>` : html(value);
  return `<tr><td align="left"${fill}>${mono(html(key))}</td><td align="left"${fill}>${mono(text)}</td></tr>`;
}

function mono(text: string): string {
  return `<font face="${V.valueFont}">${text}</font>`;
}

function mutedRow(text: string): string {
  return `<tr><td colspan="2" align="left"><font color="${V.muted}"><i>${html(text)}</i></font></td></tr>`;
}

/** The rows a state is shown as: its fields for a record, else the whole value. */
export function topLevelFields(state: unknown): [string, unknown][] {
  const isRecord = typeof state === 'object' && state !== null && !Array.isArray(state) && !(state instanceof Map) && !(state instanceof Set);
  return isRecord ? Object.entries(state) : [['(state)', state]];
}

/** Escapes text for a Graphviz HTML-like label. */
export function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function quoted(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
