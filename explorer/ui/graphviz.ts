/**
 * Graphviz in the page: the WebAssembly build of @hpcc-js/wasm-graphviz, loaded (as its own
 * chunk) when the first picture is laid out, then reused.
 */
import type { Graphviz } from '@hpcc-js/wasm-graphviz';

let loading: Promise<Graphviz> | undefined;

export async function layout(dot: string): Promise<string> {
  loading ??= import('@hpcc-js/wasm-graphviz').then((m) => m.Graphviz.load());
  const svg = (await loading).layout(dot, 'svg', 'dot');
  const start = svg.indexOf('<svg');
  return pointsAsPixels(start >= 0 ? svg.slice(start) : svg);
}

/**
 * Graphviz sizes its SVG in points: shown as pixels instead (three quarters of the size), an
 * 11-point label reads as 11 pixels, which keeps a tall trace on the screen and still readable.
 */
function pointsAsPixels(svg: string): string {
  return svg.replace(/^(<svg[^>]*?)width="([\d.]+)pt" height="([\d.]+)pt"/, '$1width="$2px" height="$3px"');
}
