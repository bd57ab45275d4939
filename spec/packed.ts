/**
 * Packed state layouts: a state as a flat array of small integers ("words"), described once by
 * a schema — SPIN's state vector, with named, typed fields. Opt-in, for models at the edge of
 * what fits: copying a packed state is one `slice()`, and the checker hashes its words directly
 * instead of walking objects, so such a model checks several times faster than the same
 * protocol written with records, Sets and Maps.
 *
 * ```ts
 * const layout = packedLayout({
 *   tm: oneOf(['init', 'committed', 'aborted']),
 *   rm: arrayOf(['r1', 'r2'], oneOf(['working', 'prepared', 'committed', 'aborted'])),
 *   prepared: setOf(['r1', 'r2']),
 * });
 * const { tm, rm, prepared } = layout.fields;
 * // an action: copy, write through the fields, return
 * next: (s, r) => { if (rm.at(r).get(s) !== 'working') return undefined;
 *                   const t = s.slice(); rm.at(r).set(t, 'prepared'); prepared.add(t, r); return t; }
 * ```
 *
 * A spec declares `layout` (`defineSpec({ layout, … })`); its states are then `Words`, traces
 * show them decoded into named fields, and every write is checked (an unknown enum value, a full
 * queue, a number that is not a small integer fail with the field's name). Fields take a word
 * each, or less in a `bitArrayOf`, whose small elements share words: fewer words, cheaper states.
 */
import { KripkeError } from './errors.ts';

/** A packed state: read it through its layout's fields; copy with `slice()` before writing. */
export type Words = readonly number[];

/** Words hold small integers (V8 keeps arrays of them unboxed); sets use 30 bits per word. */
const SET_BITS = 30;
const SMALL_INT = 2 ** 30;
/** Up to this many values, a value's position is found by comparing, not by a hash look-up. */
const SCAN_AT_MOST = 8;

/** A field's type: how many words it takes, and its accessor once placed at an offset. */
export interface FieldType<A> {
  readonly width: number;
  place(offset: number, path: string): A;
  /** Types smaller than a word (`oneOf`, `bool`, small `setOf`): their bits, and placement at a bit. */
  readonly bits?: number;
  placeBits?(offset: number, shift: number, path: string): A;
}

/** What every placed field can do: decode itself for people (traces, the explorer). */
export interface Field {
  readonly path: string;
  readonly offset: number;
  readonly width: number;
  decode(s: Words): unknown;
}

