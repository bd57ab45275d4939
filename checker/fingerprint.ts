/**
 * 64-bit fingerprints of state values, computed by walking the value (no string building).
 *
 * Every part of a value gets its own 64-bit hash (two 32-bit halves), left in `hashA`/`hashB` by
 * the walk: arrays chain their items' hashes in order; records, Maps and Sets add up their
 * entries' mixed hashes, so key order and insertion order do not matter. The result is left in
 * `fingerprintHi` / `fingerprintLo`, so the hot loop allocates nothing.
 *
 * A value that is not plain immutable data throws `NOT_A_VALUE`; `describeInvalidValue` (slow,
 * off the hot path) then says what and where.
 */

/** Thrown (a shared object, no allocation) when a value is not a state value. */
export const NOT_A_VALUE = Object.freeze({ notAValue: true as const });

/** The hash of the part just walked. */
let hashA = 0;
let hashB = 0;

const K1 = 0x9e3779b1, K2 = 0x85ebca6b, K3 = 0xc2b2ae35, K4 = 0x27d4eb2f, K5 = 0x165667b1;
const TAG_NULL = 0x7feb352d, TAG_FALSE = 0x846ca68b, TAG_TRUE = 0x6c8e9cf5, TAG_INT = 0x1b873593;
const TAG_FLOAT = 0xcc9e2d51, TAG_BIGINT = 0xe6546b64, TAG_ARRAY = 0x52dce729, TAG_RECORD = 0x38495ab5;
const TAG_SET = 0x3c6ef372, TAG_MAP = 0xa54ff53a, TAG_MEMBER = 0x510e527f;

const floatView = new Float64Array(1);
const floatWords = new Int32Array(floatView.buffer);

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, K2);
  h ^= h >>> 13;
  h = Math.imul(h, K3);
  return h ^ (h >>> 16);
}

/** Mixes (a, b) into a well-spread pair in hashA/hashB. */
function finish(a: number, b: number): void {
  hashA = fmix(a + Math.imul(b, K4));
  hashB = fmix(b ^ Math.imul(hashA, K5));
}

// ---- strings -------------------------------------------------------------------------------

// A string's hash, left in strA/strB. Short strings (object keys, enum-like values) recur in
// every state: their hashes are cached, since a Map look-up (V8 keeps each string's own hash)
// is cheaper than walking the characters. Bounded.
let strA = 0;
let strB = 0;
const CACHED_LENGTH = 40;
const CACHE_ENTRIES = 1 << 14;
const cacheSlot = new Map<string, number>();
const cachedA = new Int32Array(CACHE_ENTRIES);
const cachedB = new Int32Array(CACHE_ENTRIES);

function hashString(s: string): void {
  if (s.length > CACHED_LENGTH) return hashChars(s);
  const slot = cacheSlot.get(s);
  if (slot !== undefined) {
    strA = cachedA[slot]!;
    strB = cachedB[slot]!;
    return;
  }
  hashChars(s);
  if (cacheSlot.size < CACHE_ENTRIES) {
    const next = cacheSlot.size;
    cachedA[next] = strA;
    cachedB[next] = strB;
    cacheSlot.set(s, next);
  }
}

function hashChars(s: string): void {
  const n = s.length;
  let a = 0x3c6ef372 ^ n, b = 0xa54ff53a ^ Math.imul(n, K1);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const w = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
    a = Math.imul(a ^ w, 0xcc9e2d51);
    a = ((a << 15) | (a >>> 17)) + 0xe6546b64;
    b = Math.imul(b ^ w, K2);
    b = ((b << 13) | (b >>> 19)) + 0x52dce729;
  }
  if (i < n) {
    const w = s.charCodeAt(i);
    a = Math.imul(a ^ w, 0xcc9e2d51);
    b = Math.imul(b ^ w, K2);
  }
  strA = fmix(a ^ Math.imul(b, K4));
  strB = fmix(b + Math.imul(strA, K5));
}

// ---- record keys ---------------------------------------------------------------------------

/**
 * Record keys, as a trie of the key sequences met (in `for…in` order): records built by the same
 * code share a path, so a key's hash is found by comparing interned strings with the few keys
 * that followed the previous one — no string hashing, no Map look-up. Bounded; past the bound,
 * keys are hashed through the string cache.
 */
