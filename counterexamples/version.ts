/**
 * Kripke's own version (package.json), recorded in every JSON output and trace file so that a
 * result can be traced to the release that produced it. Found by walking up from this module:
 * the sources, `dist/` and `dist/cjs/` sit at different depths below the package's root.
 */
import { existsSync, readFileSync } from 'node:fs';

let version: string | undefined;

export function kripkeVersion(): string {
  version ??= readVersion();
  return version;
}

function readVersion(): string {
  for (let dir = new URL('.', import.meta.url); ; dir = new URL('..', dir)) {
    const file = new URL('package.json', dir);
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === 'kripke' && typeof manifest.version === 'string') return manifest.version;
    }
    if (dir.pathname === '/') throw new Error(`Kripke's package.json was not found above ${import.meta.url}`);
  }
}
