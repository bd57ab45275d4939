/**
 * The page's code and styles. From the sources they are bundled from `ui/` with esbuild when the
 * explorer first serves them (about a second; then kept in memory), so a clean clone needs no
 * build step; the package ships them bundled by `npm run build` (`ui/` next to the compiled
 * explorer), with the same options. Graphviz (WebAssembly, inlined in its module) is split into
 * a chunk of its own, loaded when the first picture is laid out.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';
import { fromSource } from '../checker/own-modules.ts';

export interface Asset {
  readonly type: string;
  readonly body: Uint8Array;
}

const UI = join(dirname(fileURLToPath(import.meta.url)), 'ui');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** How the page is bundled; `outdir` is where the package keeps it. */
export function uiBuildOptions(sources: string, outdir: string): BuildOptions {
  return {
    entryPoints: { explorer: join(sources, 'main.tsx') },
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    outdir,
    chunkNames: 'chunk-[hash]',
    logLevel: 'silent',
  };
}

/** Asset name (`explorer.js`, `explorer.css`, `chunk-….js`) → content. */
export async function bundleUi(): Promise<ReadonlyMap<string, Asset>> {
  const files = fromSource(import.meta.url) ? await bundleFromSources() : await readBundled();
  const assets = new Map<string, Asset>();
  for (const { name, body } of files) {
    const type = TYPES[name.slice(name.lastIndexOf('.'))];
    if (type !== undefined) assets.set(name, { type, body });
  }
  return assets;
}

async function bundleFromSources(): Promise<{ name: string; body: Uint8Array }[]> {
  const { build } = await import('esbuild'); // a development dependency: the package ships the bundle
  const result = await build({ ...uiBuildOptions(UI, join(UI, 'dist')), write: false });
  return result.outputFiles.map((file) => ({ name: basename(file.path), body: file.contents }));
}

async function readBundled(): Promise<{ name: string; body: Uint8Array }[]> {
  const names = await readdir(UI);
  return Promise.all(names.map(async (name) => ({ name, body: await readFile(join(UI, name)) })));
}