interface KeyNode {
  readonly a: number;
  readonly b: number;
  readonly keys: string[];
  readonly next: KeyNode[];
}
const KEY_ROOT: KeyNode = { a: 0, b: 0, keys: [], next: [] };
const FANOUT = 8;
const MAX_KEY_NODES = 1 << 16;
let keyNodes = 0;
/** Where keys are hashed without the trie (it is full, or a node has too many followers). */
const UNTRIED: KeyNode = { a: 0, b: 0, keys: [], next: [] };
let keyA = 0;
let keyB = 0;

/** The trie node of `key` after `at`; its hash is left in keyA/keyB. */
function keyAfter(at: KeyNode, key: string): KeyNode {
  const keys = at.keys;
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] === key) {
      const found = at.next[i]!;
      keyA = found.a;
      keyB = found.b;
      return found;
    }
  }
  hashString(key);
  keyA = strA;
  keyB = strB;
  if (keys.length >= FANOUT || keyNodes >= MAX_KEY_NODES || at === UNTRIED) return UNTRIED;
  const added: KeyNode = { a: strA, b: strB, keys: [], next: [] };
  keyNodes++;
  keys.push(key);
  at.next.push(added);
  return added;
}

// ---- the walk ------------------------------------------------------------------------------

/*
 * The base. Successors are built by copying the expanded state and replacing a part or two, so
 * most of a successor is the expanded state's own objects. While a state is expanded its tree of
 * arrays and records is recorded in pre-order (each node: the value, its key under a record, its
 * hash, its entry hash under a record, where its subtree ends), and a successor is walked
 * alongside it: a part that is the very same object (or the same scalar) as the base's part at
 * the same place reuses its hash (identity, not a WeakMap), and a Set or Map next to the base's
 * is hashed as the base's sum minus the members it lost plus the members it gained.
 */
const SCALAR = 0, ARRAY = 1, RECORD = 2, SET = 3, MAP = 4;
const MAX_NODES = 1 << 14;
const nodeRef: unknown[] = new Array<unknown>(MAX_NODES).fill(null);
const nodeKey: (string | null)[] = new Array<string | null>(MAX_NODES).fill(null);
const nodeKind = new Int8Array(MAX_NODES);
const nodeEnd = new Int32Array(MAX_NODES);
const nodeA = new Int32Array(MAX_NODES);
const nodeB = new Int32Array(MAX_NODES);
/** Under an array: the item's index (only composite items are recorded). */
const nodeIndex = new Int32Array(MAX_NODES);
/** Under a record: the entry's hash (key and value). */
const nodeEntryA = new Int32Array(MAX_NODES);
const nodeEntryB = new Int32Array(MAX_NODES);
/** A Set or Map: the sum of its members' hashes. */
const nodeSumA = new Int32Array(MAX_NODES);
const nodeSumB = new Int32Array(MAX_NODES);
let nodeCount = 0;
let recording = false;
let baseActive = false;

/** Walks a value into hashA/hashB; `b` is the base node at the same place, or -1. */
function walk(v: unknown, b: number): void {
  if (b >= 0 && nodeRef[b] === v) {
    hashA = nodeA[b]!;
    hashB = nodeB[b]!;
    return;
  }
  if (typeof v === 'object' && v !== null) return walkComposite(v, b);
  const self = recording ? recordNode(v, SCALAR) : -1;
  hashScalar(v);
  if (self >= 0) {
    nodeA[self] = hashA;
    nodeB[self] = hashB;
  }
}

/** A scalar (or null) into hashA/hashB. */
function hashScalar(v: unknown): void {
  switch (typeof v) {
    case 'number': hashNumber(v); break;
    case 'string': hashString(v); hashA = strA; hashB = strB; break;
    case 'boolean': hashA = v ? TAG_TRUE : TAG_FALSE; hashB = ~hashA; break;
    case 'bigint': hashString(v.toString(16)); hashA = strA ^ TAG_BIGINT; hashB = strB; break;
    case 'object': hashA = TAG_NULL; hashB = ~TAG_NULL; break;
    default: throw NOT_A_VALUE;
  }
}

