/**
 * A message sequence chart of an actor trace, drawn directly as SVG: one lane per node, time
 * downwards, one row per step. Reads the trace only through `actorEvent` (the fixed contract of
 * `spec/actor/events.ts`); see VISUALS.md for what each mark means. Returns undefined for a
 * trace without actor events.
 */
import { formatValue } from '../checker/format-value.ts';
import { type ActorEvent, type ActorId, actorEvent } from '../spec/actor/events.ts';
import { messageLabel } from './actor-labels.ts';
import { isActorTrace } from './actor-state.ts';
import { type ChartNote, chartNote } from './chart-notes.ts';
import { fitText, FONTS, textWidth } from './fonts.ts';
import { orderLanes } from './lane-order.ts';
import { esc } from './html.ts';
import type { MessageFormat, Trace } from './trace.ts';
import { lassoOf, propertyCaption, VISUALS as V } from './visuals.ts';

const LANE_GAP = 210;
const ROW = 46;
const LEFT = 70;
/** Room for the lane names, and above them for the title. */
const TOP_LANES = 44;
const TITLE = 60;
/** Text sizes: legible at 100% (messages 13 px, notes 12 px). */
const SIZE = { text: 13, message: 13, note: 12, title: 17 } as const;
/** Room right of the last lane for milestones. */
const FACTS = 330;
const COLORS = {
  deliver: '#0072b2',
  drop: '#90a4ae',
  duplicate: '#e69f00',
  timeout: '#6d4c41',
  crash: V.violation,
  recover: '#2e7d32',
  band: '#eceff1',
};

interface Row {
  readonly index: number;
  readonly label: string;
  readonly event: ActorEvent | undefined;
  readonly note: ChartNote;
}

export interface ChartOptions {
  /** The chart's own title, verdict and property line (default on); the HTML report has its own. */
  readonly title?: boolean;
}

