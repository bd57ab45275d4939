/**
 * A trace as a Graphviz DOT graph in the fixed visual vocabulary of VISUALS.md: one node per
 * state (changed fields and nested paths highlighted, long values collapsed), edges coloured per
 * action with a legend, the initial state filled, the violating state in red, and for a lasso the
 * cycle boxed with its loop-back edge dashed. Golden files pin the output.
 */
import { stepLabel } from './actor-labels.ts';
import { type Row, type RowOptions, stateRows } from './state-rows.ts';
import type { Trace, TraceStep } from './trace.ts';
import { actionColors, cycleStart, type Lasso, lassoOf, propertyCaption, VISUALS as V } from './visuals.ts';

export type DotOptions = Omit<RowOptions, 'full'>;

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
    if (step.action && drawn(i)) lines.push(`  s${i - 1} -> s${i} [${stepEdge(trace, step, colors.get(step.action.name)!, isViolating(trace, i))}];`);
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

function stepEdge(trace: Trace, step: TraceStep<unknown>, color: string, violating: boolean): string {
  const label = quoted(` ${truncate(stepLabel(step.action!, 60, trace.formatMessage), 48)} `);
  const width = violating ? ' penwidth=2.8' : '';
  return `label=${label} color="${color}" fontcolor="${color}"${width}`;
}

function cycleLines(trace: Trace, lasso: Lasso): string[] {
  const members = trace.steps.map((_, i) => `s${i}`).slice(lasso.start, lasso.lastDrawn + 1).join('; ');
  const title = lasso.close === 'stutter' ? '↺ stuttering: no further step is ever taken' : '↺ this cycle repeats forever';
  const closing = trace.steps.at(-1)!.action;
  const label = lasso.close === 'repeat' && closing ? `↺ ${truncate(stepLabel(closing, 60, trace.formatMessage), 44)}` : lasso.close === 'stutter' ? '↺ forever' : `↺ back to state ${lasso.start + 1}`;
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
  const full = step.action === undefined || violating;
  const rows = [headerRow(trace, step, index, violating), ...stateRows(step, { ...options, full }).map(rowHtml)];
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

function rowHtml(r: Row): string {
  return r.kind === 'note' ? mutedRow(r.text) : row(r.key, r.value, r.changed);
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
