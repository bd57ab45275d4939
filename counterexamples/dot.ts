/**
 * A trace as a Graphviz DOT graph in the fixed visual vocabulary of VISUALS.md: one node per
 * state (changed fields and nested paths highlighted, long values collapsed), edges coloured per
 * action with a legend, the initial state filled, the violating state in red, and for a lasso the
 * cycle boxed with its loop-back edge dashed. Golden files pin the output.
 */
import { stepLabel } from './actor-labels.ts';
import { actorRows } from './actor-rows.ts';
import { isActorTrace } from './actor-state.ts';
import { gapSummary, type OutlineItem, outline } from './outline.ts';
import { type Row, type RowOptions, stateRows } from './state-rows.ts';
import type { Trace, TraceStep } from './trace.ts';
import { actionColors, cycleStart, type Lasso, lassoOf, propertyCaption, VISUALS as V } from './visuals.ts';

export interface DotOptions extends Omit<RowOptions, 'full' | 'read'> {
  /** The graph's own title (default on); the HTML report, which has its own, turns it off. */
  readonly title?: boolean;
}

export function renderTraceDot(trace: Trace, options: DotOptions = {}): string {
  const colors = actionColors(trace);
  const lasso = lassoOf(trace);
  const items = outline(trace, lasso?.lastDrawn);
  const title = options.title === false ? '' : `label=<${graphTitle(trace)}> labelloc=t `;
  const lines = [
    'digraph trace {',
    `  graph [${title}fontname="${V.font}" fontsize=14 rankdir=TB nodesep=0.4 ranksep=0.4 pad=0.5];`,
    `  node [shape=plain fontname="${V.font}" fontsize=11 fontcolor="${V.ink}"];`,
    `  edge [fontname="${V.font}" fontsize=10 penwidth=1.6 arrowsize=0.8];`,
  ];
  for (const item of items) {
    lines.push(
      item.kind === 'state'
        ? `  s${item.index} [label=<${stateTable(trace, trace.steps[item.index]!, item.index, options)}>];`
        : gapNode(item),
    );
  }
  items.forEach((item, k) => {
    const before = items[k - 1];
    if (before === undefined) return;
    if (item.kind === 'gap')
      lines.push(
        `  ${nodeId(before)} -> ${nodeId(item)} [label=" ${(item.to - item.from + 1).toLocaleString('en-US')} steps " style=dashed color="${V.muted}" fontcolor="${V.muted}"];`,
      );
    else
      lines.push(
        `  ${nodeId(before)} -> s${item.index} [${stepEdge(trace, trace.steps[item.index]!, colors.get(trace.steps[item.index]!.action!.name)!, isViolating(trace, item.index))}];`,
      );
  });
  if (lasso !== undefined) lines.push(...cycleLines(trace, lasso, items));
  if (colors.size > 0) lines.push(...legendLines(colors, trace));
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

const nodeId = (item: OutlineItem) => (item.kind === 'state' ? `s${item.index}` : `g${item.from}`);

function gapNode(item: Extract<OutlineItem, { kind: 'gap' }>): string {
  const range = `⋮ states ${(item.from + 1).toLocaleString('en-US')}–${(item.to + 1).toLocaleString('en-US')} not drawn`;
  const table =
    `<table border="1" style="dashed" cellborder="0" cellspacing="0" cellpadding="4" color="${V.muted}" bgcolor="white">` +
    `<tr><td align="left"><b>${html(range)}</b></td></tr><tr><td align="left">${mono(html(gapSummary(item.actions)))}</td></tr></table>`;
  return `  g${item.from} [label=<${table}>];`;
}

function graphTitle(trace: Trace): string {
  const said = trace.why?.description ?? trace.why?.source;
  const what =
    said === undefined ? '' : `<br/><font color="${V.ink}">${html(truncate(`${trace.property}: ${said}`, 110))}</font>`;
  return `<b>${html(trace.model)}</b><br/><font color="${V.violation}">${html(propertyCaption(trace))}</font>${what}<br/> `;
}

function isViolating(trace: Trace, index: number): boolean {
  return trace.property !== undefined && cycleStart(trace) === undefined && index === trace.steps.length - 1;
}

function stepEdge(trace: Trace, step: TraceStep<unknown>, color: string, violating: boolean): string {
  const label = quoted(` ${truncate(stepLabel(step.action!, 60, trace.formatMessage), 56)} `);
  const width = violating ? ' penwidth=2.8' : '';
  return `label=${label} color="${color}" fontcolor="${color}"${width}`;
}

function cycleLines(trace: Trace, lasso: Lasso, items: readonly OutlineItem[]): string[] {
  const members = items
    .filter((it) => (it.kind === 'state' ? it.index : it.from) >= lasso.start)
    .map(nodeId)
    .join('; ');
  const title =
    lasso.close === 'stutter' ? '↺ stuttering: no further step is ever taken' : '↺ this cycle repeats forever';
  const closing = trace.steps.at(-1)!.action;
  const label =
    lasso.close === 'repeat' && closing
      ? `↺ ${truncate(stepLabel(closing, 60, trace.formatMessage), 44)}`
      : lasso.close === 'stutter'
        ? '↺ forever'
        : `↺ back to state ${lasso.start + 1}`;
  return [
    `  subgraph cluster_cycle { label=<<font color="${V.cycle}">${title}</font>> labeljust=r style="dashed,rounded" color="${V.cycle}" penwidth=1.5; ${members}; }`,
    `  s${lasso.lastDrawn} -> s${lasso.start} [label=${quoted(` ${label} `)} style=dashed color="${V.cycle}" fontcolor="${V.cycle}" penwidth=2.2 constraint=false];`,
  ];
}

function legendLines(colors: Map<string, string>, trace: Trace): string[] {
  const rows = [...colors].map(
    ([name, color]) => `<tr><td><font color="${color}"><b>━━▶</b></font></td><td align="left">${html(name)}</td></tr>`,
  );
  rows.push(`<tr><td bgcolor="${V.changedFill}"> </td><td align="left">changed by the step</td></tr>`);
  if ((trace.why?.read.length ?? 0) > 0)
    rows.push(
      `<tr><td bgcolor="${V.readFill}">${V.readMark}</td><td align="left">read by ${html(trace.property!)}</td></tr>`,
    );
  const table =
    `<table border="1" cellborder="0" cellspacing="0" cellpadding="2" color="${V.border}">` +
    `<tr><td colspan="2"><font color="${V.muted}">actions</font></td></tr>${rows.join('')}</table>`;
  return [`  legend [label=<${table}>];`, '  { rank=sink; legend; }'];
}

function stateTable(trace: Trace, step: TraceStep<unknown>, index: number, options: DotOptions): string {
  const violating = isViolating(trace, index);
  const border = violating ? `border="2" color="${V.violation}"` : `border="1" color="${V.border}"`;
  const full = step.action === undefined || violating;
  const read =
    trace.why?.step === index ? trace.why.read : trace.why?.step === index + 1 ? trace.why.readBefore : undefined;
  const rowOptions = { ...options, full, ...(read ? { read } : {}) };
  const rows = isActorTrace(trace) ? actorRows(trace, index, rowOptions) : stateRows(step, rowOptions);
  const lines = [
    headerRow(trace, step, index, violating),
    ...milestoneRows(step),
    ...(violating ? whyRows(trace) : []),
    ...rows.map(rowHtml),
  ];
  return `<table ${border} cellborder="0" cellspacing="0" cellpadding="4" bgcolor="white">${lines.join('')}</table>`;
}

function milestoneRows(step: TraceStep<unknown>): string[] {
  return (step.milestones ?? []).map(
    (m) => `<tr><td colspan="2" align="left"><font color="${V.milestone}"><b>★ ${html(m)}</b></font></td></tr>`,
  );
}

/** In the violating state: what the property says, and the model's account of the failure. */
function whyRows(trace: Trace): string[] {
  const why = trace.why;
  if (why === undefined) return [];
  const said = why.description ?? why.source;
  const lines = [
    said === undefined ? `✘ ${why.property}` : `✘ ${why.property}: ${said}`,
    ...(why.explanation?.split('\n') ?? []),
  ];
  return lines.map(
    (l, i) =>
      `<tr><td colspan="2" align="left" bgcolor="${V.violationFill}"><font color="${V.violation}">${i === 0 ? '<b>' : ''}${html(truncate(l, 100))}${i === 0 ? '</b>' : ''}</font></td></tr>`,
  );
}

function headerRow(trace: Trace, step: TraceStep<unknown>, index: number, violating: boolean): string {
  const notes: string[] = [];
  let fill = '#eceff1';
  if (step.action === undefined) {
    notes.push('initial');
    fill = V.initialFill;
  }
  if (violating) {
    notes.push(`✘ violates ${trace.property!}`);
    fill = V.violationFill;
  }
  if (cycleStart(trace) === index)
    notes.push(lassoOf(trace)?.close === 'stutter' ? '↺ stays here forever' : '↺ cycle starts');
  const note = notes.length > 0 ? ` · ${html(notes.join(' · '))}` : '';
  return `<tr><td colspan="2" align="left" bgcolor="${fill}"><b>State ${index + 1}</b>${note}</td></tr>`;
}

function rowHtml(r: Row): string {
  return r.kind === 'note' ? mutedRow(r.text) : row(r.key, r.value, r.changed, r.read === true);
}

/** A field: yellow when the step changed it, orange with `◆` when the failing predicate read it. */
function row(key: string, value: string, changed: boolean, read: boolean): string {
  const fill = read ? ` bgcolor="${V.readFill}"` : changed ? ` bgcolor="${V.changedFill}"` : '';
  const text = changed ? `<b>${html(value)}</b>` : html(value);
  const name = read ? `${V.readMark} ${key}` : key;
  if (value === '')
    return `<tr><td colspan="2" align="left"${read ? fill : ''}>${mono(`<b>${html(name)}</b>`)}</td></tr>`;
  return `<tr><td align="left"${fill}>${mono(html(name))}</td><td align="left"${fill}>${mono(text)}</td></tr>`;
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
