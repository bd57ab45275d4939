/**
 * Symmetry reduction over a packed layout's words: `layoutPermutations(layout, { rms: RMS })` is
 * the `symmetry` of a packed spec (or of `definePackedSpec`) whose ids are interchangeable, as
 * TLC's `SYMMETRY Permutations(RM)`. A renaming of ids is compiled once, at definition time, into
 * moves of codes between the layout's bit slots: an array's element for key r1 goes to r2's place,
 * a set's member `prepared:r1` to `prepared:r2`'s bit, an enum's code for r1 to r2's code. A
 * state's representative is the least of its images under every renaming (words compared in
 * order), so it is exact: one class, one representative. Ids are renamed in values as `permutations`
 * renames them (whole strings, and words inside strings and records: `symmetry-encoding.ts`).
 *
 * Every renaming is tried (n! for n ids, as TLC does), so this suits a few ids (up to 8 in all).
 */
import { KripkeError } from './errors.ts';
import {
  ArrayField,
  BoolField,
  BoundedIntField,
  EnumField,
  type Field,
  type FieldTypes,
  IntField,
  type PackedLayout,
  QueueField,
  RecordField,
  SetField,
  type Words,
} from './packed.ts';
import { canonicalEncoding, type Rename, renameValue } from './symmetry-encoding.ts';
import type { SymmetryGroups } from './symmetry.ts';

/** At most this many renamings (8!): beyond, the check would spend its time renaming. */
const MOST_RENAMINGS = 40_320;

/** Where a code sits: a word, and its bits from `shift` (`bits` 32: the whole word, any integer). */
interface Slot {
  readonly word: number;
  readonly shift: number;
  readonly bits: number;
}
/** A code read at `from`, mapped through `map` (undefined: unchanged), written at `to`. */
interface Move {
  readonly from: Slot;
  readonly to: Slot;
  readonly map?: readonly number[];
}

const WHOLE_WORD = 32;

/** The representative of a packed state under renamings of interchangeable ids. */
export class LayoutSymmetry {
  /**
   * Each renaming as instructions of six numbers per move, ordered by the word they write — from
   * word, from shift, mask (-1: the whole word), to word, to shift, the move's value map in `maps`
   * (-1: none) — and where each word's moves start, so an image is built word by word.
   */
  private readonly renamings: readonly { readonly code: Int32Array; readonly starts: Int32Array }[];
  private readonly maps: Int32Array;
  constructor(
    private readonly size: number,
    renamings: readonly (readonly Move[])[],
  ) {
    const maps: number[] = [];
    this.renamings = renamings.map((unordered) => {
      const moves = [...unordered].sort((a, b) => a.to.word - b.to.word);
      const code = new Int32Array(moves.length * 6);
      const starts = new Int32Array(size + 1);
      moves.forEach((m, i) => {
        const mask = m.from.bits === WHOLE_WORD ? -1 : 2 ** m.from.bits - 1;
        code.set([m.from.word, m.from.shift, mask, m.to.word, m.to.shift], i * 6);
        code[i * 6 + 5] = m.map === undefined ? -1 : maps.push(...m.map) - m.map.length;
      });
      for (let w = 0, i = 0; w <= size; w++) {
        while (i < moves.length && moves[i]!.to.word < w) i++;
        starts[w] = i * 6;
      }
      return { code, starts };
    });
    this.maps = Int32Array.from(maps);
  }

  /**
   * The least image of `s` under every renaming, words compared from the first. An image is built
   * word by word and dropped at the first word greater than the least so far: most renamings
   * are dropped after a word or two.
   */
  representative(s: Words): Words {
    const { size, maps } = this;
    let best: number[] | undefined;
    const image = new Array<number>(size).fill(0);
    for (const { code, starts } of this.renamings) {
      // -1: less than the best so far (or the first), 0: equal so far
      let order = best === undefined ? -1 : 0;
      for (let w = 0; w < size && order <= 0; w++) {
        let word = 0;
        for (let at = starts[w]!; at < starts[w + 1]!; at += 6) {
          const mask = code[at + 2]!;
          let value = mask === -1 ? s[code[at]!]! : (s[code[at]!]! >>> code[at + 1]!) & mask;
          const map = code[at + 5]!;
          if (map >= 0) value = maps[map + value]!;
          word = mask === -1 ? value : word | (value << code[at + 4]!);
        }
        image[w] = word;
        if (order === 0 && word !== best![w]) order = word < best![w]! ? -1 : 1;
      }
      if (order < 0) best = image.slice();
    }
    return best ?? s;
  }
}

export function layoutPermutations<T extends FieldTypes>(
  layout: PackedLayout<T>,
  groups: SymmetryGroups,
): LayoutSymmetry {
  const renames = renamingsOf(groups);
  const root = Object.values(layout.fields as Record<string, Field>);
  return new LayoutSymmetry(
    layout.size,
    renames.map((rename) => root.flatMap((f) => moves(f, f, rename))),
  );
}

