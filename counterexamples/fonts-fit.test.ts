/**
 * Every label fits its box as drawn with DejaVu — the only fonts a default Debian machine has:
 * each text of the rendered pictures is measured with DejaVu's advance widths (`textWidth`) and
 * must lie inside the node shape (Graphviz) or badge (sequence chart) that holds it. This fails
 * when Graphviz lays out with other metrics than the fonts the SVG names, or a width is misjudged.
 */
import { describe, expect, it } from 'vitest';
import { parsePath } from '../checker/path.ts';
import { paxosSpec } from '../model/paxos/paxos.ts';
import { twoPhaseSpec } from '../model/transaction-commit/two-phase.ts';
import { renderArtifacts } from './artifacts.ts';
import { type FontStyle, textWidth } from './fonts.ts';
import { golden } from './golden.ts';
import { buildTrace } from './trace.ts';

interface Text {
  readonly x: number;
  readonly y: number;
  readonly anchor: string;
  readonly size: number;
  readonly style: FontStyle;
  readonly text: string;
}
interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const num = (tag: string, name: string) => Number(attr(tag, name));
const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function texts(svg: string, defaultSize: number): Text[] {
  return [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].map(([, tag, body]) => ({
    x: num(tag!, 'x'),
    y: num(tag!, 'y'),
    anchor: attr(tag!, 'text-anchor') ?? 'start',
    size: attr(tag!, 'font-size') ? num(tag!, 'font-size') : defaultSize,
    style: attr(tag!, 'font-family')?.startsWith("'DejaVu Sans Mono'")
      ? 'mono'
      : attr(tag!, 'font-weight') === 'bold'
        ? 'bold'
        : 'sans',
    text: decode(body!),
  }));
}

/** Where a text reaches, measured in DejaVu. */
function extent(t: Text): { left: number; right: number } {
  const w = textWidth(t.text, t.size, t.style);
  const left = t.anchor === 'middle' ? t.x - w / 2 : t.anchor === 'end' ? t.x - w : t.x;
  return { left, right: left + w };
}

/** A Graphviz node's shape: its polygons' bounds, or its ellipse's width at height `y`. */
function nodeShape(group: string): (y: number) => Box | undefined {
  const points = [...group.matchAll(/<polygon[^>]*points="([^"]*)"/g)].flatMap(([, p]) =>
    p!
      .trim()
      .split(/\s+/)
      .map((xy) => xy.split(',').map(Number) as [number, number]),
  );
  if (points.length > 0) {
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const box = { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
    return () => box;
  }
  const e = /<ellipse([^>]*)>/.exec(group)?.[1];
  if (e === undefined) return () => undefined;
  const [cx, cy, rx, ry] = ['cx', 'cy', 'rx', 'ry'].map((n) => num(e, n)) as [number, number, number, number];
  return (y) => {
    const half = rx * Math.sqrt(Math.max(0, 1 - ((y - cy) / ry) ** 2));
    return { left: cx - half, right: cx + half, top: cy - ry, bottom: cy + ry };
  };
}

/**
 * Graphviz measures monospace as Courier (0.6 em); DejaVu Sans Mono is 0.602 em. The difference,
 * at most a pixel on the longest values, is allowed — and nothing more.
 */
function monoGap(t: Text): number {
  return 0.002 * t.size * [...t.text].length;
}

/** Texts that overflow the Graphviz node holding them, as `label: overflow px`. */
function graphvizOverflows(svg: string): string[] {
  const out: string[] = [];
  for (const [group] of svg.matchAll(/<g id="node\d+" class="node">[\s\S]*?<\/g>/g)) {
    const shape = nodeShape(group);
    for (const t of texts(group, 14)) {
      const box = shape(t.y - t.size * 0.35); // the text's middle, not its baseline
      const { left, right } = extent(t);
      const slack = 0.5 + (t.style === 'mono' ? monoGap(t) : 0);
      if (box && (left < box.left - slack || right > box.right + slack))
        out.push(`${t.text.trim()}: ${Math.max(box.left - left, right - box.right).toFixed(1)} px`);
    }
  }
  return out;
}

/** Texts of the sequence chart outside the picture or outside the badge (a rect with a border) drawn under them. */
function chartOverflows(svg: string): string[] {
  const width = num(/<svg[^>]*>/.exec(svg)![0], 'width');
  const out: string[] = [];
  for (const t of texts(svg, 13)) {
    const { left, right } = extent(t);
    if (left < 0 || right > width) out.push(`${t.text}: outside the picture`);
  }
  for (const [, rect, text] of svg.matchAll(/<rect([^>]*stroke="[^"]*"[^>]*)\/><text([^>]*>[^<]*)<\/text>/g)) {
    const [t] = texts(`<text${text}</text>`, 13);
    const { left, right } = extent(t!);
    if (left < num(rect!, 'x') - 0.5 || right > num(rect!, 'x') + num(rect!, 'width') + 0.5)
      out.push(`${t!.text}: outside its badge`);
  }
  return out;
}

const TWO_PHASE_PATH = '0/3:0/2:0/3:1/2:1/0:0/4:2/5:0';
const PAXOS_PATH = '0/1:0/0:0/0:0/0:2/0:1/0:2/1:0/0:10/0:3/0:12/0:4/0:11/0:14/2:1/3:0/0:9';

describe('labels fit their boxes in DejaVu', () => {
  it('two-phase commit: the trace graph (its legend lists rmRcvCommitMsg) and the state space', async () => {
    const spec = twoPhaseSpec(3, 'commit-on-majority');
    const files = await renderArtifacts(
      buildTrace(spec, parsePath(TWO_PHASE_PATH), { property: 'TCConsistent' }),
      {},
      'trace.json',
      spec,
    );
    const svg = files.get('trace.svg')!;
    expect(svg).toContain('>rmRcvCommitMsg</text>');
    expect(graphvizOverflows(svg)).toEqual([]);
    expect(texts(svg, 14).length).toBeGreaterThan(100); // the check measured the whole picture
    expect(graphvizOverflows(files.get('states.svg')!)).toEqual([]);
    expect(svg).toBe(golden('two-phase-trace.svg', svg));
  });

  it('Paxos volatile-promise: the trace graph, the sequence chart with its notes and badges, the state space', async () => {
    const spec = paxosSpec({ proposers: 2, acceptors: 3, rounds: 1, crashes: 1 }, 'volatile-promise');
    const files = await renderArtifacts(
      buildTrace(spec, parsePath(PAXOS_PATH), { property: 'agreement' }),
      {},
      'trace.json',
      spec,
    );
    expect(graphvizOverflows(files.get('trace.svg')!)).toEqual([]);
    expect(graphvizOverflows(files.get('states.svg')!)).toEqual([]);
    const chart = files.get('sequence.svg')!;
    expect(chartOverflows(chart)).toEqual([]);
    expect(chart).toBe(golden('paxos-sequence.svg', chart));
  });

  it('measures what it checks: a label a few characters too long for its box is caught', () => {
    const box = '<g id="node1" class="node"><polygon points="0,0 0,-20 60,-20 60,0 0,0"/>';
    const label = (text: string) =>
      `${box}<text text-anchor="start" x="2" y="-6" font-family="'DejaVu Sans', sans-serif" font-size="10.00">${text}</text></g>`;
    expect(graphvizOverflows(label('rmPrepare'))).toEqual([]);
    expect(graphvizOverflows(label('rmRcvCommitMsg'))).toEqual(['rmRcvCommitMsg: 33.7 px']);
  });
});