/** A value as an error message shows it (records as JSON, not `[object Object]`). */
function shown(value: unknown): string {
  if (typeof value !== 'object' || value === null) return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function fail(path: string, why: string): KripkeError {
  return new KripkeError('invalid-value', `packed field '${path}': ${why}`, { field: path });
}

function indexOf<T>(values: readonly T[]): Map<T, number> {
  const index = new Map<T, number>();
  values.forEach((v, i) => {
    if (index.has(v)) throw new KripkeError('invalid-spec', `packed layout: the value ${shown(v)} is listed twice`);
    index.set(v, i);
  });
  return index;
}

/**
 * Where each of a fixed list of values sits. In the list 0, 1, …, n-1 each number is its own
 * position. Otherwise a look-up first compares with a guess — the caller's `hint` (the action
 * parameter's position, when the list is its domain), then the position after the last one
 * found, so a loop in list order finds each by comparing — and only then hashes.
 */
class Positions<T> {
  private readonly index: Map<T, number>;
  private next = 0;
  /** Whether the values are 0, 1, …, n-1 (process ids): each number is its own position. */
  private readonly numbered: boolean;
  constructor(private readonly values: readonly T[]) {
    this.index = indexOf(values);
    this.numbered = values.every((v, i) => v === i);
  }
  find(value: T, hint: number): number | undefined {
    const { values } = this;
    if (this.numbered && typeof value === 'number') return values[value] === value ? value : undefined;
    if (hint < values.length && values[hint] === value) return hint;
    const next = this.next;
    if (next < values.length && values[next] === value) {
      this.next = next + 1;
      return next;
    }
    const i = this.index.get(value);
    if (i !== undefined) this.next = i + 1;
    return i;
  }
}

// ---- one-word fields -----------------------------------------------------------------------

/** One of a fixed list of values (strings, numbers, interned records), stored as its position. */
export class EnumField<V> implements Field {
  readonly width = 1;
  private readonly index: Map<V, number>;
  /** Its bits within the word: all of them, or `bitsFor(values)` from `shift` in a shared word. */
  private readonly mask: number;
  readonly shift: number;
  /** How many bits hold its code. */
  readonly bits: number;
  constructor(
    readonly values: readonly V[],
    readonly offset: number,
    readonly path: string,
    shift?: number,
  ) {
    this.index = indexOf(values);
    this.shift = shift ?? 0;
    this.bits = shift === undefined ? SET_BITS : bitsFor(values.length);
    this.mask = (2 ** this.bits - 1) | 0;
  }
  get(s: Words): V {
    return this.values[(s[this.offset]! >>> this.shift) & this.mask]!;
  }
  set(out: number[], value: V): void {
    this.write(out, this.code(value));
  }
  /** The stored position in `values`, for hot code that compares codes instead of values. */
  getCode(s: Words): number {
    return (s[this.offset]! >>> this.shift) & this.mask;
  }
  setCode(out: number[], code: number): void {
    if (!(code >= 0 && code < this.values.length && (code | 0) === code))
      throw fail(this.path, `${code} is not a code of ${this.values.length} values`);
    this.write(out, code);
  }
  private write(out: number[], code: number): void {
    out[this.offset] = (out[this.offset]! & ~(this.mask << this.shift)) | (code << this.shift);
  }
  /** The stored number of `value`. */
  code(value: V): number {
    // A few values: comparing identities is faster than hashing (string literals are interned).
    const { values } = this;
    if (values.length <= SCAN_AT_MOST) {
      for (let i = 0; i < values.length; i++) if (values[i] === value) return i;
    }
    const code = this.index.get(value);
    if (code === undefined) throw fail(this.path, `${shown(value)} is not one of ${this.values.map(shown).join(', ')}`);
    return code;
  }
  decode(s: Words): unknown {
    return this.get(s);
  }
}

/** An integer within ±2^30, in a word of its own: `int()`. */
export class IntField implements Field {
  readonly width = 1;
  constructor(
    readonly offset: number,
    readonly path: string,
  ) {}
  get(s: Words): number {
    return s[this.offset]!;
  }
  set(out: number[], value: number): void {
    if (!Number.isInteger(value) || value >= SMALL_INT || value < -SMALL_INT)
      throw fail(this.path, `${value} is not an integer within ±2^30`);
    out[this.offset] = value;
  }
  decode(s: Words): unknown {
    return this.get(s);
  }
}

/** Declared bounds of an integer field, both included (`min` defaults to 0). */
export interface IntBounds {
  readonly min?: number;
  readonly max: number;
}

/**
 * An integer within declared bounds, `int({ min, max })`: stored as `value - min` in the bits
 * that hold the range, so bounded integers (clocks, counters, ballots) can share a word
 * (`bitArrayOf`). Writing a value outside the bounds stops the check, naming the field.
 */
export class BoundedIntField extends IntField {
  readonly min: number;
  readonly max: number;
  /** How many bits hold `value - min`. */
  readonly bits: number;
  private readonly mask: number;
  constructor(
    bounds: IntBounds,
    offset: number,
    path: string,
    readonly shift = 0,
  ) {
    super(offset, path);
    this.min = bounds.min ?? 0;
    this.max = bounds.max;
    this.bits = boundedBits(bounds);
    this.mask = (1 << this.bits) - 1;
  }
  override get(s: Words): number {
    return ((s[this.offset]! >>> this.shift) & this.mask) + this.min;
  }
  override set(out: number[], value: number): void {
    if (!Number.isInteger(value) || value > this.max || value < this.min)
      throw fail(this.path, `${value} is not an integer within the field's bounds ${this.min}..${this.max}`);
    out[this.offset] = (out[this.offset]! & ~(this.mask << this.shift)) | ((value - this.min) << this.shift);
  }
}

function boundedBits({ min = 0, max }: IntBounds): number {
  if (!Number.isInteger(min) || !Number.isInteger(max) || max < min || min < -SMALL_INT || max >= SMALL_INT)
    throw new KripkeError(
      'invalid-spec',
      `packed layout: int({ min: ${min}, max: ${max} }) needs integers min <= max within ±2^30`,
    );
  const bits = bitsFor(max - min + 1);
  if (bits > SET_BITS)
    throw new KripkeError(
      'invalid-spec',
      `packed layout: int({ min: ${min}, max: ${max} }) spans more than 2^30 values; use int()`,
    );
  return bits;
}

export class BoolField implements Field {
  readonly width = 1;
  /** Its bit within the word (0 unless it shares the word: `bitArrayOf`). */
  constructor(
    readonly offset: number,
    readonly path: string,
    readonly shift = 0,
  ) {}
  get(s: Words): boolean {
    return ((s[this.offset]! >>> this.shift) & 1) === 1;
  }
  set(out: number[], value: boolean): void {
    const word = out[this.offset]! & ~(1 << this.shift);
    out[this.offset] = value ? word | (1 << this.shift) : word;
  }
  decode(s: Words): unknown {
    return this.get(s);
  }
}

// ---- sets ----------------------------------------------------------------------------------

/** A subset of a fixed universe, one bit per member (members read back in universe order). */
export class SetField<T> implements Field {
  readonly width: number;
  private readonly positions: Positions<T>;
  /** The set's bits in each of its words (a small set may share its word: `bitArrayOf`). */
  private readonly own: number;
  constructor(
    readonly universe: readonly T[],
    readonly offset: number,
    readonly path: string,
    readonly shift = 0,
  ) {
    this.positions = new Positions(universe);
    this.width = setWidth(universe.length);
    this.own = this.width === 1 ? ((2 ** universe.length - 1) << shift) | 0 : -1;
  }
  /** `hint`: where `member` may be in the universe (see `position`). */
  has(s: Words, member: T, hint = 0): boolean {
    return this.hasAt(s, this.position(member, hint));
  }
  add(out: number[], member: T, hint = 0): void {
    this.addAt(out, this.position(member, hint));
  }
  delete(out: number[], member: T, hint = 0): void {
    this.deleteAt(out, this.position(member, hint));
  }
  size(s: Words): number {
    let n = 0;
    for (let w = 0; w < this.width; w++) n += bitCount(s[this.offset + w]! & this.own);
    return n;
  }
  isEmpty(s: Words): boolean {
    for (let w = 0; w < this.width; w++) if ((s[this.offset + w]! & this.own) !== 0) return false;
    return true;
  }
  /** The members, in universe order. */
  members(s: Words): T[] {
    const found: T[] = [];
    for (let i = 0; i < this.universe.length; i++) if (this.hasAt(s, i)) found.push(this.universe[i]!);
    return found;
  }
  /** The word and the bit within it of the universe member at `i`. */
  bitOf(i: number): readonly [word: number, bit: number] {
    const b = this.shift + i;
    return [this.offset + ((b / SET_BITS) | 0), b % SET_BITS];
  }
  /** Whether the universe member at `i` is in the set (for loops over the universe). */
  hasAt(s: Words, i: number): boolean {
    const b = this.shift + i;
    return (s[this.offset + ((b / SET_BITS) | 0)]! & (1 << (b % SET_BITS))) !== 0;
  }
  /** Adds the universe member at `i` (no look-up: for loops over the universe). */
  addAt(out: number[], i: number): void {
    const b = this.shift + i;
    const w = this.offset + ((b / SET_BITS) | 0);
    out[w] = out[w]! | (1 << (b % SET_BITS));
  }
  deleteAt(out: number[], i: number): void {
    const b = this.shift + i;
    const w = this.offset + ((b / SET_BITS) | 0);
    out[w] = out[w]! & ~(1 << (b % SET_BITS));
  }
  clear(out: number[]): void {
    for (let w = 0; w < this.width; w++) out[this.offset + w] = out[this.offset + w]! & ~this.own;
  }
  /**
   * The position of `member` in the universe. `hint` is where it may be (the position of the
   * action's parameter, when the universe is its domain): a comparison instead of a look-up.
   */
  position(member: T, hint = 0): number {
    const i = this.positions.find(member, hint);
    if (i === undefined) throw fail(this.path, `${shown(member)} is not in the set's universe`);
    return i;
  }
  decode(s: Words): unknown {
    return new Set(this.members(s));
  }
}

function setWidth(members: number): number {
  return Math.max(1, Math.ceil(members / SET_BITS));
}

/** The bits that hold a position among `count` values. */
function bitsFor(count: number): number {
  return Math.max(1, Math.ceil(Math.log2(count)));
}

function bitCount(w: number): number {
  w -= (w >>> 1) & 0x55555555;
  w = (w & 0x33333333) + ((w >>> 2) & 0x33333333);
  return Math.imul((w + (w >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

// ---- queues --------------------------------------------------------------------------------

/**
 * A FIFO queue of up to `capacity` values. When its length and items fit in 30 bits (a few small
 * messages: a bounded channel) it takes one word — or shares one, in `bitArrayOf` — as
 * `length | item0 << lengthBits | item1 << …`; otherwise a length word, then a word per item.
 * Freed slots are zeroed either way: equal queues, equal words.
 */
export class QueueField<V> implements Field {
  readonly width: number;
  private readonly item: EnumField<V>;
  /** Whether the queue sits in bits of one word (from `shift`). */
  private readonly packed: boolean;
  private readonly lengthBits: number;
  private readonly itemBits: number;
  private readonly itemMask: number;
  constructor(
    values: readonly V[],
    readonly capacity: number,
    readonly offset: number,
    readonly path: string,
    /** Where its bits start, when it is packed into one word. */
    readonly firstBit?: number,
  ) {
    this.packed = firstBit !== undefined;
    this.width = this.packed ? 1 : 1 + capacity;
    this.item = new EnumField(values, offset + 1, path);
    this.lengthBits = bitsFor(capacity + 1);
    this.itemBits = bitsFor(values.length);
    this.itemMask = (1 << this.itemBits) - 1;
  }
  length(s: Words): number {
    return this.packed ? (s[this.offset]! >>> this.firstBit!) & ((1 << this.lengthBits) - 1) : s[this.offset]!;
  }
  /** The item at position `i` (0 is the head); undefined past the end. */
  at(s: Words, i: number): V | undefined {
    return i < this.length(s) ? this.item.values[this.codeAt(s, i)] : undefined;
  }
  push(out: number[], value: V): void {
    const n = this.length(out);
    if (n === this.capacity)
      throw fail(this.path, `the queue is full (capacity ${this.capacity}); give it a larger capacity in the layout`);
    this.write(out, n, this.item.code(value));
    this.setLength(out, n + 1);
  }
  /** Removes the head (the queue must not be empty). */
  shift(out: number[]): void {
    const n = this.length(out);
    if (n === 0) throw fail(this.path, 'shift on an empty queue');
    for (let i = 0; i < n - 1; i++) this.write(out, i, this.codeAt(out, i + 1));
    this.write(out, n - 1, 0);
    this.setLength(out, n - 1);
  }
  decode(s: Words): unknown {
    const items: V[] = [];
    for (let i = 0; i < this.length(s); i++) items.push(this.at(s, i)!);
    return items;
  }
  /** The values its items are codes of. */
  get values(): readonly V[] {
    return this.item.values;
  }
  /** Where its length sits: a word, and its bits from `shift` (32: the whole word). */
  lengthSlot(): { word: number; shift: number; bits: number } {
    return this.packed
      ? { word: this.offset, shift: this.firstBit!, bits: this.lengthBits }
      : { word: this.offset, shift: 0, bits: 32 };
  }
  /** Where its item at position `i` sits. */
  itemSlot(i: number): { word: number; shift: number; bits: number } {
    return this.packed
      ? { word: this.offset, shift: this.firstBit! + this.lengthBits + i * this.itemBits, bits: this.itemBits }
      : { word: this.offset + 1 + i, shift: 0, bits: 32 };
  }
  private codeAt(s: Words, i: number): number {
    if (!this.packed) return s[this.offset + 1 + i]!;
    return (s[this.offset]! >>> (this.firstBit! + this.lengthBits + i * this.itemBits)) & this.itemMask;
  }
  private write(out: number[], i: number, code: number): void {
    if (!this.packed) {
      out[this.offset + 1 + i] = code;
      return;
    }
    const at = this.firstBit! + this.lengthBits + i * this.itemBits;
    out[this.offset] = (out[this.offset]! & ~(this.itemMask << at)) | (code << at);
  }
  private setLength(out: number[], n: number): void {
    if (!this.packed) {
      out[this.offset] = n;
      return;
    }
    const mask = ((1 << this.lengthBits) - 1) << this.firstBit!;
    out[this.offset] = (out[this.offset]! & ~mask) | (n << this.firstBit!);
  }
}

/** The bits of a queue packed into a word, or undefined when it needs more than one word's 30. */
function queueBits(capacity: number, values: number): number | undefined {
  const bits = bitsFor(capacity + 1) + capacity * bitsFor(values);
  return bits <= SET_BITS ? bits : undefined;
}

// ---- composites ----------------------------------------------------------------------------

/** One field per key (processes, resource managers): `field.at(key)`. */
export class ArrayField<K, A extends Field> implements Field {
  readonly width: number;
  /** The element fields, in key order. */
  readonly items: readonly A[];
  private readonly positions: Positions<K>;
  /** Elements share words (`bitArrayOf`), `perWord` to a word. */
  readonly sharesWords: boolean;
  constructor(
    readonly keys: readonly K[],
    item: FieldType<A>,
    readonly offset: number,
    readonly path: string,
    shareWords = false,
  ) {
    const name = (k: K) => `${path}[${String(k)}]`;
    this.sharesWords = shareWords;
    if (shareWords) {
      const { bits, perWord } = sharing(item);
      this.width = Math.ceil(keys.length / perWord);
      this.items = keys.map((k, i) => item.placeBits!(offset + Math.floor(i / perWord), (i % perWord) * bits, name(k)));
    } else {
      this.width = keys.length * item.width;
      this.items = keys.map((k, i) => item.place(offset + i * item.width, name(k)));
    }
    this.positions = new Positions(keys);
  }
  /** The element for `key`; `hint` is where it may be (see `SetField.position`). */
  at(key: K, hint = 0): A {
    return this.items[this.position(key, hint)]!;
  }
  /** The position of `key` among the keys. */
  position(key: K, hint = 0): number {
    const i = this.positions.find(key, hint);
    if (i === undefined) throw fail(this.path, `no element for key ${shown(key)}`);
    return i;
  }
  decode(s: Words): unknown {
    const numbered = this.keys.every((k, i) => k === i);
    if (numbered) return this.items.map((f) => f.decode(s));
    return Object.fromEntries(this.keys.map((k, i) => [String(k), this.items[i]!.decode(s)]));
  }
}

export type FieldTypes = Readonly<Record<string, FieldType<Field>>>;
export type Placed<T extends FieldTypes> = { readonly [K in keyof T]: T[K] extends FieldType<infer A> ? A : never };

/** Named fields side by side: `field.fields.name`. */
export class RecordField<T extends FieldTypes> implements Field {
  readonly width: number;
  readonly fields: Placed<T>;
  constructor(
    types: T,
    readonly offset: number,
    readonly path: string,
  ) {
    let at = offset;
    const placed: Record<string, Field> = {};
    for (const [name, type] of Object.entries(types)) {
      if (typeof type?.place !== 'function')
        throw new KripkeError(
          'invalid-spec',
          `packed layout: field '${join(path, name)}' is not a field type (use oneOf, int, bool, setOf, queueOf, arrayOf, record)`,
        );
      placed[name] = type.place(at, join(path, name));
      at += type.width;
    }
    this.width = at - offset;
    this.fields = placed as Placed<T>;
  }
  decode(s: Words): Record<string, unknown> {
    return Object.fromEntries(
      Object.entries(this.fields as Record<string, Field>).map(([name, f]) => [name, f.decode(s)]),
    );
  }
}

const join = (path: string, name: string) => (path === '' ? name : `${path}.${name}`);

// ---- the schema constructors ---------------------------------------------------------------

export const oneOf = <const V>(values: readonly V[]): FieldType<EnumField<V>> => {
  if (values.length === 0) throw new KripkeError('invalid-spec', 'packed layout: oneOf needs at least one value');
  indexOf(values); // duplicates are reported where the layout is written
  return {
    width: 1,
    place: (offset, path) => new EnumField(values, offset, path),
    bits: bitsFor(values.length),
    placeBits: (offset, shift, path) => new EnumField(values, offset, path, shift),
  };
};
/** An integer: a word of its own within ±2^30, or, given bounds, the bits of its range (it may share a word). */
export const int = (bounds?: IntBounds): FieldType<IntField> => {
  if (bounds === undefined) return { width: 1, place: (offset, path) => new IntField(offset, path) };
  const bits = boundedBits(bounds);
  return {
    width: 1,
    place: (offset, path) => new BoundedIntField(bounds, offset, path),
    bits,
    placeBits: (offset, shift, path) => new BoundedIntField(bounds, offset, path, shift),
  };
};
export const bool = (): FieldType<BoolField> => ({
  width: 1,
  place: (offset, path) => new BoolField(offset, path),
  bits: 1,
  placeBits: (offset, shift, path) => new BoolField(offset, path, shift),
});
export const setOf = <T>(universe: readonly T[]): FieldType<SetField<T>> => {
  indexOf(universe);
  const small = universe.length <= SET_BITS;
  return {
    width: setWidth(universe.length),
    place: (offset, path) => new SetField(universe, offset, path),
    ...(small
      ? {
          bits: Math.max(1, universe.length),
          placeBits: (offset: number, shift: number, path: string) => new SetField(universe, offset, path, shift),
        }
      : {}),
  };
};
/** A FIFO queue of up to `capacity` of `values`: one word when it fits in 30 bits (`QueueField`). */
export const queueOf = <V>(capacity: number, values: readonly V[]): FieldType<QueueField<V>> => {
  if (!Number.isInteger(capacity) || capacity < 1)
    throw new KripkeError('invalid-spec', `packed layout: queueOf needs a capacity of at least 1 (got ${capacity})`);
  if (values.length === 0) throw new KripkeError('invalid-spec', 'packed layout: queueOf needs at least one value');
  indexOf(values);
  const bits = queueBits(capacity, values.length);
  if (bits === undefined)
    return { width: 1 + capacity, place: (offset, path) => new QueueField(values, capacity, offset, path) };
  return {
    width: 1,
    place: (offset, path) => new QueueField(values, capacity, offset, path, 0),
    bits,
    placeBits: (offset, shift, path) => new QueueField(values, capacity, offset, path, shift),
  };
};
export const arrayOf = <K, A extends Field>(keys: readonly K[], item: FieldType<A>): FieldType<ArrayField<K, A>> => {
  indexOf(keys);
  return { width: keys.length * item.width, place: (offset, path) => new ArrayField(keys, item, offset, path) };
};
/**
 * Like `arrayOf`, for elements smaller than a word (`oneOf`, `bool`, `setOf` of at most 30):
 * they share words, as many to a word as fit in its 30 bits. Fewer words make a state cheaper to
 * copy, hash and keep queued.
 */
export const bitArrayOf = <K, A extends Field>(keys: readonly K[], item: FieldType<A>): FieldType<ArrayField<K, A>> => {
  indexOf(keys);
  const { perWord } = sharing(item);
  return {
    width: Math.ceil(keys.length / perWord),
    place: (offset, path) => new ArrayField(keys, item, offset, path, true),
  };
};

function sharing(item: FieldType<unknown>): { bits: number; perWord: number } {
  if (item.bits === undefined || item.placeBits === undefined) {
    throw new KripkeError(
      'invalid-spec',
      'packed layout: bitArrayOf needs elements smaller than a word (oneOf, bool, int with bounds, setOf of at most 30 members, or a queueOf that fits in 30 bits)',
    );
  }
  return { bits: item.bits, perWord: Math.floor(SET_BITS / item.bits) };
}
export const record = <T extends FieldTypes>(types: T): FieldType<RecordField<T>> => ({
  width: Object.values(types).reduce((n, t) => n + t.width, 0),
  place: (offset, path) => new RecordField(types, offset, path),
});

/** What the checker needs from a layout: the word count, and how to show a state to people. */
export interface StateLayout {
  readonly size: number;
  decode(s: Words): unknown;
  /** The field a word belongs to (for error messages). */
  fieldAt(word: number): string;
}

export class PackedLayout<T extends FieldTypes> implements StateLayout {
  readonly size: number;
  readonly fields: Placed<T>;
  private readonly root: RecordField<T>;
  constructor(types: T) {
    this.root = new RecordField(types, 0, '');
    this.size = this.root.width;
    this.fields = this.root.fields;
  }
  /** A state with every word 0: enums at their first value, numbers 0, sets and queues empty. */
  blank(): number[] {
    return new Array<number>(this.size).fill(0);
  }
  decode(s: Words): Record<string, unknown> {
    return this.root.decode(s);
  }
  /**
   * This layout with states shown by `decode` instead of field by field: for a packed port of
   * an object model, whose states should read (and save, and replay) exactly as the object
   * model's. `decode` must tell different words apart: it is what saved files and pictures show.
   */
  shownAs(decode: (s: Words) => unknown): StateLayout {
    return { size: this.size, decode, fieldAt: (word) => this.fieldAt(word) };
  }
  fieldAt(word: number): string {
    let found = '';
    const visit = (f: Field) => {
      if (word < f.offset || word >= f.offset + f.width) return;
      found = f.path || found;
      if (f instanceof RecordField) Object.values(f.fields as Record<string, Field>).forEach(visit);
      else if (f instanceof ArrayField && !f.sharesWords) f.items.forEach(visit);
    };
    visit(this.root);
    return found;
  }
}

export const packedLayout = <T extends FieldTypes>(types: T): PackedLayout<T> => new PackedLayout(types);
