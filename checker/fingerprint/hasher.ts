/**
 * 64-bit fingerprints of state values: a pure function of the value, computed by walking it (no
 * string building). The same value has the same fingerprint in every thread, process and run of
 * one version; everything a `Hasher` keeps (string and key memos, the base, collection sums) is a
 * cache of that function, owned by one search.
 *
 * Every part of a value gets its own 64-bit hash (two 32-bit lanes, `a`/`b`): arrays chain their
 * items' hashes in order; records, Maps and Sets add up their entries' mixed hashes, so key order
 * and insertion order do not matter. The result is left in `hi`/`lo`, so the hot loop allocates
 * nothing. A value that is not plain immutable data — or nested deeper than `MAX_DEPTH`, or a Set
 * with two members equal in value — throws `NOT_A_VALUE`; `describeInvalidValue` then says where.
 */
import { ARRAY, BaseTree, MAP, RECORD, SCALAR, SET } from './base-tree.ts';
import { CollectionSums } from './collection-sums.ts';
import { HashList, HashSet64 } from './hash-set.ts';
import { type KeyNode, KeyTrie } from './key-trie.ts';
import {
  chainA,
  chainB,
  finalHi,
  finalLo,
  fmix,
  K1,
  K2,
  K3,
  K4,
  K5,
  TAG_ARRAY,
  TAG_BIGINT,
  TAG_FALSE,
  TAG_FLOAT,
  TAG_INT,
  TAG_MAP,
  TAG_MEMBER,
  TAG_NULL,
  TAG_RECORD,
  TAG_SET,
  TAG_TRUE,
  toBigint,
} from './mix.ts';
import { StringHashes } from './strings.ts';
import { isInterned } from '../../spec/interned.ts';

/** Thrown (a shared object, no allocation) when a value is not a state value. */
export const NOT_A_VALUE = Object.freeze({ notAValue: true as const });

/** How deeply values may nest (arrays, records, Sets, Maps): deeper ones, circular ones included, are not state values. */
export const MAX_DEPTH = 1000;

export class Hasher {
  /** The fingerprint computed last: its high and low 32 bits. */
  hi = 0;
  lo = 0;
  /** The hash of the part just walked. */
  private a = 0;
  private b = 0;
  /** A Set member's or Map entry's mixed hash; a Map key's own hash. */
  private memberA = 0;
  private memberB = 0;
  private keyA = 0;
  private keyB = 0;
  /** The members' sum of the collection being walked. */
  private sumA = 0;
  private sumB = 0;
  /** Whether every composite member of that collection is interned (then no two can be equal in value). */
  private sumCanonical = true;
  private depth = 0;
  private readonly strings = new StringHashes();
  private readonly keys = new KeyTrie(this.strings);
  private readonly floats = new Float64Array(1);
  private readonly floatWords = new Int32Array(this.floats.buffer);
  private readonly sums = new CollectionSums();
  /** Per collection nesting level: the composite members' hashes, to find two equal ones. */
  private readonly memberSets: HashSet64[] = [];
  private readonly compositeLists: HashList[] = [];
  private collectionLevel = 0;
  /** The expanded state's tree (allocated when first used). */
  private tree: BaseTree | undefined;
  private recording = false;
  private baseActive = false;
  /** Base Sets whose composite members' hashes were indexed during this expansion (node, index). */
  private readonly baseIndexed: number[] = [];
  private readonly baseIndexes: HashSet64[] = [];

  /** Fingerprints `value` into `hi`/`lo`. */
  fingerprint(value: unknown): void {
    this.sums.pendingCount = 0;
    this.depth = 0;
    this.collectionLevel = 0;
    this.walk(value, this.baseActive ? 0 : -1);
    this.hi = finalHi(this.a, this.b);
    this.lo = finalLo(this.b, this.hi);
  }

  /** The fingerprint as one bigint (for tests, messages and maps off the hot path). */
  of(value: unknown): bigint {
    this.fingerprint(value);
    return toBigint(this.hi, this.lo);
  }

