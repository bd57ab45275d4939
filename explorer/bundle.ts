/**
 * The page's code and styles, bundled from `ui/` with esbuild when the explorer first serves
 * them (about a second; then kept in memory). Building on first serve keeps the page in step with
 * its source in a clean clone, with no build step to forget. Graphviz (WebAssembly, inlined in
 * its module) is split into a chunk of its own, loaded when the first picture is laid out.
 */
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface Asset {
  readonly type: string;
  readonly body: Uint8Array;
}

const UI = join(dirname(fileURLToPath(import.meta.url)), 'ui');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Asset name (`explorer.js`, `explorer.css`, `chunk-….js`) → content. */
export async function bundleUi(): Promise<ReadonlyMap<string, Asset>> {
  const result = await build({
    entryPoints: { explorer: join(UI, 'main.tsx') },
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    write: false,
    outdir: join(UI, 'dist'),
    chunkNames: 'chunk-[hash]',
    logLevel: 'silent',
  });
  const assets = new Map<string, Asset>();
  for (const file of result.outputFiles) {
    const name = basename(file.path);
    const type = TYPES[name.slice(name.lastIndexOf('.'))];
    if (type !== undefined) assets.set(name, { type, body: file.contents });
  }
  return assets;
}
