/**
 * `npm run build` (also run by `npm pack`): the published package in `dist/`.
 * - `dist/**.js` + `.d.ts`: ES modules and declarations compiled by tsc (tsconfig.build.json).
 * - `dist/explorer/ui/`: the explorer's page, bundled (the sources bundle it on first serve).
 * - `dist/cjs/`: the library as CommonJS for `require('kripke')` (jest, CommonJS projects on
 *   Node 20, which cannot `require` an ES module): each module converted by esbuild, with
 *   `import.meta.url` given by the file's own path, and the declarations again for TypeScript's
 *   `require` resolution. The CLI (top-level await) is ES modules only.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transformSync } from 'esbuild';
import { uiBuildOptions } from '../explorer/bundle.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const CJS = join(DIST, 'cjs');
/** The CLI and the entry points of threads and processes use top-level await and stay ES modules. */
const ESM_ONLY =
  /^(cli\/main|cli\/engine-worker|cli\/workflows\/job-child|checker\/parallel\/worker|explorer\/check-worker)\.js$/;
const META_URL = '__kripke_import_meta_url';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

function commonJs(file: string): void {
  const source = readFileSync(join(DIST, file), 'utf8');
  const { code } = transformSync(source, {
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    define: { 'import.meta.url': META_URL },
    banner: `const ${META_URL} = require('node:url').pathToFileURL(__filename).href;`,
    sourcefile: file,
  });
  write(join(CJS, file), code);
}

/** A thread or process the CommonJS library starts runs the ES module itself. */
function launcher(file: string): string {
  const target = relative(dirname(join(CJS, file)), join(DIST, file));
  return `// Runs ${file} of the ES-module build (top-level await).\nimport(require('node:url').pathToFileURL(require('node:path').join(__dirname, ${JSON.stringify(target)})).href);\n`;
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

rmSync(DIST, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')],
  { stdio: 'inherit' },
);
await build(uiBuildOptions(join(ROOT, 'explorer/ui'), join(DIST, 'explorer/ui')));
const compiled = filesUnder(DIST);
for (const file of compiled) {
  if (file.startsWith('explorer/ui/')) continue;
  if (file.endsWith('.d.ts')) write(join(CJS, file), readFileSync(join(DIST, file), 'utf8'));
  else if (ESM_ONLY.test(file)) write(join(CJS, file), launcher(file));
  else if (file.endsWith('.js')) commonJs(file);
}
write(join(CJS, 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
