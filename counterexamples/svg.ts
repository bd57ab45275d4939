/**
 * DOT to SVG with Graphviz compiled to WebAssembly (@hpcc-js/wasm-graphviz): the same code runs in
 * Node and in a browser, and no system Graphviz is needed. The module is loaded once, on first use
 * (it is an ES module, which jest's CommonJS runtime cannot `require`; tests that never draw a
 * picture need not load it).
 */
import type { Graphviz } from '@hpcc-js/wasm-graphviz';
import { KripkeError } from '../spec/errors.ts';
import { withFontStacks } from './fonts.ts';

let loading: Promise<Graphviz> | undefined;

function graphviz(): Promise<Graphviz> {
  loading ??= import('@hpcc-js/wasm-graphviz').then((module) => module.Graphviz.load());
  return loading;
}

/** Lays out a DOT graph and returns a standalone SVG document naming font stacks that fit its layout. */
export async function dotToSvg(dot: string): Promise<string> {
  const gv = await graphviz();
  try {
    return withFontStacks(gv.layout(dot, 'svg', 'dot'));
  } catch (e) {
    throw new KripkeError(
      'invalid-trace',
      `Graphviz could not lay out the graph: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

/** The SVG without its XML prologue and doctype, ready to inline in an HTML page. */
export function inlineSvg(svg: string): string {
  const start = svg.indexOf('<svg');
  return start >= 0 ? svg.slice(start) : svg;
}

/** The Graphviz version inside the WebAssembly module (for reports and bug reports). */
export async function graphvizVersion(): Promise<string> {
  return (await graphviz()).version();
}
