/**
 * What changed between two states, as paths into the state (`rm.r1`, `msgs`), descending into
 * plain objects, Maps and equal-length arrays so nested changes are named precisely.
 */
import { Hasher } from '../checker/fingerprint/index.ts';

/**
 * One hasher for every comparison: a new one (`fingerprintOf`) allocates its string cache each
 * time, which made diffing a 20,000-step trace take seconds. `of` is synchronous and leaves no
 * state that changes its answer, so sharing it is safe.
 */
let shared: Hasher | undefined;
const fingerprintOf = (value: unknown): bigint => (shared ??= new Hasher()).of(value);

export interface Change {
  /** Keys from the root: `['rm', 'r1']`. */
  readonly path: readonly (string | number)[];
  readonly before: unknown;
  readonly after: unknown;
}

export function diffStates(before: unknown, after: unknown): Change[] {
  const changes: Change[] = [];
  collect(before, after, [], changes);
  return changes;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return fingerprintOf(a) === fingerprintOf(b);
}

function collect(a: unknown, b: unknown, path: (string | number)[], out: Change[]): void {
  if (sameValue(a, b)) return;
  if (isRecord(a) && isRecord(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) collect(a[key], b[key], [...path, key], out);
  } else if (a instanceof Map && b instanceof Map) {
    for (const key of new Set([...a.keys(), ...b.keys()])) collect(a.get(key), b.get(key), [...path, mapKey(key)], out);
  } else if (
    Array.isArray(a) &&
    Array.isArray(b) &&
    a.length === b.length &&
    a.every((item, i) => similar(item, b[i]))
  ) {
    a.forEach((item, i) => collect(item, b[i], [...path, i], out));
  } else {
    out.push({ path, before: a, after: b });
  }
}

/**
 * Whether a changed array element reads better as an edit (`log[1].term: 1 → 2`) than as a
 * replacement: records must keep some field (a message taken off a network and another put on
 * shares none, so the array is shown as members removed and added instead).
 */
function similar(a: unknown, b: unknown): boolean {
  if (!isRecord(a) || !isRecord(b)) return true;
  return sameValue(a, b) || Object.keys(a).some((key) => key in b && sameValue(a[key], b[key]));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map) && !(v instanceof Set);
}

function mapKey(key: unknown): string | number {
  return typeof key === 'string' || typeof key === 'number' ? key : (JSON.stringify(key) ?? String(key));
}

/** `rm.r1`, `log[2].term` */
export function formatChangePath(path: readonly (string | number)[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('') || '(state)';
}

/** For a changed Set: the members added and removed (compared by value, not identity). */
export function setDelta(
  before: ReadonlySet<unknown>,
  after: ReadonlySet<unknown>,
): { added: unknown[]; removed: unknown[] } {
  const keysOf = (set: ReadonlySet<unknown>) => new Set([...set].map((m) => fingerprintOf(m)));
  const beforeKeys = keysOf(before),
    afterKeys = keysOf(after);
  return {
    added: [...after].filter((m) => !beforeKeys.has(fingerprintOf(m))),
    removed: [...before].filter((m) => !afterKeys.has(fingerprintOf(m))),
  };
}

/**
 * For a changed array read as a multiset (a network of envelopes, a log): the elements added and
 * removed, or undefined when the arrays hold the same elements in another order.
 */
export function multisetDelta(
  before: readonly unknown[],
  after: readonly unknown[],
): { added: unknown[]; removed: unknown[] } | undefined {
  const left = new Map<bigint, number>();
  for (const item of before) left.set(fingerprintOf(item), (left.get(fingerprintOf(item)) ?? 0) + 1);
  const added: unknown[] = [];
  for (const item of after) {
    const key = fingerprintOf(item),
      count = left.get(key) ?? 0;
    if (count > 0) left.set(key, count - 1);
    else added.push(item);
  }
  const removed: unknown[] = [];
  for (const item of before) {
    const key = fingerprintOf(item),
      count = left.get(key) ?? 0;
    if (count > 0) {
      removed.push(item);
      left.set(key, count - 1);
    }
  }
  return added.length + removed.length > 0 ? { added, removed } : undefined;
}
