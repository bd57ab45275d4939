/**
 * A canonical text encoding of a state value under a renaming of ids (equal values give equal
 * text, whatever the object key or Set/Map insertion order), and the renamed value itself: the
 * exact, slow form of what symmetry-walks.ts computes fast. Symmetry reduction uses the encoding
 * only to order two different candidate images whose hashes are equal; tests use both. A renaming
 * maps words: whole strings, object keys, and the words inside strings (runs of letters, digits, `_`).
 */

/** Maps one word to its new name (or to itself). */
export type Rename = (word: string) => string;

const WORDS = /([A-Za-z0-9_]+)/;

/** Strings split into separators (even positions) and words (odd positions), memoised. */
const pieces = new Map<string, readonly string[]>();

function piecesOf(text: string): readonly string[] {
  let found = pieces.get(text);
  if (found === undefined) {
    if (pieces.size > 100_000) pieces.clear(); // states hold few distinct strings; bound it anyway
    found = text.split(WORDS);
    pieces.set(text, found);
  }
  return found;
}

export function renameString(text: string, rename: Rename): string {
  const parts = piecesOf(text);
  if (parts.length === 3 && parts[0] === '' && parts[2] === '') return rename(text); // the whole string is one word
  let renamed = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) renamed += rename(parts[i]!) + parts[i + 1]!;
  return renamed;
}

export function canonicalEncoding(value: unknown, rename: Rename): string {
  switch (typeof value) {
    case 'string':
      return quote(renameString(value, rename));
    case 'number':
      return `#${value}`;
    case 'boolean':
      return value ? 'T' : 'F';
    case 'bigint':
      return `${value}n`;
    case 'object':
      return value === null ? 'N' : encodeObject(value, rename);
    default:
      throw new TypeError(`not a state value: ${typeof value}`);
  }
}

// Loops rather than callbacks: this runs several times for every state checked under symmetry.
function encodeObject(value: object, rename: Rename): string {
  const parts: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) parts.push(canonicalEncoding(item, rename));
    return `[${parts.join(',')}]`;
  }
  if (value instanceof Set) {
    for (const member of value) parts.push(canonicalEncoding(member, rename));
    return `S{${parts.sort(compare).join(',')}}`;
  }
  if (value instanceof Map) {
    for (const [k, v] of value) parts.push(`${canonicalEncoding(k, rename)}=>${canonicalEncoding(v, rename)}`);
    return `M{${parts.sort(compare).join(',')}}`;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) parts.push(`${quote(renameString(key, rename))}:${canonicalEncoding(record[key], rename)}`);
  return `{${parts.sort(compare).join(',')}}`;
}

/** Length-prefixed, so no text inside a string can be mistaken for structure. */
const quote = (text: string) => `${text.length}'${text}`;

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The value with every id renamed: a new value of the same shape (unchanged parts are shared). */
export function renameValue(value: unknown, rename: Rename): unknown {
  if (typeof value === 'string') return renameString(value, rename);
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => renameValue(item, rename));
  if (value instanceof Set) return new Set([...value].map((m) => renameValue(m, rename)));
  if (value instanceof Map)
    return new Map([...value].map(([k, v]) => [renameValue(k, rename), renameValue(v, rename)]));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [renameString(k, rename), renameValue(v, rename)]));
}
