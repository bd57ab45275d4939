/**
 * Object-like views over a packed layout's words: a model reads `s.tmState`, `s.rmState.get(r)`,
 * `s.msgs.has(m)` and writes a copy — `const t = s.copy(); t.tmState = 'committed';
 * t.msgs.add('commit'); return t;` — as it would records, Maps and Sets, while the checker copies,
 * hashes and stores the words (`packed.ts`). A view keeps no values of its own: each read decodes
 * its word, each write encodes into the copy's words, so a step costs one `slice()`.
 *
 * The views a model receives are read-only: writing one fails, naming the field (`copy()` first).
 * Each layout gets its own view classes, with one accessor per field on their prototype, so the
 * engine sees one shape per field and inlines the reads.
 */
import { KripkeError } from './errors.ts';
import {
  ArrayField,
  BoolField,
  EnumField,
  type Field,
  type FieldTypes,
  IntField,
  type PackedLayout,
  type Placed,
  QueueField,
  RecordField,
  SetField,
  type Words,
} from './packed.ts';

// ---- the types a model sees ----------------------------------------------------------------

/** A set field, read-only: `has`, `size`, and its members in universe order. */
export interface ReadonlySetView<T> extends Iterable<T> {
  has(member: T): boolean;
  readonly size: number;
}
export interface SetView<T> extends ReadonlySetView<T> {
  add(member: T): this;
  delete(member: T): boolean;
  clear(): void;
}

/** A queue field, read-only: its length and items from the head. */
export interface ReadonlyQueueView<V> extends Iterable<V> {
  readonly length: number;
  /** The item at `i` (0 is the head); undefined past the end. */
  at(i: number): V | undefined;
}
export interface QueueView<V> extends ReadonlyQueueView<V> {
  push(value: V): void;
  /** Removes and returns the head. */
  shift(): V | undefined;
}

/** An `arrayOf` field, read-only: one element per key, like a Map with fixed keys. */
export interface ReadonlyKeyedView<K, V> {
  get(key: K): V;
  readonly keys: readonly K[];
}
/** Elements that are single values can be set; compound ones are written through what `get` returns. */
export interface KeyedView<K, V> extends ReadonlyKeyedView<K, V> {
  set(key: K, value: V): this;
}

type Scalar<F> = F extends EnumField<infer V> ? V : F extends BoolField ? boolean : F extends IntField ? number : never;

/** How a field reads in a view: read-only, or in a copy being written (`Writable`). */
type FieldView<F, Writable extends boolean> =
  F extends EnumField<infer V>
    ? V
    : F extends BoolField
      ? boolean
      : F extends IntField
        ? number
        : F extends SetField<infer T>
          ? Writable extends true
            ? SetView<T>
            : ReadonlySetView<T>
          : F extends QueueField<infer V>
            ? Writable extends true
              ? QueueView<V>
              : ReadonlyQueueView<V>
            : F extends ArrayField<infer K, infer A>
              ? Writable extends true
                ? [Scalar<A>] extends [never]
                  ? ReadonlyKeyedView<K, FieldView<A, true>>
                  : KeyedView<K, Scalar<A>>
                : ReadonlyKeyedView<K, FieldView<A, false>>
              : F extends RecordField<infer T>
                ? Writable extends true
                  ? DraftRecordView<Placed<T>>
                  : ReadonlyRecordView<Placed<T>>
                : never;
export type ReadOf<F> = FieldView<F, false>;
export type DraftOf<F> = FieldView<F, true>;

type ScalarKeys<P> = { [K in keyof P]: [Scalar<P[K]>] extends [never] ? never : K }[keyof P];
type CompoundKeys<P> = Exclude<keyof P, ScalarKeys<P>>;

export type ReadonlyRecordView<P> = { readonly [K in keyof P]: ReadOf<P[K]> };
/** Single values are assigned (`t.tmState = 'committed'`); sets, queues and arrays are written through. */
export type DraftRecordView<P> = { -readonly [K in ScalarKeys<P>]: DraftOf<P[K]> } & {
  readonly [K in CompoundKeys<P>]: DraftOf<P[K]>;
};

