/**
 * The fonts of every picture, and how wide text is in them. Pictures are laid out for DejaVu Sans
 * and DejaVu Sans Mono — what a default Debian machine draws with, and no narrower than the fonts
 * that stand in for them elsewhere (macOS: Helvetica, Menlo; Windows: Arial, Consolas) — so a
 * label measured for DejaVu fits its box wherever it is drawn. Graphviz knows DejaVu Sans'
 * metrics, and measures monospace as Courier (0.6 em, DejaVu Sans Mono's 0.602); the SVG it
 * writes then names the whole stack (`withFontStacks`). Hand-drawn SVG measures with `textWidth`.
 */
import { DEJAVU } from './text-width-table.ts';

export const FONTS = {
  /** The names Graphviz lays labels out with (it has metrics for both). */
  sans: 'DejaVu Sans',
  mono: 'Courier',
  /** What the SVG names: DejaVu first, then fonts no wider than it. */
  sansStack: "'DejaVu Sans', 'Bitstream Vera Sans', Helvetica, Arial, sans-serif",
  monoStack: "'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', 'Courier New', monospace",
} as const;

export type FontStyle = 'sans' | 'bold' | 'mono';

/** The width of `text` at `size` (px or pt alike) in DejaVu; an unknown character counts 1 em. */
export function textWidth(text: string, size: number, style: FontStyle = 'sans'): number {
  const widths = DEJAVU[style];
  let units = 0;
  for (const ch of text) units += widths[ch] ?? DEJAVU.sans[ch] ?? 2048;
  return (units / 2048) * size;
}

/** The longest prefix of `text` (with `…` when cut) no wider than `width`. */
export function fitText(text: string, width: number, size: number, style: FontStyle = 'sans'): string {
  if (textWidth(text, size, style) <= width) return text;
  const chars = [...text];
  let keep = chars.length;
  while (keep > 0 && textWidth(`${chars.slice(0, keep).join('')}…`, size, style) > width) keep--;
  return keep === 0 ? '' : `${chars.slice(0, keep).join('')}…`;
}

/** Graphviz's SVG names the single font it measured with: name the stack instead. */
export function withFontStacks(svg: string): string {
  return svg
    .replace(/font-family="DejaVu Sans(,[^"]*)?"/g, `font-family="${FONTS.sansStack}"`)
    .replace(/font-family="Courier(,[^"]*)?"/g, `font-family="${FONTS.monoStack}"`);
}
