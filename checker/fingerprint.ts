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

/** Mixes the lanes into a member hash (memberA/B) and adds it into the sums. */
function addMember(): void {
  memberA = fmix(laneA ^ Math.imul(laneB, 0x9e3779b1));
  memberB = fmix(laneB + Math.imul(memberA, 0x7feb352d));
  sumA = (sumA + memberA) | 0;
  sumB = (sumB + memberB) | 0;
}

/*
 * The base. Successors are built by copying the expanded state and replacing a part or two, so
 * most of a successor is the expanded state's own objects. While a state is expanded its tree of
 * arrays and records is recorded in pre-order (each node: the value, its key under a record, the
 * three words it feeds its parent, its member hash, where its subtree ends), and a successor is
 * walked alongside it: a part that is the very same object as the base's part at the same place
 * reuses its words (identity, not a WeakMap), and a Set that differs from the base's Set there
 * is hashed as the base's sum minus the members it lost plus the members it gained.
 */
const SCALAR = 0, ARRAY = 1, RECORD = 2, SET = 3, MAP = 4;
const MAX_NODES = 1 << 14;
const nodeRef: unknown[] = [];
const nodeKey: (string | undefined)[] = [];
const nodeKind = new Int8Array(MAX_NODES);
const nodeEnd = new Int32Array(MAX_NODES);
const nodeTag = new Int32Array(MAX_NODES);
const nodeX = new Int32Array(MAX_NODES);
const nodeY = new Int32Array(MAX_NODES);
const nodeMemberA = new Int32Array(MAX_NODES);
const nodeMemberB = new Int32Array(MAX_NODES);
let nodeCount = 0;
let recording = false;
let baseActive = false;

/** Walks a value; `b` is the base node at the same place, or -1. */
function walk(v: unknown, b = -1): void {
  if (typeof v === 'object' && v !== null) {
    if (b >= 0 && nodeRef[b] === v && nodeKind[b] !== SCALAR) {
      feed(nodeTag[b]!);
      feed(nodeX[b]!);
      feed(nodeY[b]!);
      return;
    }
    return walkComposite(v, b);
  }
  if (recording) recordNode(v, SCALAR);
  switch (typeof v) {
    case 'number': return walkNumber(v);
    case 'string': return walkString(v);
    case 'boolean': return feed(v ? TAG_TRUE : TAG_FALSE);
    case 'bigint': feed(TAG_BIGINT); return walkString(v.toString(16));
    case 'object': return feed(TAG_NULL);
    default: throw NOT_A_VALUE;
  }
}

function recordNode(v: unknown, kind: number): number {
  const at = nodeCount++;
  if (at >= MAX_NODES) return -1;
  nodeRef[at] = v;
  nodeKey[at] = undefined;
  nodeKind[at] = kind;
  nodeEnd[at] = at + 1;
  return at;
}

function kindOf(o: object): number {
  if (Array.isArray(o)) return ARRAY;
  if (o instanceof Set) return SET;
  if (o instanceof Map) return MAP;
  const proto: unknown = Object.getPrototypeOf(o);
  if (proto !== Object.prototype && proto !== null) throw NOT_A_VALUE;
  return RECORD;
}

/** An array, record, Set or Map: hashed on fresh lanes into three words fed to the parent. */
function walkComposite(o: object, b: number): void {
  const kind = kindOf(o);
  if (b >= 0 && nodeKind[b] !== kind) b = -1;
  const self = recording ? recordNode(o, kind) : -1;
  const savedA = laneA, savedB = laneB, outerA = sumA, outerB = sumB;
  let tag: number, x: number, y: number;
  if (kind === ARRAY) {
    laneA = TAG_ARRAY;
    laneB = ~TAG_ARRAY;
    walkItems(o as unknown[], b);
    tag = TAG_ARRAY ^ (o as unknown[]).length;
    x = laneA;
    y = laneB;
  } else {
    sumA = 0;
    sumB = 0;
    if (kind === RECORD) tag = TAG_OBJECT ^ walkRecord(o as Record<string, unknown>, b);
    else if (kind === SET) tag = TAG_SET ^ walkSet(o as Set<unknown>, b);
    else {
      (o as Map<unknown, unknown>).forEach(walkMapEntry);
      tag = TAG_MAP ^ (o as Map<unknown, unknown>).size;
    }
    x = sumA;
    y = sumB;
  }
  laneA = savedA;
  laneB = savedB;
  sumA = outerA;
  sumB = outerB;
  feed(tag);
  feed(x);
  feed(y);
  if (self >= 0) {
    nodeTag[self] = tag;
    nodeX[self] = x;
    nodeY[self] = y;
    nodeEnd[self] = Math.min(nodeCount, MAX_NODES);
  }
}

