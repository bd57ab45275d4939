/**
 * The sweep as an SVG picture: four panels — distinct states, generated states, time, peak
 * memory — against the swept value, a line per variant (colours as in traces), and under the
 * distinct-states panel the growth factor from each value to the next, a row per variant.
 * Plain SVG, no layout engine.
 */
import { ACTION_PALETTE } from '../../counterexamples/visuals.ts';
import { linearScale, logScale, type Scale, shortNumber } from './scales.ts';
import type { Sweep, SweepPoint } from './sweep.ts';

const PANEL = { width: 440, height: 250 };
const MARGIN = { left: 70, top: 96, gapX: 70, right: 30 };
const WIDTH = MARGIN.left + 2 * PANEL.width + MARGIN.gapX + MARGIN.right;
/** Below a panel: tick labels, the axis title, and a growth row per variant. */
const BELOW = 56;
const GROWTH_ROW = 15;
const INK = '#222222';
const MUTED = '#777777';
const GRID = '#e4e4e4';

interface Panel {
  readonly title: string;
  readonly value: (p: SweepPoint) => number | null;
  readonly scale: 'log' | 'linear';
  readonly label: (v: number) => string;
  readonly growth?: boolean;
}

const PANELS: readonly Panel[] = [
  { title: 'distinct states', value: (p) => p.distinct, scale: 'log', label: shortNumber, growth: true },
  { title: 'generated states', value: (p) => p.generated, scale: 'log', label: shortNumber },
  { title: 'time (seconds)', value: (p) => p.elapsedMs / 1000, scale: 'log', label: (v) => shortNumber(v) },
  {
    title: 'peak memory (MB, whole process)',
    value: (p) => (p.peakRssBytes === null ? null : p.peakRssBytes / 2 ** 20),
    scale: 'linear',
    label: shortNumber,
  },
];

export function renderSweepSvg(s: Sweep): string {
  const firstRowBelow = BELOW + 40 + GROWTH_ROW * s.variants.length;
  const height = MARGIN.top + 2 * PANEL.height + firstRowBelow + BELOW + 40;
  const panels = PANELS.map((panel, i) => {
    const x = MARGIN.left + (i % 2) * (PANEL.width + MARGIN.gapX);
    const y = MARGIN.top + Math.floor(i / 2) * (PANEL.height + firstRowBelow);
    return panelSvg(s, panel, x, y);
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${MARGIN.left - 50}" y="32" font-size="18" font-weight="bold" fill="${INK}">${esc(s.model)}: how the state space grows with ${esc(s.key)}</text>`,
    legendSvg(s),
    ...panels,
    `<text x="${MARGIN.left - 50}" y="${height - 14}" fill="${MUTED}">One run per point, to the end of the state space; a missing point did not finish (or a smaller one did not).</text>`,
    '</svg>',
    '',
  ].join('\n');
}

function legendSvg(s: Sweep): string {
  let x = MARGIN.left - 50;
  return s.variants
    .map((v, i) => {
      const name = v ?? s.model;
      const item = `<rect x="${x}" y="50" width="22" height="4" fill="${color(i)}"/><text x="${x + 28}" y="56" fill="${INK}">${esc(name)}</text>`;
      x += 40 + name.length * 7;
      return item;
    })
    .join('\n');
}

function panelSvg(s: Sweep, panel: Panel, left: number, top: number): string {
  const finished = s.points.filter((p) => p.status === 'pass' || p.status === 'violation');
  const values = finished.map(panel.value).filter((v): v is number => v !== null);
  const scale: Scale = panel.scale === 'log' ? logScale(values) : linearScale(values);
  const px = (i: number) =>
    left + (s.values.length === 1 ? PANEL.width / 2 : (i / (s.values.length - 1)) * PANEL.width);
  const py = (v: number) => top + PANEL.height - scale.at(v) * PANEL.height;
  const parts = [
    `<text x="${left}" y="${top - 12}" font-size="14" font-weight="bold" fill="${INK}">${esc(panel.title)}</text>`,
  ];
  for (const tick of scale.ticks) {
    parts.push(
      `<line x1="${left}" x2="${left + PANEL.width}" y1="${r(py(tick))}" y2="${r(py(tick))}" stroke="${GRID}"/>`,
      `<text x="${left - 8}" y="${r(py(tick) + 4)}" text-anchor="end" fill="${MUTED}">${esc(panel.label(tick))}</text>`,
    );
  }
  s.values.forEach((value, i) =>
    parts.push(
      `<text x="${r(px(i))}" y="${top + PANEL.height + 18}" text-anchor="middle" fill="${INK}">${esc(value)}</text>`,
    ),
  );
  parts.push(
    `<text x="${left + PANEL.width / 2}" y="${top + PANEL.height + 36}" text-anchor="middle" fill="${MUTED}">${esc(s.key)}</text>`,
    `<rect x="${left}" y="${top}" width="${PANEL.width}" height="${PANEL.height}" fill="none" stroke="#bbbbbb"/>`,
  );
  s.variants.forEach((variant, vi) => parts.push(...lineSvg(s, variant, vi, panel, px, py)));
  if (panel.growth) parts.push(...growthRows(s, px, top + PANEL.height + BELOW));
  return parts.join('\n');
}

/** `×5.4` between each two values, a row per variant in its colour. */
function growthRows(s: Sweep, px: (i: number) => number, top: number): string[] {
  const out = [
    `<text x="${MARGIN.left}" y="${top}" font-size="11" fill="${MUTED}">growth of distinct states from each ${esc(s.key)} to the next:</text>`,
  ];
  s.variants.forEach((variant, vi) =>
    s.values.forEach((value, i) => {
      const growth = s.points.find((p) => p.variant === variant && p.value === value)?.growth;
      if (i === 0 || growth === null || growth === undefined) return;
      out.push(
        `<text x="${r((px(i - 1) + px(i)) / 2)}" y="${top + GROWTH_ROW * (vi + 1)}" text-anchor="middle" font-size="11" fill="${color(vi)}">×${growth.toFixed(2)}</text>`,
      );
    }),
  );
  return out;
}

function lineSvg(
  s: Sweep,
  variant: string | null,
  vi: number,
  panel: Panel,
  px: (i: number) => number,
  py: (v: number) => number,
): string[] {
  const points = s.values.map((value, i) => {
    const p = s.points.find((q) => q.variant === variant && q.value === value);
    const v = p && (p.status === 'pass' || p.status === 'violation') ? panel.value(p) : null;
    return v === null ? undefined : { x: px(i), y: py(v) };
  });
  const out: string[] = [];
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1], points[i]];
    if (!a || !b) continue;
    out.push(
      `<line x1="${r(a.x)}" y1="${r(a.y)}" x2="${r(b.x)}" y2="${r(b.y)}" stroke="${color(vi)}" stroke-width="2.5"/>`,
    );
  }
  for (const p of points)
    if (p)
      out.push(`<circle cx="${r(p.x)}" cy="${r(p.y)}" r="4" fill="${color(vi)}" stroke="white" stroke-width="1.5"/>`);
  return out;
}

const color = (i: number) => ACTION_PALETTE[i % ACTION_PALETTE.length]!;
const r = (v: number) => Math.round(v * 10) / 10;

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
