/**
 * State values as JSON, with the conventions of ITF (the Informal Trace Format of Quint and
 * Apalache): `{"#set": [...]}`, `{"#map": [[k, v], ...]}`, `{"#bigint": "123"}`. Set members and map
 * entries are written in a canonical order so equal states encode equally.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function encodeValue(value: unknown): Json {
  switch (typeof value) {
    case 'bigint':
      return { '#bigint': value.toString() };
    case 'number':
    case 'string':
    case 'boolean':
      return value;
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value)) return value.map(encodeValue);
      if (value instanceof Set) return { '#set': canonicalOrder([...value].map(encodeValue)) };
      if (value instanceof Map) {
        return { '#map': canonicalOrder([...value].map(([k, v]) => [encodeValue(k), encodeValue(v)])) };
      }
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeValue(v)]));
    }
    default:
      throw new TypeError(`not a state value: ${typeof value}`);
  }
}

export function decodeValue(json: Json): unknown {
  if (Array.isArray(json)) return json.map(decodeValue);
  if (json === null || typeof json !== 'object') return json;
  const keys = Object.keys(json);
  if (keys.length === 1) {
    const tagged = json[keys[0]!];
    if (keys[0] === '#bigint' && typeof tagged === 'string') return BigInt(tagged);
    if (keys[0] === '#set' && Array.isArray(tagged)) return new Set(tagged.map(decodeValue));
    if (keys[0] === '#map' && Array.isArray(tagged)) {
      return new Map(
        tagged.map((pair) => {
          if (!Array.isArray(pair) || pair.length !== 2)
            throw new TypeError('a #map entry must be a [key, value] pair');
          return [decodeValue(pair[0]!), decodeValue(pair[1]!)];
        }),
      );
    }
  }
  return Object.fromEntries(keys.map((k) => [k, decodeValue(json[k]!)]));
}

/** Sorted by their JSON text: deterministic, and readable for strings and numbers. */
function canonicalOrder<T>(items: T[]): T[] {
  const keyed = items.map((item) => ({ item, key: JSON.stringify(item) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.item);
}

/** JSON text with object keys sorted: equal encodings compare equal whatever the key order. */
export function canonical(json: Json): string {
  return JSON.stringify(json, (_key, value: Json) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((k) => [k, value[k]]),
        )
      : value,
  );
}