function hashNumber(n: number): void {
  if ((n | 0) === n) {
    hashA = n ^ TAG_INT;
    hashB = Math.imul(n, K1) ^ ~TAG_INT;
    return;
  }
  if (n - n !== 0) throw NOT_A_VALUE; // NaN or ±Infinity
  floatView[0] = n;
  finish(floatWords[0]! ^ TAG_FLOAT, floatWords[1]!);
}

function recordNode(v: unknown, kind: number): number {
  const at = nodeCount++;
  if (at >= MAX_NODES) return -1;
  nodeRef[at] = v;
  nodeKey[at] = null;
  nodeKind[at] = kind;
  nodeEnd[at] = at + 1;
  return at;
}

function kindOf(o: object): number {
  if (Array.isArray(o)) return ARRAY;
  const proto: unknown = Object.getPrototypeOf(o);
  if (proto === Object.prototype || proto === null) return RECORD;
  if (o instanceof Set) return SET;
  if (o instanceof Map) return MAP;
  throw NOT_A_VALUE;
}

function walkComposite(o: object, b: number): void {
  const kind = kindOf(o);
  if (b >= 0 && nodeKind[b] !== kind) b = -1;
  const self = recording ? recordNode(o, kind) : -1;
  switch (kind) {
    case ARRAY: walkArray(o as readonly unknown[], b); break;
    case RECORD: walkRecord(o as Record<string, unknown>, b); break;
    default: walkCollection(o as ReadonlySet<unknown> | ReadonlyMap<unknown, unknown>, kind, b, self);
  }
  if (self >= 0) {
    nodeA[self] = hashA;
    nodeB[self] = hashB;
    nodeEnd[self] = nodeCount < MAX_NODES ? nodeCount : MAX_NODES;
  }
}

/**
 * Items in order: each item's hash chained into two lanes. Only the composite items of an array
 * are recorded in the base (with their index): scalar items are cheaper to hash than to look up.
 */
function walkArray(items: readonly unknown[], b: number): void {
  let a = TAG_ARRAY ^ items.length, c = ~TAG_ARRAY;
  let child = b + 1;
  const end = b >= 0 ? nodeEnd[b]! : 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (typeof item !== 'object' || item === null) {
      if (item === undefined) throw NOT_A_VALUE;
      hashScalar(item);
    } else {
      while (child < end && nodeIndex[child]! < i) child = nodeEnd[child]!;
      const self = nodeCount;
      walk(item, child < end && nodeIndex[child] === i ? child : -1);
      if (recording && self < MAX_NODES) nodeIndex[self] = i;
    }
    a = Math.imul(a ^ hashA, 0xcc9e2d51);
    a = ((a << 15) | (a >>> 17)) + 0xe6546b64;
    c = Math.imul(c ^ hashB, K2);
    c = ((c << 13) | (c >>> 19)) + 0x52dce729;
  }
  hashA = a;
  hashB = c;
}

/** Entries summed, each its key's and value's hashes mixed: key order does not matter. */
function walkRecord(record: Record<string, unknown>, b: number): void {
  let entriesA = 0, entriesB = 0, count = 0;
  let child = b + 1;
  const end = b >= 0 ? nodeEnd[b]! : 0;
  let keys = KEY_ROOT;
  for (const key in record) {
    const value = record[key];
    if (value === undefined) throw NOT_A_VALUE;
    count++;
    keys = keyAfter(keys, key);
    const cb = child < end && nodeKey[child] === key ? child : -1;
    if (cb >= 0) {
      child = nodeEnd[cb]!;
      if (nodeRef[cb] === value) {
        entriesA = (entriesA + nodeEntryA[cb]!) | 0;
        entriesB = (entriesB + nodeEntryB[cb]!) | 0;
        continue;
      }
    }
    const self = nodeCount;
    const kA = keyA, kB = keyB;
    walk(value, cb);
    const eA = fmix((kA ^ hashA) + Math.imul(hashB, K1));
    const eB = fmix((kB ^ hashB) + Math.imul(eA, K2));
    entriesA = (entriesA + eA) | 0;
    entriesB = (entriesB + eB) | 0;
    if (recording && self < MAX_NODES) {
      nodeKey[self] = key;
      nodeEntryA[self] = eA;
      nodeEntryB[self] = eB;
    }
  }
  hashA = entriesA ^ TAG_RECORD ^ count;
  hashB = entriesB;
}

