/**
 * Kripke runs either from its TypeScript sources (this repository: tests, `npm run kripke`) or
 * compiled (the published package, `dist/`). The threads and processes it starts, and the
 * modules it finds by URL, must match: a compiled module runs as it is, while from the sources a
 * small launcher registers tsx first. Each module tells which form it is in by its own URL.
 */

/** True when `base` (an `import.meta.url`) is a TypeScript source file. */
export function fromSource(base: string): boolean {
  return /\.[cm]?tsx?$/.test(new URL(base).pathname);
}

/**
 * A module of Kripke's own, named as in the sources (`'../model/index.ts'`), next to `base`: the
 * `.ts` file from the sources, its compiled `.js` in the package.
 */
export function ownModule(path: string, base: string): URL {
  return new URL(fromSource(base) ? path : path.replace(/\.ts$/, '.js'), base);
}

/**
 * Where a thread or process Kripke starts begins: `./<name>-entry.mjs` from the sources (it
 * registers tsx, then imports `./<name>.ts`), the compiled `./<name>.js` in the package, which
 * needs no loader.
 */
export function ownEntry(name: string, base: string): URL {
  return new URL(fromSource(base) ? `./${name}-entry.mjs` : `./${name}.js`, base);
}