/** A state of a packed spec as its functions receive it. */
export type StateView<T extends FieldTypes> = ReadonlyRecordView<Placed<T>> & {
  /** The words (what the checker hashes and stores). */
  readonly words: Words;
  /** A copy to write: the successor an action returns. */
  copy(): Draft<T>;
};
/** A copy being written; return it from an action. */
export type Draft<T extends FieldTypes> = DraftRecordView<Placed<T>> & {
  readonly words: Words;
  copy(): Draft<T>;
};

// ---- the runtime ---------------------------------------------------------------------------

/** The words behind a view and its sub-views, and whether it may be written. */
export class ViewRoot {
  /**
   * The position of the action's parameter in its domain, set for each call: a key or member
   * that is the parameter is then found by comparing, without a look-up (`ArrayField.at`).
   */
  hint: number;
  constructor(
    readonly words: number[],
    private writable: boolean,
    /** Whose views these are (a state of another layout is not this spec's): its `LayoutViews`. */
    readonly owner: object,
    hint: number,
  ) {
    this.hint = hint;
  }
  /** Ends writing: a copy once returned is a state, read-only like any other. */
  seal(): void {
    this.writable = false;
  }
  /** Fails, naming the field, unless this is a copy. */
  writing(path: string): number[] {
    if (!this.writable)
      throw new KripkeError(
        'invalid-value',
        `a state was written (field '${path}'): a model receives states read-only, and a returned copy is a state; write a new copy (const t = s.copy())`,
        { field: path },
      );
    return this.words;
  }
}

class SetPart<T> implements SetView<T> {
  // Declared, then assigned: a class field would add an initializer to each of the many
  // views made while checking.
  declare private readonly field: SetField<T>;
  declare private readonly root: ViewRoot;
  constructor(field: SetField<T>, root: ViewRoot) {
    this.field = field;
    this.root = root;
  }
  has(member: T): boolean {
    return this.field.has(this.root.words, member, this.root.hint);
  }
  get size(): number {
    return this.field.size(this.root.words);
  }
  add(member: T): this {
    this.field.add(this.root.writing(this.field.path), member, this.root.hint);
    return this;
  }
  delete(member: T): boolean {
    const words = this.root.writing(this.field.path);
    const had = this.field.has(words, member, this.root.hint);
    this.field.delete(words, member, this.root.hint);
    return had;
  }
  clear(): void {
    this.field.clear(this.root.writing(this.field.path));
  }
  [Symbol.iterator](): Iterator<T> {
    return this.field.members(this.root.words)[Symbol.iterator]();
  }
}

class QueuePart<V> implements QueueView<V> {
  declare private readonly field: QueueField<V>;
  declare private readonly root: ViewRoot;
  constructor(field: QueueField<V>, root: ViewRoot) {
    this.field = field;
    this.root = root;
  }
  get length(): number {
    return this.field.length(this.root.words);
  }
  at(i: number): V | undefined {
    return this.field.at(this.root.words, i);
  }
  push(value: V): void {
    this.field.push(this.root.writing(this.field.path), value);
  }
  shift(): V | undefined {
    const words = this.root.writing(this.field.path);
    const head = this.field.at(words, 0);
    if (head !== undefined) this.field.shift(words);
    return head;
  }
  *[Symbol.iterator](): Iterator<V> {
    const n = this.field.length(this.root.words);
    for (let i = 0; i < n; i++) yield this.field.at(this.root.words, i)!;
  }
}

/** An `arrayOf` of single values (RM states, flags, counters): elements are read and set. */
class ScalarKeyedPart<K> implements KeyedView<K, unknown> {
  declare private readonly field: ArrayField<K, ScalarField>;
  declare private readonly root: ViewRoot;
  constructor(field: ArrayField<K, ScalarField>, root: ViewRoot) {
    this.field = field;
    this.root = root;
  }
  get keys(): readonly K[] {
    return this.field.keys;
  }
  get(key: K): unknown {
    return this.field.at(key, this.root.hint).get(this.root.words);
  }
  set(key: K, value: unknown): this {
    const item = this.field.at(key, this.root.hint);
    item.set(this.root.writing(item.path), value as never);
    return this;
  }
}

