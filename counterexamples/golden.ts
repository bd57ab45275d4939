/**
 * Golden-file comparison for renderer tests: the file beside the renderer is the expected output.
 * Run with UPDATE_GOLDEN=1 to rewrite the files deliberately (then review the diff).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const GOLDEN_DIR = join(import.meta.dirname, '__golden__');

/** Returns the golden text for `name` (writing `actual` first when UPDATE_GOLDEN=1). */
export function golden(name: string, actual: string): string {
  const file = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
  if (!existsSync(file))
    throw new Error(`missing golden file ${file}: run the test with UPDATE_GOLDEN=1 once and review it`);
  return readFileSync(file, 'utf8');
}
