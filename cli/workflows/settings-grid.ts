/**
 * Configuration grids for `compare` and `sweep`: `--set nodes=3,5` (a list) and `--set n=2..6`
 * (a range of whole numbers) expand to values; several keys combine into every configuration.
 */
import { KripkeError } from '../../spec/errors.ts';

export type Configuration = Readonly<Record<string, string>>;

/** `3,5` → ['3', '5']; `2..6` → ['2', …, '6']; `true` → ['true']. */
export function expandValues(key: string, text: string): string[] {
  const range = /^(-?\d+)\.\.(-?\d+)$/.exec(text.trim());
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    if (to < from)
      throw new KripkeError('invalid-config', `${key}=${text}: a range goes up (${to} < ${from})`, { key });
    if (to - from > 1000)
      throw new KripkeError('invalid-config', `${key}=${text}: a range of more than 1,000 values`, { key });
    return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
  }
  const values = text.split(',').map((v) => v.trim());
  if (values.some((v) => v === ''))
    throw new KripkeError('invalid-config', `${key}=${text}: an empty value in the list`, { key });
  return values;
}

/** Every combination of the keys' values, the first key varying slowest. */
export function configurations(settings: Readonly<Record<string, string>>): Configuration[] {
  let grid: Configuration[] = [{}];
  for (const [key, text] of Object.entries(settings)) {
    const values = expandValues(key, text);
    grid = grid.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
  }
  return grid;
}

/** `nodes=3 maxTerm=2`, or `defaults` for the model's own configuration. */
export function describeConfiguration(c: Configuration): string {
  const parts = Object.entries(c).map(([k, v]) => `${k}=${v}`);
  return parts.length > 0 ? parts.join(' ') : 'defaults';
}