/** Every renaming of each group's ids among themselves, the groups together (the identity first). */
function renamingsOf(groups: SymmetryGroups): Rename[] {
  const lists = Object.entries(groups).map(([name, ids]) => {
    if (!Array.isArray(ids) || ids.length === 0)
      throw new KripkeError('invalid-spec', `symmetry group '${name}' must be a non-empty array of ids`, {
        field: `symmetry.${name}`,
      });
    return ids;
  });
  const total = lists.reduce((n, ids) => n * factorial(ids.length), 1);
  if (total > MOST_RENAMINGS)
    throw new KripkeError(
      'invalid-spec',
      `symmetry over a packed layout tries every renaming, and these groups have ${total}; at most ${MOST_RENAMINGS} (8 ids)`,
      { field: 'symmetry' },
    );
  let renamings: Map<string, string>[] = [new Map()];
  for (const ids of lists) {
    const next: Map<string, string>[] = [];
    for (const order of orderings(ids))
      for (const before of renamings) next.push(new Map([...before, ...ids.map((id, i) => [id, order[i]!] as const)]));
    renamings = next;
  }
  return renamings.map((table) => (word: string) => table.get(word) ?? word);
}

function factorial(n: number): number {
  return n <= 1 ? 1 : n * factorial(n - 1);
}

function orderings<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((first, i) =>
    orderings([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [first, ...rest]),
  );
}

/** The moves that carry field `from`'s codes, renamed, into `to` (the same type, elsewhere). */
function moves(from: Field, to: Field, rename: Rename): Move[] {
  if (from instanceof EnumField) {
    const e = to as EnumField<unknown>;
    return [{ from: enumSlot(from), to: enumSlot(e), map: valueMap(from.values, rename, from.path) }];
  }
  if (from instanceof BoolField) {
    const b = to as BoolField;
    return [
      { from: { word: from.offset, shift: from.shift, bits: 1 }, to: { word: b.offset, shift: b.shift, bits: 1 } },
    ];
  }
  if (from instanceof BoundedIntField) {
    const i = to as BoundedIntField;
    return [{ from: boundedSlot(from), to: boundedSlot(i) }];
  }
  if (from instanceof IntField)
    return [
      { from: { word: from.offset, shift: 0, bits: WHOLE_WORD }, to: { word: to.offset, shift: 0, bits: WHOLE_WORD } },
    ];
  if (from instanceof SetField) {
    const set = to as SetField<unknown>;
    const position = indexer(from.universe, from.path, 'member');
    return from.universe.map((member, i) => ({
      from: setBit(from, i),
      to: setBit(set, position(renameValue(member, rename))),
    }));
  }
  if (from instanceof QueueField) {
    const queue = to as QueueField<unknown>;
    const map = valueMap(from.values, rename, from.path);
    // An empty slot holds code 0: renaming must leave it 0, or equal queues would differ.
    if (map[0] !== 0)
      throw new KripkeError(
        'invalid-spec',
        `symmetry over a packed layout: queue '${from.path}' has ids in its first value, ${shown(from.values[0])}; list a value without ids first`,
        { field: from.path },
      );
    return [
      { from: from.lengthSlot(), to: queue.lengthSlot() },
      ...Array.from({ length: from.capacity }, (_, i) => ({ from: from.itemSlot(i), to: queue.itemSlot(i), map })),
    ];
  }
  if (from instanceof ArrayField) {
    const array = to as ArrayField<unknown, Field>;
    const position = indexer(from.keys, from.path, 'key');
    return from.items.flatMap((item, i) =>
      moves(item, array.items[position(renameValue(from.keys[i], rename))]!, rename),
    );
  }
  if (from instanceof RecordField) {
    const record = to as RecordField<FieldTypes>;
    const fields = record.fields as Record<string, Field>;
    return Object.entries(from.fields as Record<string, Field>).flatMap(([name, f]) => moves(f, fields[name]!, rename));
  }
  throw new KripkeError('invalid-spec', `symmetry over a packed layout: field '${from.path}' has a custom type`, {
    field: from.path,
  });
}

const enumSlot = (f: EnumField<unknown>): Slot => ({ word: f.offset, shift: f.shift, bits: f.bits });
const boundedSlot = (f: BoundedIntField): Slot => ({ word: f.offset, shift: f.shift, bits: f.bits });
function setBit(set: SetField<unknown>, i: number): Slot {
  const [word, shift] = set.bitOf(i);
  return { word, shift, bits: 1 };
}

/** By value — records by their content, not identity — the position among `values`. */
function indexer(values: readonly unknown[], path: string, what: string): (value: unknown) => number {
  const same: Rename = (w) => w;
  const index = new Map(values.map((v, i) => [canonicalEncoding(v, same), i]));
  return (value) => {
    const i = index.get(canonicalEncoding(value, same));
    if (i === undefined)
      throw new KripkeError(
        'invalid-spec',
        `symmetry: renaming ids turns a ${what} of field '${path}' into ${shown(value)}, which is not among its ${what}s`,
        { field: path },
      );
    return i;
  };
}

const shown = (value: unknown): string =>
  typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);

/** code → the code of the renamed value. */
function valueMap(values: readonly unknown[], rename: Rename, path: string): number[] {
  const position = indexer(values, path, 'value');
  return values.map((v) => position(renameValue(v, rename)));
}
