/**
 * fast-check, loaded when a random simulation first needs it. Loading it is about 200 modules, a
 * quarter of a second in every process and thread that imports the checker — the CLI's main
 * thread, its engine thread, each parallel worker — although most runs never simulate. `check` is
 * synchronous, so the load is a `require` of fast-check's CommonJS build (the same code, pinned by
 * the lock file: a seed gives the same walks).
 */
import { createRequire } from 'node:module';
import type * as FastCheck from 'fast-check';

type FastCheckModule = typeof FastCheck;

let loaded: FastCheckModule | undefined;

export function fastCheck(): FastCheckModule {
  return (loaded ??= createRequire(import.meta.url)('fast-check'));
}