  /**
   * The fingerprint of a packed state (`spec/packed.ts`): its words hashed in order, two 32-bit
   * lanes, no walk. A word that is not an integer (a hole, `undefined`, a fraction) throws
   * `NOT_A_VALUE`, as does a state of the wrong length.
   */
  words(words: readonly number[], size: number): void {
    if (words.length !== size) throw NOT_A_VALUE;
    let a = 0x6a09e667 ^ size,
      b = 0xbb67ae85;
    for (let i = 0; i < size; i++) {
      const w = words[i]!;
      if ((w | 0) !== w) throw NOT_A_VALUE;
      a = Math.imul(a ^ w, 0xcc9e2d51);
      a = (((a << 15) | (a >>> 17)) + 0xe6546b64) | 0; // `| 0` keeps both lanes small integers
      b = (Math.imul(b ^ w, K2) + a) | 0;
      b = (b << 13) | (b >>> 19);
    }
    this.hi = finalHi(a, b);
    this.lo = finalLo(b, this.hi);
  }

  /**
   * Makes `value` (a state about to be expanded) the base for the fingerprints of its successors;
   * `undefined` clears it. Only for immutable states: parts are reused by identity, so a successor
   * that mutated a shared object would go unnoticed (strict mode does not use a base).
   */
  setBase(value: unknown): void {
    this.baseActive = false;
    this.baseIndexed.length = 0;
    const tree = (this.tree ??= new BaseTree());
    tree.clear();
    this.sums.pendingCount = 0;
    if (value === undefined) return;
    this.recording = true;
    try {
      this.fingerprint(value);
      this.baseActive = tree.complete;
    } catch (e) {
      if (e !== NOT_A_VALUE) throw e;
    } finally {
      this.recording = false;
    }
  }

  /** The last fingerprint was a new state's: keep its large collections' sums for when it is expanded. */
  keepCollectionSums(): void {
    this.sums.keepPending();
  }

  // ---- the walk ------------------------------------------------------------------------------

  /** Walks a value into a/b; `b` is the base node at the same place, or -1. */
  private walk(v: unknown, at: number): void {
    const tree = this.tree;
    if (at >= 0 && tree!.ref[at] === v) {
      this.a = tree!.a[at]!;
      this.b = tree!.b[at]!;
      return;
    }
    if (typeof v === 'object' && v !== null) return this.walkComposite(v, at);
    const self = this.recording ? tree!.open(v, SCALAR) : -1;
    this.hashScalar(v);
    if (self >= 0) tree!.close(self, this.a, this.b);
  }

  /** A scalar (or null) into a/b. */
  private hashScalar(v: unknown): void {
    switch (typeof v) {
      case 'number':
        return this.hashNumber(v);
      case 'string': {
        const strings = this.strings;
        strings.hash(v);
        this.a = strings.a;
        this.b = strings.b;
        return;
      }
      case 'boolean':
        this.a = v ? TAG_TRUE : TAG_FALSE;
        this.b = ~this.a;
        return;
      case 'bigint': {
        const strings = this.strings;
        strings.hash(v.toString(16));
        this.a = strings.a ^ TAG_BIGINT;
        this.b = strings.b;
        return;
      }
      case 'object':
        this.a = TAG_NULL;
        this.b = ~TAG_NULL;
        return;
      default:
        throw NOT_A_VALUE;
    }
  }

  private hashNumber(n: number): void {
    if ((n | 0) === n) {
      this.a = n ^ TAG_INT;
      this.b = Math.imul(n, K1) ^ ~TAG_INT;
      return;
    }
    if (n - n !== 0) throw NOT_A_VALUE; // NaN or ±Infinity
    this.floats[0] = n;
    this.a = fmix((this.floatWords[0]! ^ TAG_FLOAT) + Math.imul(this.floatWords[1]!, K4));
    this.b = fmix(this.floatWords[1]! ^ Math.imul(this.a, K5));
  }

  private walkComposite(o: object, at: number): void {
    if (++this.depth > MAX_DEPTH) throw NOT_A_VALUE;
    const kind = kindOf(o);
    const tree = this.tree;
    if (at >= 0 && tree!.kind[at] !== kind) at = -1;
    const self = this.recording ? tree!.open(o, kind) : -1;
    switch (kind) {
      case ARRAY:
        this.walkArray(o as readonly unknown[], at);
        break;
      case RECORD:
        this.walkRecord(o as Record<string, unknown>, at);
        break;
      default:
        this.walkCollection(o as ReadonlySet<unknown> | ReadonlyMap<unknown, unknown>, kind, at, self);
    }
    if (self >= 0) tree!.close(self, this.a, this.b);
    this.depth--;
  }

