/**
 * A canonical string for a state value: equal values give equal strings whatever their object key
 * order or Set/Map insertion order. Used to keep in-flight messages in a canonical order, so two
 * networks holding the same messages are the same state and parameter orders are deterministic.
 */

// Values are immutable, so an object's key never changes: cache it.
const cache = new WeakMap<object, string>();

export function canonicalKey(value: unknown): string {
  if (typeof value !== 'object' || value === null) return scalarKey(value);
  const cached = cache.get(value);
  if (cached !== undefined) return cached;
  const key = objectKey(value);
  cache.set(value, key);
  return key;
}

function scalarKey(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'bigint':
      return `${value}n`;
    case 'undefined':
      return 'undefined';
    default:
      return String(value);
  }
}

function objectKey(value: object): string {
  if (Array.isArray(value)) return `[${value.map(canonicalKey).join(',')}]`;
  if (value instanceof Set) return `#set{${[...value].map(canonicalKey).sort().join(',')}}`;
  if (value instanceof Map) {
    return `#map{${[...value]
      .map(([k, v]) => `${canonicalKey(k)}:${canonicalKey(v)}`)
      .sort()
      .join(',')}}`;
  }
  const fields = Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalKey((value as Record<string, unknown>)[k])}`);
  return `{${fields.join(',')}}`;
}

/** Compares two values by their canonical keys (a total order for sorting). */
export function compareCanonical(a: unknown, b: unknown): number {
  const ka = canonicalKey(a);
  const kb = canonicalKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