function walkItems(items: readonly unknown[], b: number): void {
  let child = b + 1;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item === undefined) throw NOT_A_VALUE;
    const cb = b >= 0 && child < nodeEnd[b]! ? child : -1;
    walk(item, cb);
    if (cb >= 0) child = nodeEnd[cb]!;
  }
}

/** A record's entries: each value hashed on lanes seeded by its key's own hash. Returns the count. */
function walkRecord(record: Record<string, unknown>, b: number): number {
  let count = 0;
  let child = b + 1;
  for (const key in record) {
    const value = record[key];
    if (value === undefined) throw NOT_A_VALUE;
    count++;
    const cb = b >= 0 && child < nodeEnd[b]! && nodeKey[child] === key ? child : -1;
    if (cb >= 0) {
      child = nodeEnd[cb]!;
      if (nodeRef[cb] === value) {
        sumA = (sumA + nodeMemberA[cb]!) | 0;
        sumB = (sumB + nodeMemberB[cb]!) | 0;
        continue;
      }
    }
    const self = nodeCount;
    hashString(key);
    laneA = strHashA ^ TAG_ENTRY;
    laneB = strHashB;
    walk(value, cb);
    addMember();
    if (recording && self < MAX_NODES) {
      nodeKey[self] = key;
      nodeMemberA[self] = memberA;
      nodeMemberB[self] = memberB;
    }
  }
  return count;
}

/** A Set's members summed; next to a base Set, only the members that differ are hashed. */
function walkSet(set: Set<unknown>, b: number): number {
  const base = b >= 0 ? nodeRef[b] as Set<unknown> : undefined;
  if (base === undefined) {
    set.forEach(walkSetMember);
    return set.size;
  }
  sumA = nodeX[b]!;
  sumB = nodeY[b]!;
  deltaOf = base;
  set.forEach(addIfNew);
  deltaOf = set;
  base.forEach(subtractIfGone);
  return set.size;
}

let deltaOf: Set<unknown> = new Set();
function addIfNew(member: unknown): void {
  if (!deltaOf.has(member)) walkSetMember(member);
}

function subtractIfGone(member: unknown): void {
  if (deltaOf.has(member)) return;
  const keepA = sumA, keepB = sumB;
  walkSetMember(member);
  sumA = (keepA - memberA) | 0;
  sumB = (keepB - memberB) | 0;
}

// Module-level callbacks (not closures) so that walking a Map or Set allocates nothing.
function walkMapEntry(value: unknown, key: unknown): void {
  const wasRecording = recording;
  recording = false;
  laneA = TAG_ENTRY;
  laneB = ~TAG_ENTRY;
  walk(key);
  walk(value);
  addMember();
  recording = wasRecording;
}

function walkSetMember(member: unknown): void {
  const wasRecording = recording;
  recording = false;
  laneA = TAG_ENTRY;
  laneB = ~TAG_ENTRY;
  walk(member);
  addMember();
  recording = wasRecording;
}

/**
 * Makes `value` (a state about to be expanded) the base for the fingerprints of its successors;
 * `undefined` clears it. Only for immutable states: parts are reused by identity, so a successor
 * that mutated a shared object would go unnoticed (strict mode does not use a base).
 */
export function setFingerprintBase(value: unknown): void {
  baseActive = false;
  nodeCount = 0;
  nodeRef.length = 0;
  nodeKey.length = 0;
  if (value === undefined) return;
  recording = true;
  try {
    fingerprint(value);
    baseActive = nodeCount <= MAX_NODES;
  } catch (e) {
    if (e !== NOT_A_VALUE) throw e;
  } finally {
    recording = false;
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
  walk(value, baseActive ? 0 : -1);
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