  /**
   * Items in order: each item's hash chained into two lanes. Only the composite items of an array
   * are recorded in the base (with their index): scalar items are cheaper to hash than to look up.
   * A composite item is matched with the base's next composite item by index, or by identity
   * when items were inserted or removed before it (sorted arrays such as an actor network).
   */
  private walkArray(items: readonly unknown[], at: number): void {
    let a = TAG_ARRAY ^ items.length,
      c = ~TAG_ARRAY;
    const tree = this.tree;
    let child = at + 1;
    const end = at >= 0 ? tree!.end[at]! : 0;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (typeof item !== 'object' || item === null) {
        if (item === undefined) throw NOT_A_VALUE;
        this.hashScalar(item);
      } else {
        let match = -1;
        if (child < end) {
          const t = tree!;
          while (child < end && t.index[child]! < i && t.ref[child] !== item) child = t.end[child]!;
          if (child < end && (t.index[child] === i || t.ref[child] === item)) match = child;
        }
        const self = this.recording ? tree!.count : -1;
        this.walk(item, match);
        if (match >= 0) child = tree!.end[match]!;
        if (self >= 0 && self < tree!.ref.length) tree!.index[self] = i;
      }
      a = chainA(a, this.a);
      c = chainB(c, this.b);
    }
    this.a = a;
    this.b = c;
  }

  /** Entries summed, each its key's and value's hashes mixed: key order does not matter. */
  private walkRecord(record: Record<string, unknown>, at: number): void {
    let entriesA = 0,
      entriesB = 0,
      count = 0;
    const tree = this.tree;
    let child = at + 1;
    const end = at >= 0 ? tree!.end[at]! : 0;
    let keys: KeyNode = this.keys.root;
    const trie = this.keys;
    for (const key in record) {
      const value = record[key];
      if (value === undefined) throw NOT_A_VALUE;
      count++;
      keys = trie.after(keys, key);
      const kA = trie.a,
        kB = trie.b;
      const cb = child < end && tree!.key[child] === key ? child : -1;
      if (cb >= 0) {
        child = tree!.end[cb]!;
        if (tree!.ref[cb] === value) {
          entriesA = (entriesA + tree!.entryA[cb]!) | 0;
          entriesB = (entriesB + tree!.entryB[cb]!) | 0;
          continue;
        }
      }
      const self = this.recording ? tree!.count : -1;
      this.walk(value, cb);
      const eA = fmix((kA ^ this.a) + Math.imul(this.b, K1));
      const eB = fmix((kB ^ this.b) + Math.imul(eA, K2));
      entriesA = (entriesA + eA) | 0;
      entriesB = (entriesB + eB) | 0;
      if (self >= 0 && self < tree!.ref.length) {
        tree!.key[self] = key;
        tree!.entryA[self] = eA;
        tree!.entryB[self] = eB;
      }
    }
    this.a = entriesA ^ TAG_RECORD ^ count;
    this.b = entriesB;
  }

  // ---- Sets and Maps -------------------------------------------------------------------------

  /**
   * A Set's or Map's members summed: kept sums when there are some, else next to the base's
   * collection only the differences are hashed, else every member.
   */
  private walkCollection(
    collection: ReadonlySet<unknown> | ReadonlyMap<unknown, unknown>,
    kind: number,
    at: number,
    self: number,
  ): void {
    const size = collection.size;
    const keeping = this.baseActive || this.recording;
    const kept = at < 0 && keeping ? this.sums.kept(collection, size) : undefined;
    this.collectionLevel++;
    if (kept !== undefined) {
      this.sumA = kept.a;
      this.sumB = kept.b;
      this.sumCanonical = kept.canonical;
    } else {
      if (kind === SET) {
        if (at < 0) this.sumSet(collection as ReadonlySet<unknown>);
        else this.sumSetDelta(collection as ReadonlySet<unknown>, at);
      } else if (at < 0) this.sumMap(collection as ReadonlyMap<unknown, unknown>);
      else this.sumMapDelta(collection as ReadonlyMap<unknown, unknown>, at);
      if (keeping) this.sums.remember(collection, size, this.sumA, this.sumB, this.sumCanonical);
    }
    this.collectionLevel--;
    if (self >= 0) {
      this.tree!.sumA[self] = this.sumA;
      this.tree!.sumB[self] = this.sumB;
      this.tree!.canonical[self] = this.sumCanonical ? 1 : 0;
    }
    const tag = kind === SET ? TAG_SET : TAG_MAP;
    this.a = this.sumA ^ tag ^ size;
    this.b = this.sumB ^ tag;
  }

  /**
   * Every member. Two composite members equal in value are not a Set; only when some composite
   * member is not interned can that happen, and only then are their hashes compared.
   */
  private sumSet(set: ReadonlySet<unknown>): void {
    let sumA = 0,
      sumB = 0,
      canonical = true;
    const composites = this.compositeHashes();
    composites.count = 0;
    for (const member of set) {
      this.hashMember(member);
      sumA = (sumA + this.memberA) | 0;
      sumB = (sumB + this.memberB) | 0;
      if (typeof member !== 'object' || member === null) continue;
      if (canonical && !isInterned(member)) canonical = false;
      composites.push(this.memberA, this.memberB);
    }
    if (!canonical && composites.count > 1) this.requireDistinct(composites);
    this.sumA = sumA;
    this.sumB = sumB;
    this.sumCanonical = canonical;
  }

  private requireDistinct(hashes: HashList): void {
    const seen = this.memberSet();
    seen.clear();
    for (let i = 0; i < hashes.count; i++) if (!seen.add(hashes.a[i]!, hashes.b[i]!)) throw NOT_A_VALUE;
  }

  /** The composite members' hashes of the Set being summed at this nesting level. */
  private compositeHashes(): HashList {
    return (this.compositeLists[this.collectionLevel] ??= new HashList());
  }

  /**
   * Next to the base's Set: the base's sum, plus the members it gained, minus those it lost.
   * Copies keep insertion order: both Sets are read in step while they agree, the rest by
   * look-ups. A gained composite member must not equal (in value) a member kept or gained: when
   * the base's composite members and the gained ones are all interned, none can.
   */
  private sumSetDelta(set: ReadonlySet<unknown>, at: number): void {
    const base = this.tree!.ref[at] as ReadonlySet<unknown>;
    let sumA = this.tree!.sumA[at]!,
      sumB = this.tree!.sumB[at]!;
    let canonical = this.tree!.canonical[at] === 1;
    const inBase = base.values();
    let next = inBase.next();
    let diverged = false;
    let gained: unknown[] | undefined;
    for (const member of set) {
      if (!diverged) {
        if (!next.done && next.value === member) {
          next = inBase.next();
          continue;
        }
        diverged = true;
      }
      if (base.has(member)) continue;
      this.hashMember(member);
      sumA = (sumA + this.memberA) | 0;
      sumB = (sumB + this.memberB) | 0;
      if (typeof member === 'object' && member !== null) {
        (gained ??= []).push(member);
        if (!canonical || !isInterned(member)) canonical = false;
      }
    }
    let lost: unknown[] | undefined;
    for (; !next.done; next = inBase.next()) {
      const member = next.value;
      if (set.has(member)) continue;
      this.hashMember(member);
      sumA = (sumA - this.memberA) | 0;
      sumB = (sumB - this.memberB) | 0;
      if (typeof member === 'object' && member !== null) (lost ??= []).push(member);
    }
    if (gained !== undefined && !canonical) this.requireDistinctGains(at, gained, lost);
    this.sumA = sumA;
    this.sumB = sumB;
    this.sumCanonical = canonical;
  }

  /** Throws when a gained composite member equals, in value, a kept base member or another gained one. */
  private requireDistinctGains(at: number, gained: readonly unknown[], lost: readonly unknown[] | undefined): void {
    const inBase = this.baseMemberIndex(at);
    const lostHashes = lost?.map((m) => this.memberHash(m));
    const seen = this.memberSet();
    seen.clear();
    for (const member of gained) {
      this.hashMember(member);
      const a = this.memberA,
        b = this.memberB;
      if (!seen.add(a, b)) throw NOT_A_VALUE;
      if (inBase.has(a, b) && !lostHashes?.some(([la, lb]) => la === a && lb === b)) throw NOT_A_VALUE;
    }
  }

  private memberHash(member: unknown): [number, number] {
    this.hashMember(member);
    return [this.memberA, this.memberB];
  }

  /** The composite members' hashes of the base Set at node `at` (indexed once per expansion). */
  private baseMemberIndex(at: number): HashSet64 {
    const known = this.baseIndexed.indexOf(at);
    if (known >= 0) return this.baseIndexes[known]!;
    const slot = this.baseIndexed.length;
    const index = (this.baseIndexes[slot] ??= new HashSet64());
    index.clear();
    for (const member of this.tree!.ref[at] as ReadonlySet<unknown>) {
      if (typeof member !== 'object' || member === null) continue;
      this.hashMember(member);
      index.add(this.memberA, this.memberB);
    }
    this.baseIndexed.push(at);
    return index;
  }

  /** Every entry; two composite keys equal in value are not a Map. */
  private sumMap(map: ReadonlyMap<unknown, unknown>): void {
    let sumA = 0,
      sumB = 0;
    let seen: HashSet64 | undefined;
    for (const [key, value] of map) {
      this.hashEntry(key, value);
      sumA = (sumA + this.memberA) | 0;
      sumB = (sumB + this.memberB) | 0;
      if (typeof key !== 'object' || key === null) continue;
      if (seen === undefined) {
        seen = this.memberSet();
        seen.clear();
      }
      if (!seen.add(this.keyA, this.keyB)) throw NOT_A_VALUE;
    }
    this.sumA = sumA;
    this.sumB = sumB;
    this.sumCanonical = true; // Maps check every key when one is gained (rare); the flag is for Sets
  }

  /** An entry is unchanged when its key maps to the very same value in both Maps. */
  private sumMapDelta(map: ReadonlyMap<unknown, unknown>, at: number): void {
    const base = this.tree!.ref[at] as ReadonlyMap<unknown, unknown>;
    let sumA = this.tree!.sumA[at]!,
      sumB = this.tree!.sumB[at]!;
    let newCompositeKey = false;
    for (const [key, value] of map) {
      if (sameEntry(base, key, value)) continue;
      this.hashEntry(key, value);
      sumA = (sumA + this.memberA) | 0;
      sumB = (sumB + this.memberB) | 0;
      if (typeof key === 'object' && key !== null && !base.has(key)) newCompositeKey = true;
    }
    for (const [key, value] of base) {
      if (sameEntry(map, key, value)) continue;
      this.hashEntry(key, value);
      sumA = (sumA - this.memberA) | 0;
      sumB = (sumB - this.memberB) | 0;
    }
    if (newCompositeKey) this.sumMap(map); // rare: check every key (and recompute the same sum)
    this.sumA = sumA;
    this.sumB = sumB;
    this.sumCanonical = true;
  }

  /** The hash set for the collection nesting level being walked. */
  private memberSet(): HashSet64 {
    return (this.memberSets[this.collectionLevel] ??= new HashSet64());
  }

  /** A Set member's mixed hash into memberA/B (members have no place: they are not recorded). */
  private hashMember(member: unknown): void {
    const wasRecording = this.recording;
    this.recording = false;
    this.walk(member, -1);
    this.recording = wasRecording;
    this.memberA = fmix((this.a ^ TAG_MEMBER) + Math.imul(this.b, K3));
    this.memberB = fmix(this.b + Math.imul(this.memberA, K4));
  }

  /** A Map entry's mixed hash into memberA/B, its key's own hash into keyA/B. */
  private hashEntry(key: unknown, value: unknown): void {
    const wasRecording = this.recording;
    this.recording = false;
    this.walk(key, -1);
    const kA = this.a,
      kB = this.b;
    this.walk(value, -1);
    this.recording = wasRecording;
    this.keyA = kA;
    this.keyB = kB;
    this.memberA = fmix((kA ^ this.a) + Math.imul(this.b, K3) + TAG_MAP);
    this.memberB = fmix((kB ^ this.b) + Math.imul(this.memberA, K4));
  }
}

function kindOf(o: object): number {
  if (Array.isArray(o)) return ARRAY;
  const proto: unknown = Object.getPrototypeOf(o);
  if (proto === Object.prototype || proto === null) return RECORD;
  if (o instanceof Set) return SET;
  if (o instanceof Map) return MAP;
  throw NOT_A_VALUE;
}

function sameEntry(map: ReadonlyMap<unknown, unknown>, key: unknown, value: unknown): boolean {
  return map.get(key) === value && (value !== undefined || map.has(key));
}

/** The fingerprint of a value, computed by a hasher of its own (for tests and code off the hot path). */
export function fingerprintOf(value: unknown): bigint {
  return new Hasher().of(value);
}