// Members of Sets and Maps are hashed on their own (not recorded: they have no place).
let memberA = 0;
let memberB = 0;

function hashMember(member: unknown): void {
  const wasRecording = recording;
  recording = false;
  walk(member, -1);
  recording = wasRecording;
  memberA = fmix((hashA ^ TAG_MEMBER) + Math.imul(hashB, K3));
  memberB = fmix(hashB + Math.imul(memberA, K4));
}

function hashEntry(key: unknown, value: unknown): void {
  const wasRecording = recording;
  recording = false;
  walk(key, -1);
  const kA = hashA, kB = hashB;
  walk(value, -1);
  recording = wasRecording;
  memberA = fmix((kA ^ hashA) + Math.imul(hashB, K3) + TAG_MAP);
  memberB = fmix((kB ^ hashB) + Math.imul(memberA, K4));
}

/*
 * Sums of large Sets and Maps by identity, kept while a search hashes against a base (immutable
 * states): a state's collections were summed when it was discovered, so recording it as the base
 * later does not hash every member again. The search says which walk found a new state
 * (`keepCollectionSums`); only its collections are kept, and only those of at least LARGE members
 * (a WeakMap look-up costs about as much as hashing a few members).
 */
const LARGE = 8;
const MAX_PENDING = 64;
class Sums {
  constructor(readonly a: number, readonly b: number) {}
}
let sumCache = new WeakMap<object, Sums>();
const pendingCollections: object[] = [];
const pendingA = new Int32Array(MAX_PENDING);
const pendingB = new Int32Array(MAX_PENDING);
let pendingCount = 0;

/** Whether collection sums are kept and used: only while a search hashes against a base. */
const keepingSums = () => baseActive || recording;

function remember(collection: object, size: number): void {
  if (size < LARGE || pendingCount >= MAX_PENDING || !keepingSums()) return;
  pendingCollections[pendingCount] = collection;
  pendingA[pendingCount] = sumA;
  pendingB[pendingCount] = sumB;
  pendingCount++;
}

/** The last fingerprint was a new state's: keep its large collections' sums for when it is expanded. */
export function keepCollectionSums(): void {
  for (let i = 0; i < pendingCount; i++) sumCache.set(pendingCollections[i]!, new Sums(pendingA[i]!, pendingB[i]!));
  pendingCount = 0;
}

/** The members' sum of the Set or Map being walked, left here by the functions below. */
let sumA = 0;
let sumB = 0;

/**
 * A Set's or Map's members summed: kept sums when there are some, else next to the base's
 * collection only the differences are hashed, else every member.
 */
function walkCollection(collection: ReadonlySet<unknown> | ReadonlyMap<unknown, unknown>, kind: number, b: number, self: number): void {
  const size = collection.size;
  const kept = b < 0 && size >= LARGE && keepingSums() ? sumCache.get(collection) : undefined;
  if (kept !== undefined) {
    sumA = kept.a;
    sumB = kept.b;
  } else {
    if (kind === SET) {
      if (b < 0) sumSet(collection as ReadonlySet<unknown>);
      else sumSetDelta(collection as ReadonlySet<unknown>, b);
    } else if (b < 0) sumMap(collection as ReadonlyMap<unknown, unknown>);
    else sumMapDelta(collection as ReadonlyMap<unknown, unknown>, b);
    remember(collection, size);
  }
  if (self >= 0) {
    nodeSumA[self] = sumA;
    nodeSumB[self] = sumB;
  }
  const tag = kind === SET ? TAG_SET : TAG_MAP;
  hashA = sumA ^ tag ^ size;
  hashB = sumB ^ tag;
}

function sumSet(set: ReadonlySet<unknown>): void {
  sumA = 0;
  sumB = 0;
  for (const member of set) addMember(member, 1);
}

/** Copies keep insertion order: both Sets are read in step while they agree, the rest by look-ups. */
function sumSetDelta(set: ReadonlySet<unknown>, b: number): void {
  const base = nodeRef[b] as ReadonlySet<unknown>;
  sumA = nodeSumA[b]!;
  sumB = nodeSumB[b]!;
  const inBase = base.values();
  let next = inBase.next();
  let diverged = false;
  for (const member of set) {
    if (!diverged) {
      if (!next.done && next.value === member) {
        next = inBase.next();
        continue;
      }
      diverged = true;
    }
    if (!base.has(member)) addMember(member, 1);
  }
  for (; !next.done; next = inBase.next()) if (!set.has(next.value)) addMember(next.value, -1);
}

