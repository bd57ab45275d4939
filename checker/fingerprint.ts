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

function walkString(s: string): void {
  feed(TAG_STRING ^ s.length);
  for (let i = 0; i < s.length; i++) feed(s.charCodeAt(i));
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

/** Hashes one member of an unordered collection on fresh lanes; adds it into the sums. */
let sumA = 0;
let sumB = 0;
function walkMember(key: unknown, value: unknown, withValue: boolean): void {
  const savedA = laneA, savedB = laneB;
  laneA = TAG_ENTRY;
  laneB = ~TAG_ENTRY;
  walk(key);
  if (withValue) walk(value);
  const a = fmix(laneA ^ Math.imul(laneB, 0x9e3779b1));
  const b = fmix(laneB + Math.imul(a, 0x7feb352d));
  laneA = savedA;
  laneB = savedB;
  sumA = (sumA + a) | 0;
  sumB = (sumB + b) | 0;
}

function walkUnordered(tag: number, size: number, each: () => void): void {
  const outerA = sumA, outerB = sumB;
  sumA = 0;
  sumB = 0;
  each();
  feed(tag ^ size);
  feed(sumA);
  feed(sumB);
  sumA = outerA;
  sumB = outerB;
}

function walkObject(o: object): void {
  if (Array.isArray(o)) {
    feed(TAG_ARRAY ^ o.length);
    for (let i = 0; i < o.length; i++) {
      const item: unknown = o[i];
      if (item === undefined) throw NOT_A_VALUE;
      walk(item);
    }
  } else if (o instanceof Map) {
    walkUnordered(TAG_MAP, o.size, () => o.forEach((v, k) => walkMember(k, v, true)));
  } else if (o instanceof Set) {
    walkUnordered(TAG_SET, o.size, () => o.forEach((k) => walkMember(k, undefined, false)));
  } else {
    const proto: unknown = Object.getPrototypeOf(o);
    if (proto !== Object.prototype && proto !== null) throw NOT_A_VALUE;
    const record = o as Record<string, unknown>;
    const keys = Object.keys(record);
    walkUnordered(TAG_OBJECT, keys.length, () => {
      for (const k of keys) {
        const v = record[k];
        if (v === undefined) throw NOT_A_VALUE;
        walkMember(k, v, true);
      }
    });
  }
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
  walk(value);
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
