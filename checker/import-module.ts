/**
 * Imports a user's module — a model file, a checks file, a spec source in a worker thread. A
 * model written in TypeScript (ES module or CommonJS, `.ts`, `.mts`, `.cts`) loads without a
 * build step: compiled Kripke registers tsx for both module systems before the first such file,
 * and only then, so a library user who never hands Kripke a TypeScript file never loads tsx.
 * From the sources, whatever runs them (tsx, vitest) loads TypeScript already.
 */
import { fromSource } from './own-modules.ts';

const TYPESCRIPT = /\.[cm]?tsx?$/;

/** Per thread: loader hooks are registered once in each thread that needs them. */
let registration: Promise<void> | undefined;

/** `url`: a `file:` URL. */
export async function importModule(url: string): Promise<Record<string, unknown>> {
  if (TYPESCRIPT.test(new URL(url).pathname) && !fromSource(import.meta.url))
    await (registration ??= registerTypeScript());
  return esModuleView((await import(url)) as Record<string, unknown>);
}

/**
 * A TypeScript file in ES-module syntax inside a `"type": "commonjs"` package is compiled to
 * CommonJS (by tsx), and `import()` then sees `{ default: module.exports }`: its own default export
 * is `module.exports.default`. Its exports are shown as the file declares them.
 */
function esModuleView(module: Record<string, unknown>): Record<string, unknown> {
  const inner = module.default;
  if (typeof inner !== 'object' || inner === null || (inner as { __esModule?: unknown }).__esModule !== true)
    return module;
  const { default: _, ...named } = module;
  return { ...named, ...(inner as Record<string, unknown>) };
}

async function registerTypeScript(): Promise<void> {
  const [esm, commonJs] = await Promise.all([import('tsx/esm/api'), import('tsx/cjs/api')]);
  esm.register();
  commonJs.register();
}
