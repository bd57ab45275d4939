/**
 * A message sequence chart of an actor trace, drawn directly as SVG: one lane per node, time
 * downwards, one row per step. Reads the trace only through `actorEvent` (the fixed contract of
 * `spec/actor/events.ts`); see VISUALS.md for what each mark means. Returns undefined for a
 * trace without actor events.
 */
import { formatValue } from '../checker/format-value.ts';
import { type ActorEvent, type ActorId, actorEvent } from '../spec/actor/events.ts';
import { messageLabel } from './actor-labels.ts';
import { esc } from './html.ts';
import type { MessageFormat, Trace } from './trace.ts';
import { lassoOf, propertyCaption, VISUALS as V } from './visuals.ts';

const LANE_GAP = 200;
const ROW = 36;
const LEFT = 70;
const TOP = 86;
const COLORS = { deliver: '#0072b2', drop: '#90a4ae', duplicate: '#e69f00', timeout: '#6d4c41', crash: V.violation, recover: '#2e7d32', band: '#eceff1' };

interface Row { readonly index: number; readonly label: string; readonly event: ActorEvent | undefined }

export function renderSequenceChart(trace: Trace): string | undefined {
  const rows: Row[] = trace.steps.slice(1).map((step, i) => ({
    index: i + 1, label: step.action?.label ?? '', event: step.action && actorEvent({ action: step.action.name, param: step.action.param }),
  }));
  if (!rows.some((r) => r.event)) return undefined;
  const lanes = lanesOf(rows);
  const x = (id: ActorId) => LEFT + 60 + lanes.indexOf(id) * LANE_GAP;
  const y = (row: number) => TOP + (row - 0.5) * ROW;
  const width = Math.max(LEFT + 120 + (lanes.length - 1) * LANE_GAP + 160, LEGEND_WIDTH);
  const height = TOP + rows.length * ROW + 56;
  const parts = [
    ...rowBackgrounds(trace, rows, width, y),
    ...partitionBands(rows, lanes, x, y),
    ...laneLines(rows, lanes, x, y, height),
    ...rows.flatMap((row) => eventMarks(row, x, y(row.index), lanes, trace.formatMessage)),
    ...lassoBracket(trace, y),
    ...header(trace, lanes, x),
    legend(height - 22),
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="Helvetica, Arial, sans-serif" font-size="12">\n${ARROWHEADS}\n${parts.join('\n')}\n</svg>\n`;
}

/** Actor ids in order of first appearance. */
function lanesOf(rows: readonly Row[]): ActorId[] {
  const lanes: ActorId[] = [];
  const add = (id: ActorId) => { if (!lanes.includes(id)) lanes.push(id); };
  for (const { event } of rows) {
    if (!event) continue;
    if ('from' in event) { add(event.from); add(event.to); } else if ('node' in event) add(event.node);
    else if (event.kind === 'Partition') event.groups.flat().forEach(add);
  }
  return lanes;
}

function header(trace: Trace, lanes: readonly ActorId[], x: (id: ActorId) => number): string[] {
  const title = `<text x="12" y="22" font-size="16" font-weight="bold" fill="${V.ink}">${esc(trace.model)}</text>` +
    `<text x="12" y="42" font-size="13" fill="${V.violation}">${esc(propertyCaption(trace))}</text>`;
  const boxes = lanes.map((id) => `<rect x="${x(id) - 50}" y="${TOP - 34}" width="100" height="24" rx="4" fill="${V.initialFill}" stroke="${V.border}"/>` +
    `<text x="${x(id)}" y="${TOP - 18}" text-anchor="middle" font-weight="bold" fill="${V.ink}">${esc(String(id))}</text>`);
  const column = `<text x="${LEFT - 12}" y="${TOP - 18}" text-anchor="end" font-size="10" fill="${V.muted}">state</text>`;
  return [title, column, ...boxes];
}

/** Step numbers, the violating row in red. */
function rowBackgrounds(trace: Trace, rows: readonly Row[], width: number, y: (r: number) => number): string[] {
  const violating = trace.property !== undefined && lassoOf(trace) === undefined ? rows.length : -1;
  return rows.map((row) => {
    const bad = row.index === violating;
    const fill = bad ? `<rect x="0" y="${y(row.index) - ROW / 2}" width="${width}" height="${ROW}" fill="${V.violationFill}"/>` : '';
    const mark = bad ? `✘ ${row.index + 1}` : String(row.index + 1);
    return `${fill}<text x="${LEFT - 12}" y="${y(row.index) + 4}" text-anchor="end" fill="${bad ? V.violation : V.muted}"${bad ? ' font-weight="bold"' : ''}>${mark}</text>`;
  });
}

/** Lanes: solid while the node is up, red dashed while it is crashed. */
function laneLines(rows: readonly Row[], lanes: readonly ActorId[], x: (id: ActorId) => number, y: (r: number) => number, height: number): string[] {
  const bottom = height - 44;
  return lanes.flatMap((id) => {
    const lines = [`<line x1="${x(id)}" y1="${TOP - 10}" x2="${x(id)}" y2="${bottom}" stroke="${V.border}" stroke-width="2"/>`];
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
function partitionBands(rows: readonly Row[], lanes: readonly ActorId[], x: (id: ActorId) => number, y: (r: number) => number): string[] {
  const bands: string[] = [];
  const left = x(lanes[0]!) - 70, right = x(lanes.at(-1)!) + 70;
  let since: number | undefined;
  for (const { event, index } of rows) {
    if (event?.kind === 'Partition') since = y(index);
    if (event?.kind === 'Heal' && since !== undefined) {
      bands.push(`<rect x="${left}" y="${since}" width="${right - left}" height="${y(index) - since}" fill="${COLORS.band}"/>`);
      since = undefined;
    }
  }
  if (since !== undefined) bands.push(`<rect x="${left}" y="${since}" width="${right - left}" height="${y(rows.length) + ROW / 2 - since}" fill="${COLORS.band}"/>`);
  return bands;
}

function eventMarks(row: Row, x: (id: ActorId) => number, y: number, lanes: readonly ActorId[], format?: MessageFormat): string[] {
  const e = row.event;
  if (e === undefined) return [`<text x="${x(lanes[0]!) - 40}" y="${y + 4}" fill="${V.ink}" font-style="italic">${esc(row.label)}</text>`];
  switch (e.kind) {
    case 'Deliver': return message(x(e.from), x(e.to), y, e.msg, COLORS.deliver, '', 'arrow', format);
    case 'Duplicate': return message(x(e.from), x(e.to), y, e.msg, COLORS.duplicate, '×2 ', 'double', format);
    case 'Drop': return message(x(e.from), x(e.to), y, e.msg, COLORS.drop, `dropped (to ${String(e.to)}) `, 'drop', format);
    case 'Timeout': return [onLane(x(e.node), y, `◷ ${e.timer}`, COLORS.timeout)];
    case 'Crash': return [onLane(x(e.node), y, '✕ crash', COLORS.crash)];
    case 'Recover': return [onLane(x(e.node), y, '↑ recover', COLORS.recover)];
    case 'Local': return [`<circle cx="${x(e.node)}" cy="${y}" r="5" fill="${V.ink}"/>`, onLane(x(e.node) + 12, y, e.label, V.ink, 'start')];
    case 'Partition': return [`<text x="${x(lanes[0]!) - 40}" y="${y + 4}" fill="${V.ink}" font-weight="bold">‖ partition ${esc(e.groups.map((g) => g.join(',')).join(' | '))}</text>`];
    case 'Heal': return [`<text x="${x(lanes[0]!) - 40}" y="${y + 4}" fill="${V.ink}" font-weight="bold">heal</text>`];
  }
}

type ArrowStyle = 'arrow' | 'double' | 'drop';

function message(x1: number, x2: number, y: number, msg: unknown, color: string, prefix: string, style: ArrowStyle, format?: MessageFormat): string[] {
  if (x1 === x2) return selfMessage(x1, y, msg, color, prefix, format);
  const end = style === 'drop' ? x1 + (x2 - x1) * 0.6 : x2 - Math.sign(x2 - x1) * 3;
  const dash = style === 'drop' ? ' stroke-dasharray="5 4"' : '';
  const head = style === 'drop' ? '' : ` marker-end="url(#head-${style === 'double' ? 'dup' : 'msg'})"`;
  const width = style === 'double' ? 4 : 1.8;
  const line = `<line x1="${x1}" y1="${y}" x2="${end}" y2="${y}" stroke="${color}" stroke-width="${width}"${dash}${head}/>`;
  const inner = style === 'double' ? `<line x1="${x1}" y1="${y}" x2="${end - Math.sign(x2 - x1) * 8}" y2="${y}" stroke="white" stroke-width="1.2"/>` : '';
  const cross = style === 'drop' ? `<text x="${end}" y="${y + 5}" text-anchor="middle" font-size="15" font-weight="bold" fill="${COLORS.crash}">✕</text>` : '';
  const chars = Math.max(8, Math.floor(Math.abs(x2 - x1) / 7));
  const label = `<text x="${(x1 + x2) / 2}" y="${y - 5}" text-anchor="middle" font-family="Menlo, Consolas, monospace" font-size="11" fill="${color}">${esc(prefix + messageLabel(msg, chars, format))}</text>`;
  return [`<g><title>${esc(formatValue(msg, 1000))}</title>${line}${inner}${cross}${label}</g>`];
}

function selfMessage(x: number, y: number, msg: unknown, color: string, prefix: string, format?: MessageFormat): string[] {
  return [`<path d="M ${x} ${y - 8} h 26 v 16 h -23" fill="none" stroke="${color}" stroke-width="1.8" marker-end="url(#head-msg)"/>`,
    `<text x="${x + 32}" y="${y + 4}" font-family="Menlo, Consolas, monospace" font-size="11" fill="${color}">${esc(prefix + messageLabel(msg, 24, format))}</text>`];
}

function onLane(x: number, y: number, text: string, color: string, anchor: 'middle' | 'start' = 'middle'): string {
  const w = text.length * 7 + 12;
  const left = anchor === 'middle' ? x - w / 2 : x - 4;
  return `<rect x="${left}" y="${y - 10}" width="${w}" height="20" rx="9" fill="white" stroke="${color}"/>` +
    `<text x="${left + w / 2}" y="${y + 4}" text-anchor="middle" fill="${color}" font-weight="bold">${esc(text)}</text>`;
}

function lassoBracket(trace: Trace, y: (r: number) => number): string[] {
  const lasso = lassoOf(trace);
  if (lasso === undefined) return [];
  // Row r shows the step into state r + 1; the cycle is the steps after its first state.
  const top = y(Math.max(lasso.start + 1, 1)) - ROW / 2 + 2, bottom = y(trace.steps.length - 1) + ROW / 2 - 2;
  return [`<path d="M 32 ${top} h -10 V ${bottom} h 10" fill="none" stroke="${V.cycle}" stroke-width="2.5" stroke-dasharray="5 3"/>`,
    `<text x="2" y="${(top + bottom) / 2 + 5}" font-size="15" fill="${V.cycle}">↺</text>`];
}

const LEGEND: readonly (readonly [string, string])[] = [['→ delivered', COLORS.deliver], ['⇢✕ dropped', COLORS.drop],
  ['⇉ ×2 duplicated', COLORS.duplicate], ['◷ timeout', COLORS.timeout], ['✕ crash (lane red while down)', COLORS.crash],
  ['↑ recover', COLORS.recover], ['grey band: partitioned', V.muted]];
const legendStep = (text: string) => text.length * 6.5 + 18;
/** The legend's width, so that a chart with few lanes is still wide enough to show all of it. */
const LEGEND_WIDTH = Math.ceil(12 + LEGEND.reduce((w, [text]) => w + legendStep(text), 0));

function legend(y: number): string {
  let x = 12;
  return LEGEND.map(([text, color]) => {
    const item = `<text x="${x}" y="${y}" fill="${color}" font-size="11">${esc(text)}</text>`;
    x += legendStep(text);
    return item;
  }).join('');
}

const ARROWHEADS = `<defs>
<marker id="head-msg" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="8" refX="9" refY="4" orient="auto"><path d="M0,0 L10,4 L0,8 z" fill="${COLORS.deliver}"/></marker>
<marker id="head-dup" markerUnits="userSpaceOnUse" markerWidth="12" markerHeight="10" refX="11" refY="5" orient="auto"><path d="M0,0 L12,5 L0,10 z" fill="${COLORS.duplicate}"/></marker>
</defs>`;
