/**
 * 64-bit fingerprints of state values, computed by walking the value (no string building).
 *
 * Two states get the same fingerprint when their canonical encodings are equal: object key order
 * and Set/Map insertion order do not matter (members are hashed on their own and combined with an
 * order-independent sum). The result is left in `fingerprintHi` / `fingerprintLo` — two 32-bit
 * halves — so the hot loop allocates nothing.
 *
 * A value that is not plain immutable data throws `NOT_A_VALUE`; `describeInvalidValue` (slow,
 * off the hot path) then says what and where.
 */

/** Thrown (a shared object, no allocation) when a value is not a state value. */
export const NOT_A_VALUE = Object.freeze({ notAValue: true as const });

// The two lanes of the running hash.
let laneA = 0;
let laneB = 0;

const TAG_NULL = 0x9e3779b1, TAG_FALSE = 0x85ebca77, TAG_TRUE = 0xc2b2ae3d, TAG_INT = 0x27d4eb2f;
const TAG_FLOAT = 0x165667b1, TAG_STRING = 0xd3a2646c, TAG_BIGINT = 0xfd7046c5, TAG_ARRAY = 0xb55a4f09;
const TAG_OBJECT = 0x7feb352d, TAG_MAP = 0x846ca68b, TAG_SET = 0x6c8e9cf5, TAG_ENTRY = 0x1b873593;

const floatView = new Float64Array(1);
const floatWords = new Uint32Array(floatView.buffer);

function feed(word: number): void {
  let a = Math.imul(laneA ^ word, 0xcc9e2d51);
  a = (a << 15) | (a >>> 17);
  laneA = Math.imul(a, 0x1b873593) + 0xe6546b64;
  let b = Math.imul(laneB ^ word, 0x85ebca6b);
  b = (b << 13) | (b >>> 19);
  laneB = Math.imul(b, 0xc2b2ae35) + 0x52dce729;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

// A string's own 64-bit hash (two characters per word), left in strHashA/strHashB. Strings
// are hashed apart from the running lanes so that object keys can seed a member's lanes directly.
let strHashA = 0;
let strHashB = 0;
// Hashes of short strings, cached: object keys and enum-like values recur in every state, and a
// Map look-up (V8 keeps each string's own hash) is cheaper than walking the characters. Bounded.
const CACHED_LENGTH = 40;
const CACHE_ENTRIES = 1 << 14;
const cacheSlot = new Map<string, number>();
const cachedA = new Int32Array(CACHE_ENTRIES);
const cachedB = new Int32Array(CACHE_ENTRIES);

function hashString(s: string): void {
  if (s.length > CACHED_LENGTH) return hashChars(s);
  const slot = cacheSlot.get(s);
  if (slot !== undefined) {
    strHashA = cachedA[slot]!;
    strHashB = cachedB[slot]!;
    return;
  }
  hashChars(s);
  if (cacheSlot.size < CACHE_ENTRIES) {
    const next = cacheSlot.size;
    cachedA[next] = strHashA;
    cachedB[next] = strHashB;
    cacheSlot.set(s, next);
  }
}

function hashChars(s: string): void {
  const n = s.length;
  let a = 0x3c6ef372 ^ n, b = 0xa54ff53a ^ Math.imul(n, 0x9e3779b1);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const w = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
    a = Math.imul(a ^ w, 0xcc9e2d51);
    a = ((a << 15) | (a >>> 17)) + 0xe6546b64;
    b = Math.imul(b ^ w, 0x85ebca6b);
    b = ((b << 13) | (b >>> 19)) + 0x52dce729;
  }
  if (i < n) {
    const w = s.charCodeAt(i);
    a = Math.imul(a ^ w, 0xcc9e2d51);
    b = Math.imul(b ^ w, 0x85ebca6b);
  }
  strHashA = fmix(a ^ Math.imul(b, 0x27d4eb2f));
  strHashB = fmix(b + Math.imul(strHashA, 0x165667b1));
}

function walkString(s: string): void {
  hashString(s);
  feed(TAG_STRING ^ strHashA);
  feed(strHashB);
}

function walkNumber(n: number): void {
  if ((n | 0) === n) {
    feed(TAG_INT);
    feed(n);
  } else {
    if (n - n !== 0) throw NOT_A_VALUE; // NaN or ±Infinity
    floatView[0] = n;
    feed(TAG_FLOAT);
    feed(floatWords[0]!);
    feed(floatWords[1]!);
  }
}

