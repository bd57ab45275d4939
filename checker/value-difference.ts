/**
 * The first place where two state values differ, said as a path and what changed
 * (`$.tags gained "a"`, `$.n is 1, was 0`): strict mode uses it to name the field an action
 * modified in its input. Off the hot path; compares parts by fingerprint.
 */
import { Hasher } from './fingerprint/index.ts';
import { formatValue } from './format-value.ts';

export function firstDifference(before: unknown, after: unknown): string | undefined {
  const hasher = new Hasher();
  const same = (a: unknown, b: unknown) => {
    try {
      return hasher.of(a) === hasher.of(b);
    } catch {
      return false;
    }
  };
  return same(before, after) ? undefined : differenceAt(before, after, '$', same);
}

function differenceAt(
  before: unknown,
  after: unknown,
  path: string,
  same: (a: unknown, b: unknown) => boolean,
): string {
  const changed = () => `${path} is ${formatValue(after, 60)}, was ${formatValue(before, 60)}`;
  if (typeof before !== 'object' || before === null || typeof after !== 'object' || after === null) return changed();
  if (before instanceof Set && after instanceof Set) {
    const gained = [...after].find((m) => ![...before].some((b) => same(b, m)));
    if (gained !== undefined) return `${path} gained ${formatValue(gained, 60)}`;
    const lost = [...before].find((m) => ![...after].some((a) => same(a, m)));
    return lost !== undefined ? `${path} lost ${formatValue(lost, 60)}` : changed();
  }
  if (before instanceof Map && after instanceof Map) {
    for (const [k, v] of after) {
      if (!before.has(k)) return `${path} gained key ${formatValue(k, 40)}`;
      if (!same(before.get(k), v)) return differenceAt(before.get(k), v, `${path}.get(${formatValue(k, 40)})`, same);
    }
    const lost = [...before.keys()].find((k) => !after.has(k));
    return lost !== undefined ? `${path} lost key ${formatValue(lost, 40)}` : changed();
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    if (before.length !== after.length) return `${path} has ${after.length} items, had ${before.length}`;
    const i = before.findIndex((b, j) => !same(b, after[j]));
    return i < 0 ? changed() : differenceAt(before[i], after[i], `${path}[${i}]`, same);
  }
  if (Array.isArray(before) || Array.isArray(after) || before instanceof Set || before instanceof Map) return changed();
  const b = before as Record<string, unknown>,
    a = after as Record<string, unknown>;
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (!(key in a)) return `${path}.${key} was removed`;
    if (!(key in b)) return `${path}.${key} was added`;
    if (!same(b[key], a[key])) return differenceAt(b[key], a[key], `${path}.${key}`, same);
  }
  return changed();
}