function sumMap(map: ReadonlyMap<unknown, unknown>): void {
  sumA = 0;
  sumB = 0;
  for (const [key, value] of map) addEntry(key, value, 1);
}

/** An entry is unchanged when its key maps to the very same value in both Maps. */
function sumMapDelta(map: ReadonlyMap<unknown, unknown>, b: number): void {
  const base = nodeRef[b] as ReadonlyMap<unknown, unknown>;
  sumA = nodeSumA[b]!;
  sumB = nodeSumB[b]!;
  for (const [key, value] of map) if (!sameEntry(base, key, value)) addEntry(key, value, 1);
  for (const [key, value] of base) if (!sameEntry(map, key, value)) addEntry(key, value, -1);
}

function sameEntry(map: ReadonlyMap<unknown, unknown>, key: unknown, value: unknown): boolean {
  return map.get(key) === value && (value !== undefined || map.has(key));
}

/** Adds (sign 1) or takes away (sign -1) a Set member's hash from the sum. */
function addMember(member: unknown, sign: number): void {
  const outerA = sumA, outerB = sumB;
  hashMember(member);
  sumA = (outerA + sign * memberA) | 0;
  sumB = (outerB + sign * memberB) | 0;
}

function addEntry(key: unknown, value: unknown, sign: number): void {
  const outerA = sumA, outerB = sumB;
  hashEntry(key, value);
  sumA = (outerA + sign * memberA) | 0;
  sumB = (outerB + sign * memberB) | 0;
}

/**
 * Makes `value` (a state about to be expanded) the base for the fingerprints of its successors;
 * `undefined` clears it. Only for immutable states: parts are reused by identity, so a successor
 * that mutated a shared object would go unnoticed (strict mode does not use a base).
 */
export function setFingerprintBase(value: unknown): void {
  baseActive = false;
  nodeCount = 0;
  pendingCount = 0;
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

/** Forgets the collection sums kept by `keepCollectionSums` (a new search starts). */
export function clearCollectionSums(): void {
  sumCache = new WeakMap();
  pendingCount = 0;
}

/** The high and low 32 bits of the last fingerprint computed. */
export let fingerprintHi = 0;
export let fingerprintLo = 0;

/** Fingerprints `value`, leaving the result in `fingerprintHi`/`fingerprintLo`. */
export function fingerprint(value: unknown): void {
  pendingCount = 0;
  walk(value, baseActive ? 0 : -1);
  fingerprintHi = fmix(hashA ^ Math.imul(hashB, K5) ^ 0x243f6a88);
  fingerprintLo = fmix(hashB + Math.imul(fingerprintHi, K1) + 0x85a308d3);
}

/** The fingerprint as one bigint, for tests and messages (not for the hot loop). */
/**
 * The fingerprint of a packed state (`spec/packed.ts`): its words hashed in order, two 32-bit
 * lanes, no walk. A word that is not an integer (a hole, `undefined`, a fraction) throws
 * `NOT_A_VALUE`, as does a state of the wrong length.
 */
export function fingerprintWords(words: readonly number[], size: number): void {
  if (words.length !== size) throw NOT_A_VALUE;
  let a = 0x6a09e667 ^ size, b = 0xbb67ae85;
  for (let i = 0; i < size; i++) {
    const w = words[i]!;
    if ((w | 0) !== w) throw NOT_A_VALUE;
    a = Math.imul(a ^ w, 0xcc9e2d51);
    a = (((a << 15) | (a >>> 17)) + 0xe6546b64) | 0; // `| 0` keeps both lanes small integers
    b = (Math.imul(b ^ w, K2) + a) | 0;
    b = (b << 13) | (b >>> 19);
  }
  fingerprintHi = fmix(a ^ Math.imul(b, K5) ^ 0x243f6a88);
  fingerprintLo = fmix(b + Math.imul(fingerprintHi, K1) + 0x85a308d3);
}

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