// Members of unordered collections (object entries, Map entries, Set members) are each hashed on
// fresh lanes, mixed, and added into these sums, so their order does not matter.
let sumA = 0;
let sumB = 0;

let memberA = 0;
let memberB = 0;
function addMember(): void {
  memberA = fmix(laneA ^ Math.imul(laneB, 0x9e3779b1));
  memberB = fmix(laneB + Math.imul(memberA, 0x7feb352d));
  sumA = (sumA + memberA) | 0;
  sumB = (sumB + memberB) | 0;
}

// Module-level callbacks (not closures) so that walking a Map or Set allocates nothing.
function walkMapEntry(value: unknown, key: unknown): void {
  laneA = TAG_ENTRY;
  laneB = ~TAG_ENTRY;
  walk(key);
  walk(value);
  addMember();
}

function walkSetMember(member: unknown): void {
  laneA = TAG_ENTRY;
  laneB = ~TAG_ENTRY;
  walk(member);
  addMember();
}

/**
 * An object's entries: each value is hashed on lanes seeded by its key's own hash. Base entries
 * `[from, to)` (see `setFingerprintBase`): an entry whose key and value are the very same as the
 * base entry at its position reuses that entry's hash; at the top level, a changed record value is
 * compared the same way with the base's entries one level down.
 */
function walkRecord(record: Record<string, unknown>, from: number, to: number, top: boolean): number {
  let count = 0;
  for (const key in record) {
    const value = record[key];
    if (value === undefined) throw NOT_A_VALUE;
    const at = from + count++;
    const sameKey = at < to && baseKeys[at] === key;
    if (sameKey && baseValues[at] === value) {
      sumA = (sumA + baseA[at]!) | 0;
      sumB = (sumB + baseB[at]!) | 0;
      continue;
    }
    hashString(key);
    laneA = strHashA ^ TAG_ENTRY;
    laneB = strHashB;
    if (sameKey && top && typeof value === 'object' && value !== null) walkObject(value, childFrom[at]!, childTo[at]!, false);
    else walk(value);
    addMember();
  }
  return count;
}

// The base: the entries of the state being expanded (its top level and the records one level
// down) with their hashes. Successors are built by copying the state and replacing a field or
// two, so most of their values are the base's own objects; identity (not a WeakMap) finds them.
const BASE_ENTRIES = 1024;
const baseKeys: string[] = [];
const baseValues: unknown[] = [];
const baseA = new Int32Array(BASE_ENTRIES);
const baseB = new Int32Array(BASE_ENTRIES);
/** For a top-level base entry: where its record's own entries are, `[childFrom, childTo)`. */
const childFrom = new Int32Array(BASE_ENTRIES);
const childTo = new Int32Array(BASE_ENTRIES);
let baseCount = 0;

/**
 * Makes `value` (a state about to be expanded) the base for the fingerprints of its successors;
 * `undefined` clears it. Only for immutable states: an entry is reused by identity, so a
 * successor that mutated a shared object would go unnoticed (strict mode does not use a base).
 */
export function setFingerprintBase(value: unknown): void {
  baseCount = 0;
  baseKeys.length = 0;
  baseValues.length = 0;
  if (!isPlainRecord(value)) return;
  try {
    const top = addBaseEntries(value);
    if (top < 0) return;
    for (let i = 0; i < top; i++) {
      childFrom[i] = childTo[i] = baseKeys.length;
      const child = baseValues[i];
      if (isPlainRecord(child)) childTo[i] = childFrom[i]! + Math.max(0, addBaseEntries(child));
    }
    baseCount = top;
  } catch (e) {
    if (e !== NOT_A_VALUE) throw e;
    baseKeys.length = 0;
    baseValues.length = 0;
  }
}