export function renderSequenceChart(trace: Trace, options: ChartOptions = {}): string | undefined {
  const actor = isActorTrace(trace);
  const rows: Row[] = trace.steps.slice(1).map((step, i) => ({
    index: i + 1,
    label: step.action?.label ?? '',
    event: step.action && actorEvent({ action: step.action.name, param: step.action.param }),
    note: actor ? chartNote(trace, i + 1) : { node: undefined, change: '', inFlight: [], milestones: [], lost: false },
  }));
  if (!rows.some((r) => r.event)) return undefined;
  const top = options.title === false ? TOP_LANES : TOP_LANES + TITLE;
  const lanes = orderLanes(
    lanesOf(rows),
    rows.flatMap(({ event }) => (event && 'from' in event ? [event] : [])),
    trace.lanes,
  );
  const x = (id: ActorId) => LEFT + 60 + lanes.indexOf(id) * LANE_GAP;
  const y = (row: number) => top + (row - 0.5) * ROW;
  const right = x(lanes.at(-1)!) + 90;
  const width = Math.ceil(Math.max(right + FACTS, LEGEND_WIDTH));
  const why = options.title === false ? [] : whyLines(trace);
  const height = top + rows.length * ROW + 24 + why.length * 20 + 40;
  const parts = [
    ...rowBackgrounds(trace, rows, width, y),
    ...partitionBands(rows, lanes, x, y),
    ...laneLines(rows, lanes, x, y, top, top + rows.length * ROW + 4),
    ...rows.flatMap((row) => eventMarks(row, x, y(row.index), lanes, trace.formatMessage)),
    ...rows.flatMap((row) => noteMarks(row, x, y(row.index), right, width)),
    ...lassoBracket(trace, y),
    ...header(trace, lanes, x, top, options.title !== false),
    ...why.map(
      (line, i) =>
        `<text x="12" y="${top + rows.length * ROW + 36 + i * 20}" fill="${V.violation}"${i === 0 ? ' font-weight="bold"' : ''}>${esc(line)}</text>`,
    ),
    legend(height - 14),
  ];
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="${FONTS.sansStack}" font-size="${SIZE.text}">\n${ARROWHEADS}\n${parts.join('\n')}\n</svg>\n`
  );
}

/** Under the chart: the property and the model's account of why the last state breaks it. */
function whyLines(trace: Trace): string[] {
  const why = trace.why;
  if (why === undefined) return [];
  const said = why.description ?? why.source;
  return [said === undefined ? why.property : `${why.property}: ${said}`, ...(why.explanation?.split('\n') ?? [])];
}

/** Beside each event: what it changed at its node (grey), messages left in flight, milestones (green, right). */
function noteMarks(row: Row, x: (id: ActorId) => number, y: number, right: number, width: number): string[] {
  const { node, change, inFlight, milestones, lost } = row.note;
  const marks: string[] = [];
  const text = [change, ...inFlight.map((m) => `sends ${m}`)].filter((t) => t !== '').join(' · ');
  if (node !== undefined && text !== '') {
    const w = textWidth(text, SIZE.note);
    const start = x(node) + 8 + w > width - 8 ? x(node) - 8 - w : x(node) + 8;
    marks.push(
      `<text x="${start.toFixed(1)}" y="${y + 18}" font-size="${SIZE.note}" fill="${lost ? V.violation : V.ink}"${lost ? ' font-weight="bold"' : ''} stroke="white" stroke-width="3" paint-order="stroke">${esc(text)}</text>`,
    );
  }
  milestones.forEach((m, i) =>
    marks.push(
      `<text x="${right}" y="${y + 5 + i * 16}" font-weight="bold" fill="${V.milestone}">${esc(fitText(`★ ${m}`, width - right - 8, SIZE.text, 'bold'))}</text>`,
    ),
  );
  return marks;
}

/** Actor ids in order of first appearance. */
function lanesOf(rows: readonly Row[]): ActorId[] {
  const lanes: ActorId[] = [];
  const add = (id: ActorId) => {
    if (!lanes.includes(id)) lanes.push(id);
  };
  for (const { event } of rows) {
    if (!event) continue;
    if ('from' in event) {
      add(event.from);
      add(event.to);
    } else if ('node' in event) add(event.node);
    else if (event.kind === 'Partition') event.groups.flat().forEach(add);
  }
  return lanes;
}

function header(
  trace: Trace,
  lanes: readonly ActorId[],
  x: (id: ActorId) => number,
  top: number,
  titled: boolean,
): string[] {
  const said = trace.why?.description ?? trace.why?.source;
  const title =
    `<text x="12" y="24" font-size="${SIZE.title}" font-weight="bold" fill="${V.ink}">${esc(trace.model)}</text>` +
    `<text x="12" y="45" fill="${V.violation}">${esc(propertyCaption(trace))}</text>` +
    (said === undefined ? '' : `<text x="12" y="64" fill="${V.ink}">${esc(`${trace.property}: ${said}`)}</text>`);
  const boxes = lanes.map(
    (id) =>
      `<rect x="${x(id) - 50}" y="${top - 34}" width="100" height="26" rx="4" fill="${V.initialFill}" stroke="${V.border}"/>` +
      `<text x="${x(id)}" y="${top - 16}" text-anchor="middle" font-weight="bold" fill="${V.ink}">${esc(String(id))}</text>`,
  );
  const column = `<text x="${LEFT - 12}" y="${top - 16}" text-anchor="end" font-size="${SIZE.note}" fill="${V.muted}">state</text>`;
  return [...(titled ? [title] : []), column, ...boxes];
}

/** Step numbers, the violating row in red. */
function rowBackgrounds(trace: Trace, rows: readonly Row[], width: number, y: (r: number) => number): string[] {
  const violating = trace.property !== undefined && lassoOf(trace) === undefined ? rows.length : -1;
  return rows.map((row) => {
    const bad = row.index === violating;
    const fill = bad
      ? `<rect x="0" y="${y(row.index) - ROW / 2}" width="${width}" height="${ROW}" fill="${V.violationFill}"/>`
      : '';
    const mark = bad ? `✘ ${row.index + 1}` : String(row.index + 1);
    return `${fill}<text x="${LEFT - 12}" y="${y(row.index) + 4}" text-anchor="end" fill="${bad ? V.violation : V.muted}"${bad ? ' font-weight="bold"' : ''}>${mark}</text>`;
  });
}

/** Lanes: solid while the node is up, red dashed while it is crashed. */
function laneLines(
  rows: readonly Row[],
  lanes: readonly ActorId[],
  x: (id: ActorId) => number,
  y: (r: number) => number,
  top: number,
  bottom: number,
): string[] {
  return lanes.flatMap((id) => {
    const lines = [
      `<line x1="${x(id)}" y1="${top - 10}" x2="${x(id)}" y2="${bottom}" stroke="${V.border}" stroke-width="2"/>`,
    ];
    let downSince: number | undefined;
    for (const { event, index } of rows) {
      if (event?.kind === 'Crash' && event.node === id) downSince = y(index);
      if (event?.kind === 'Recover' && event.node === id && downSince !== undefined) {
        lines.push(downLine(x(id), downSince, y(index)));
        downSince = undefined;
      }
    }
    if (downSince !== undefined) lines.push(downLine(x(id), downSince, bottom));
    return lines;
  });
}

function downLine(x: number, from: number, to: number): string {
  return `<line x1="${x}" y1="${from}" x2="${x}" y2="${to}" stroke="${COLORS.crash}" stroke-width="3" stroke-dasharray="6 4"/>`;
}

/** Grey bands while the network is partitioned. */
function partitionBands(
  rows: readonly Row[],
  lanes: readonly ActorId[],
  x: (id: ActorId) => number,
  y: (r: number) => number,
): string[] {
  const bands: string[] = [];
  const left = x(lanes[0]!) - 70,
    right = x(lanes.at(-1)!) + 70;
  let since: number | undefined;
  for (const { event, index } of rows) {
    if (event?.kind === 'Partition') since = y(index);
    if (event?.kind === 'Heal' && since !== undefined) {
      bands.push(
        `<rect x="${left}" y="${since}" width="${right - left}" height="${y(index) - since}" fill="${COLORS.band}"/>`,
      );
      since = undefined;
    }
  }
  if (since !== undefined)
    bands.push(
      `<rect x="${left}" y="${since}" width="${right - left}" height="${y(rows.length) + ROW / 2 - since}" fill="${COLORS.band}"/>`,
    );
  return bands;
}

function eventMarks(
  row: Row,
  x: (id: ActorId) => number,
  y: number,
  lanes: readonly ActorId[],
  format?: MessageFormat,
): string[] {
  const e = row.event;
  if (e === undefined)
    return [`<text x="${x(lanes[0]!) - 40}" y="${y + 4}" fill="${V.ink}" font-style="italic">${esc(row.label)}</text>`];
  switch (e.kind) {
    case 'Deliver':
      return message(x(e.from), x(e.to), y, e.msg, COLORS.deliver, '', 'arrow', format);
    case 'Duplicate':
      return message(x(e.from), x(e.to), y, e.msg, COLORS.duplicate, '×2 ', 'double', format);
    case 'Drop':
      return message(x(e.from), x(e.to), y, e.msg, COLORS.drop, `dropped (to ${String(e.to)}) `, 'drop', format);
    case 'Timeout':
      return [onLane(x(e.node), y, `◷ ${e.timer}`, COLORS.timeout)];
    case 'Crash':
      return [onLane(x(e.node), y, '✕ crash', COLORS.crash)];
    case 'Recover':
      return [onLane(x(e.node), y, '↑ recover', COLORS.recover)];
    case 'Local':
      return [
        `<circle cx="${x(e.node)}" cy="${y}" r="5" fill="${V.ink}"/>`,
        onLane(x(e.node) + 12, y, e.label, V.ink, 'start'),
      ];
    case 'Partition':
      return [
        `<text x="${x(lanes[0]!) - 40}" y="${y + 4}" fill="${V.ink}" font-weight="bold">‖ partition ${esc(e.groups.map((g) => g.join(',')).join(' | '))}</text>`,
      ];
    case 'Heal':
      return [`<text x="${x(lanes[0]!) - 40}" y="${y + 4}" fill="${V.ink}" font-weight="bold">heal</text>`];
  }
}

type ArrowStyle = 'arrow' | 'double' | 'drop';

function message(
  x1: number,
  x2: number,
  y: number,
  msg: unknown,
  color: string,
  prefix: string,
  style: ArrowStyle,
  format?: MessageFormat,
): string[] {
  if (x1 === x2) return selfMessage(x1, y, msg, color, prefix, format);
  const end = style === 'drop' ? x1 + (x2 - x1) * 0.6 : x2 - Math.sign(x2 - x1) * 3;
  const dash = style === 'drop' ? ' stroke-dasharray="5 4"' : '';
  const head = style === 'drop' ? '' : ` marker-end="url(#head-${style === 'double' ? 'dup' : 'msg'})"`;
  const width = style === 'double' ? 4 : 1.8;
  const line = `<line x1="${x1}" y1="${y}" x2="${end}" y2="${y}" stroke="${color}" stroke-width="${width}"${dash}${head}/>`;
  const inner =
    style === 'double'
      ? `<line x1="${x1}" y1="${y}" x2="${end - Math.sign(x2 - x1) * 8}" y2="${y}" stroke="white" stroke-width="1.2"/>`
      : '';
  const cross =
    style === 'drop'
      ? `<text x="${end}" y="${y + 5}" text-anchor="middle" font-size="15" font-weight="bold" fill="${COLORS.crash}">✕</text>`
      : '';
  const text = fitText(
    prefix + messageLabel(msg, 200, format),
    Math.max(60, Math.abs(x2 - x1) - 12),
    SIZE.message,
    'mono',
  );
  const label = `<text x="${(x1 + x2) / 2}" y="${y - 6}" text-anchor="middle" font-family="${FONTS.monoStack}" font-size="${SIZE.message}" fill="${color}">${esc(text)}</text>`;
  return [`<g><title>${esc(formatValue(msg, 1000))}</title>${line}${inner}${cross}${label}</g>`];
}

function selfMessage(
  x: number,
  y: number,
  msg: unknown,
  color: string,
  prefix: string,
  format?: MessageFormat,
): string[] {
  return [
    `<path d="M ${x} ${y - 8} h 26 v 16 h -23" fill="none" stroke="${color}" stroke-width="1.8" marker-end="url(#head-msg)"/>`,
    `<text x="${x + 32}" y="${y + 4}" font-family="${FONTS.monoStack}" font-size="${SIZE.message}" fill="${color}">${esc(prefix + messageLabel(msg, 24, format))}</text>`,
  ];
}

function onLane(x: number, y: number, text: string, color: string, anchor: 'middle' | 'start' = 'middle'): string {
  const w = Math.ceil(textWidth(text, SIZE.text, 'bold')) + 14;
  const left = anchor === 'middle' ? x - w / 2 : x - 4;
  return (
    `<rect x="${left}" y="${y - 10}" width="${w}" height="20" rx="9" fill="white" stroke="${color}"/>` +
    `<text x="${left + w / 2}" y="${y + 4}" text-anchor="middle" fill="${color}" font-weight="bold">${esc(text)}</text>`
  );
}

function lassoBracket(trace: Trace, y: (r: number) => number): string[] {
  const lasso = lassoOf(trace);
  if (lasso === undefined) return [];
  // Row r shows the step into state r + 1; the cycle is the steps after its first state.
  const top = y(Math.max(lasso.start + 1, 1)) - ROW / 2 + 2,
    bottom = y(trace.steps.length - 1) + ROW / 2 - 2;
  return [
    `<path d="M 32 ${top} h -10 V ${bottom} h 10" fill="none" stroke="${V.cycle}" stroke-width="2.5" stroke-dasharray="5 3"/>`,
    `<text x="2" y="${(top + bottom) / 2 + 5}" font-size="15" fill="${V.cycle}">↺</text>`,
  ];
}

const LEGEND: readonly (readonly [string, string])[] = [
  ['→ delivered', COLORS.deliver],
  ['⇢✕ dropped', COLORS.drop],
  ['⇉ ×2 duplicated', COLORS.duplicate],
  ['◷ timeout', COLORS.timeout],
  ['✕ crash (lane red while down)', COLORS.crash],
  ['↑ recover', COLORS.recover],
  ['grey band: partitioned', V.muted],
  ['★ milestone', V.milestone],
  ['text by a lane: what the step changed there', V.ink],
];
const legendStep = (text: string) => textWidth(text, SIZE.note) + 18;
/** The legend's width, so that a chart with few lanes is still wide enough to show all of it. */
const LEGEND_WIDTH = Math.ceil(12 + LEGEND.reduce((w, [text]) => w + legendStep(text), 0));

function legend(y: number): string {
  let x = 12;
  return LEGEND.map(([text, color]) => {
    const item = `<text x="${x.toFixed(1)}" y="${y}" fill="${color}" font-size="${SIZE.note}">${esc(text)}</text>`;
    x += legendStep(text);
    return item;
  }).join('');
}

const ARROWHEADS = `<defs>
<marker id="head-msg" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="8" refX="9" refY="4" orient="auto"><path d="M0,0 L10,4 L0,8 z" fill="${COLORS.deliver}"/></marker>
<marker id="head-dup" markerUnits="userSpaceOnUse" markerWidth="12" markerHeight="10" refX="11" refY="5" orient="auto"><path d="M0,0 L12,5 L0,10 z" fill="${COLORS.duplicate}"/></marker>
</defs>`;