/** An `arrayOf` of sets, queues or records: `get` returns the element's view, written through. */
class CompoundKeyedPart<K> implements ReadonlyKeyedView<K, unknown> {
  declare private readonly field: ArrayField<K, Field>;
  /** The view maker of each element, by position (the elements sit at different offsets). */
  declare private readonly elements: readonly ((root: ViewRoot) => unknown)[];
  declare private readonly root: ViewRoot;
  constructor(field: ArrayField<K, Field>, elements: readonly ((root: ViewRoot) => unknown)[], root: ViewRoot) {
    this.field = field;
    this.elements = elements;
    this.root = root;
  }
  get keys(): readonly K[] {
    return this.field.keys;
  }
  get(key: K): unknown {
    return this.elements[this.field.position(key, this.root.hint)]!(this.root);
  }
  set(): never {
    throw new KripkeError('invalid-value', `field '${this.field.path}': its elements are written through get(key)`, {
      field: this.field.path,
    });
  }
}

type ScalarField = EnumField<unknown> | BoolField | IntField;
const isScalar = (f: Field): f is ScalarField =>
  f instanceof EnumField || f instanceof BoolField || f instanceof IntField;

/** The accessor a record view's prototype gets for one of its fields. */
function accessor(field: Field, make: SubViews): PropertyDescriptor {
  if (isScalar(field)) {
    return {
      get(this: { root: ViewRoot }) {
        return field.get(this.root.words);
      },
      set(this: { root: ViewRoot }, value: never) {
        field.set(this.root.writing(field.path), value);
      },
    };
  }
  const sub = make(field);
  return {
    get(this: { root: ViewRoot }) {
      return sub(this.root);
    },
    set() {
      throw new KripkeError(
        'invalid-value',
        `field '${field.path}' is written through its methods (add, set, push), not assigned`,
        { field: field.path },
      );
    },
  };
}

type SubViews = (field: Field) => (root: ViewRoot) => unknown;

/** The view of a compound field: one class per record, and one element access per array. */
const subViews: SubViews = (field) => {
  if (field instanceof SetField) return (root) => new SetPart(field, root);
  if (field instanceof QueueField) return (root) => new QueuePart(field, root);
  if (field instanceof RecordField) {
    const View = recordClass(field);
    return (root) => new View(root);
  }
  if (field instanceof ArrayField) {
    const array = field as ArrayField<unknown, Field>;
    if (array.items.every(isScalar))
      return (root) => new ScalarKeyedPart(array as ArrayField<unknown, ScalarField>, root);
    const elements = array.items.every((item) => item instanceof RecordField)
      ? recordElements(array.items as readonly RecordField<FieldTypes>[])
      : array.items.map(subViews);
    return (root) => new CompoundKeyedPart(array, elements, root);
  }
  throw new KripkeError('invalid-spec', `packed layout: field '${field.path}' has no view`, { field: field.path });
};

/** A class whose instances read `record`'s fields from their root's words. */
function recordClass(record: RecordField<FieldTypes>): new (root: ViewRoot) => object {
  class RecordPart {
    declare readonly root: ViewRoot;
    constructor(root: ViewRoot) {
      this.root = root;
    }
  }
  for (const [name, field] of Object.entries(record.fields as Record<string, Field>))
    Object.defineProperty(RecordPart.prototype, name, accessor(field, subViews));
  return RecordPart;
}

/**
 * The views of an array's records: one class for them all, each instance holding its element's
 * fields, so that reading `a.get(k).f` meets one class whatever k is (a class per element, at
 * its own offsets, would make every such read site see as many classes as the array has keys).
 */