/** Appends a record's entries and their hashes to the base; -1 (and nothing) when it has too many. */
function addBaseEntries(record: Record<string, unknown>): number {
  const start = baseKeys.length;
  const count = Object.keys(record).length;
  if (start + count > BASE_ENTRIES) return -1;
  for (const key in record) {
    sumA = 0;
    sumB = 0;
    hashString(key);
    laneA = strHashA ^ TAG_ENTRY;
    laneB = strHashB;
    walk(record[key]);
    addMember();
    const at = baseKeys.length;
    baseKeys.push(key);
    baseValues.push(record[key]);
    baseA[at] = memberA;
    baseB[at] = memberB;
    childFrom[at] = childTo[at] = 0;
  }
  return count;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function walkObject(o: object, from = 0, to = 0, top = false): void {
  if (Array.isArray(o)) {
    feed(TAG_ARRAY ^ o.length);
    for (let i = 0; i < o.length; i++) {
      const item: unknown = o[i];
      if (item === undefined) throw NOT_A_VALUE;
      walk(item);
    }
    return;
  }
  const outerA = sumA, outerB = sumB, savedA = laneA, savedB = laneB;
  sumA = 0;
  sumB = 0;
  let tag: number;
  if (o instanceof Map) {
    o.forEach(walkMapEntry);
    tag = TAG_MAP ^ o.size;
  } else if (o instanceof Set) {
    o.forEach(walkSetMember);
    tag = TAG_SET ^ o.size;
  } else {
    const proto: unknown = Object.getPrototypeOf(o);
    if (proto !== Object.prototype && proto !== null) throw NOT_A_VALUE;
    tag = TAG_OBJECT ^ walkRecord(o as Record<string, unknown>, from, to, top);
  }
  laneA = savedA;
  laneB = savedB;
  feed(tag);
  feed(sumA);
  feed(sumB);
  sumA = outerA;
  sumB = outerB;
}

function walk(v: unknown): void {
  switch (typeof v) {
    case 'number': return walkNumber(v);
    case 'string': return walkString(v);
    case 'boolean': return feed(v ? TAG_TRUE : TAG_FALSE);
    case 'bigint': feed(TAG_BIGINT); return walkString(v.toString(16));
    case 'object':
      if (v === null) return feed(TAG_NULL);
      return walkObject(v);
    default: throw NOT_A_VALUE;
  }
}

/** The high and low 32 bits of the last fingerprint computed. */
export let fingerprintHi = 0;
export let fingerprintLo = 0;

/** Fingerprints `value`, leaving the result in `fingerprintHi`/`fingerprintLo`. */
export function fingerprint(value: unknown): void {
  laneA = 0x243f6a88;
  laneB = 0x85a308d3;
  sumA = 0;
  sumB = 0;
  if (baseCount > 0 && typeof value === 'object' && value !== null) walkObject(value, 0, baseCount, true);
  else walk(value);
  const a = fmix(laneA + Math.imul(laneB, 0x27d4eb2f));
  fingerprintHi = a;
  fingerprintLo = fmix(laneB ^ Math.imul(a, 0x165667b1));
}

/** The fingerprint as one bigint, for tests and messages (not for the hot loop). */
export function fingerprintOf(value: unknown): bigint {
  fingerprint(value);
  return (BigInt(fingerprintHi >>> 0) << 32n) | BigInt(fingerprintLo >>> 0);
}

/**
 * Names the first part of `value` that is not a state value, as a path (`$.msgs[2].at`), or
 * returns undefined when all of it is. Slow; used only to explain `NOT_A_VALUE`.
 */
export function describeInvalidValue(value: unknown, path = '$'): string | undefined {
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? undefined : `${path} is ${value} (only finite numbers are state values)`;
    case 'string': case 'boolean': case 'bigint': return undefined;
    case 'undefined': return `${path} is undefined (use null, or leave the key out)`;
    case 'function': return `${path} is a function (states hold data only)`;
    case 'symbol': return `${path} is a symbol (states hold data only)`;
    case 'object': {
      if (value === null) return undefined;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const found = describeInvalidValue(value[i], `${path}[${i}]`);
          if (found) return found;
        }
        return undefined;
      }
      if (value instanceof Map) {
        for (const [k, v] of value) {
          const found = describeInvalidValue(k, `${path}<key>`) ?? describeInvalidValue(v, `${path}.get(${short(k)})`);
          if (found) return found;
        }
        return undefined;
      }
      if (value instanceof Set) {
        for (const k of value) {
          const found = describeInvalidValue(k, `${path}<member>`);
          if (found) return found;
        }
        return undefined;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        const ctor = (value as { constructor?: { name?: string } }).constructor?.name ?? 'unknown class';
        return `${path} is an instance of ${ctor} (use plain objects, arrays, Map or Set)`;
      }
      for (const [k, v] of Object.entries(value)) {
        const found = describeInvalidValue(v, `${path}.${k}`);
        if (found) return found;
      }
      return undefined;
    }
  }
}

function short(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}