function recordElements(records: readonly RecordField<FieldTypes>[]): ((root: ViewRoot) => unknown)[] {
  const names = Object.keys(records[0]!.fields);
  class ElementPart {
    declare readonly root: ViewRoot;
    /** This element's fields, in `names`' order, and the view makers of its compound ones. */
    declare readonly fields: readonly Field[];
    declare readonly subs: readonly (((root: ViewRoot) => unknown) | undefined)[];
    constructor(
      root: ViewRoot,
      fields: readonly Field[],
      subs: readonly (((root: ViewRoot) => unknown) | undefined)[],
    ) {
      this.root = root;
      this.fields = fields;
      this.subs = subs;
    }
  }
  names.forEach((name, k) => {
    const scalar = isScalar(records[0]!.fields[name] as Field);
    Object.defineProperty(ElementPart.prototype, name, scalar ? elementScalar(k) : elementCompound(k));
  });
  return records.map((record) => {
    const fields = names.map((name) => record.fields[name] as Field);
    const subs = fields.map((f) => (isScalar(f) ? undefined : subViews(f)));
    return (root: ViewRoot) => new ElementPart(root, fields, subs);
  });
}

type Element = {
  readonly root: ViewRoot;
  readonly fields: readonly Field[];
  readonly subs: readonly (((root: ViewRoot) => unknown) | undefined)[];
};

function elementScalar(k: number): PropertyDescriptor {
  return {
    get(this: Element) {
      return (this.fields[k] as ScalarField).get(this.root.words);
    },
    set(this: Element, value: never) {
      const field = this.fields[k] as ScalarField;
      field.set(this.root.writing(field.path), value);
    },
  };
}

function elementCompound(k: number): PropertyDescriptor {
  return {
    get(this: Element) {
      return this.subs[k]!(this.root);
    },
    set(this: Element) {
      const path = this.fields[k]!.path;
      throw new KripkeError(
        'invalid-value',
        `field '${path}' is written through its methods (add, set, push), not assigned`,
        {
          field: path,
        },
      );
    },
  };
}

/** The views of one layout: states read from words, and blank copies to write `init`'s states. */
export class LayoutViews<T extends FieldTypes> {
  private readonly State: new (
    words: number[],
    writable: boolean,
    hint: number,
  ) => ViewRoot & StateView<T>;
  constructor(readonly layout: PackedLayout<T>) {
    const owner = this;
    class State extends ViewRoot {
      constructor(words: number[], writable: boolean, hint: number) {
        super(words, writable, owner, hint);
      }
      get root(): ViewRoot {
        return this;
      }
      copy(): State {
        return new State(this.words.slice(), true, this.hint);
      }
    }
    for (const [name, field] of Object.entries(layout.fields as Record<string, Field>))
      Object.defineProperty(State.prototype, name, accessor(field, subViews));
    // The class has the fields' accessors on its prototype, which its declared type cannot name.
    this.State = State as unknown as new (words: number[], writable: boolean, hint: number) => ViewRoot & StateView<T>;
  }
  /** The state these words hold, read-only (the words are not copied: they must not change). */
  read(words: Words): StateView<T> {
    return this.readForStep(words);
  }
  /** The same, with the root's `hint` to set for each action call (`define-packed.ts`). */
  readForStep(words: Words): ViewRoot & StateView<T> {
    return new this.State(words as number[], false, 0);
  }
  /** A copy to write whose every word is 0: enums at their first value, numbers 0, sets and queues empty. */
  blank(): Draft<T> {
    return new this.State(this.layout.blank(), true, 0) as unknown as Draft<T>;
  }
  /** Whether `value` is a state of this layout's views. */
  owns(value: unknown): value is ViewRoot & StateView<T> {
    return value instanceof ViewRoot && value.owner === this;
  }
}

export const viewsOf = <T extends FieldTypes>(layout: PackedLayout<T>): LayoutViews<T> => new LayoutViews(layout);

/** The views of a layout's states: `type State = StateViewOf<typeof layout>`. */
export type StateViewOf<L> = L extends PackedLayout<infer T> ? StateView<T> : never;
