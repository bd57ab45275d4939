/**
 * The ids of a symmetry's groups, numbered, and what each string of a state says about them. A
 * string is read once (cached): the words that are ids become numbered slots, so renaming it, or
 * hashing it as renamed, costs a loop over its slots instead of a regular expression and a string
 * built per renaming. Words are runs of letters, digits and `_`; an id is a whole word.
 */

/** A renaming: the new number of every id, by id number (a permutation within each group). */
export type Image = Int32Array;

/** One string, read: the text between id slots, the slots, and hashes that renaming cannot change. */
export interface Text {
  readonly text: string;
  /** The text before, between and after the slots: `between[0] slot0 between[1] … slotN between[N+1]`. */
  readonly between: readonly string[];
  /** The id number in each slot, in order; empty when the string names no id. */
  readonly slots: Int32Array;
  /** Hash of the string with every id blurred to its group: equal for all renamings of it. */
  readonly shape: number;
  /** The distinct ids in the string, and for each the hash of the string with that id marked and the others blurred. */
  readonly ids: Int32Array;
  readonly marked: Int32Array;
  /**
   * The string's renamings met so far, by the ids its slots go to: reused strings are flat and
   * carry their hash, where a string built anew must be flattened and hashed again by the checker.
   */
  readonly renamings: Map<number, string>;
}

const WORDS = /([A-Za-z0-9_]+)/;
/** Distinct strings kept per symmetry; states hold few, but a model may build many. */
const CACHE_LIMIT = 100_000;

export class IdTable {
  /** Every id, by number; each group's ids are consecutive numbers. */
  readonly names: readonly string[];
  /** Each id's group. */
  readonly group: Int32Array;
  /** Each group's id numbers, in declared order. */
  readonly members: readonly Int32Array[];
  private readonly numbers = new Map<string, number>();
  private readonly unchanged: Image;
  private readonly texts = new Map<string, Text>();

  constructor(groups: readonly (readonly string[])[]) {
    this.names = groups.flat();
    this.names.forEach((id, i) => this.numbers.set(id, i));
    this.group = Int32Array.from(groups.flatMap((ids, g) => ids.map(() => g)));
    let next = 0;
    this.members = groups.map((ids) => Int32Array.from(ids, () => next++));
    this.unchanged = Int32Array.from(this.names, (_, i) => i);
  }

  get size(): number {
    return this.names.length;
  }

  /** The renaming that changes nothing. */
  identity(): Image {
    return this.unchanged.slice();
  }

  isIdentity(image: Image): boolean {
    for (let i = 0; i < image.length; i++) if (image[i] !== i) return false;
    return true;
  }

  /** The renaming as a function of words, for the text encoding. */
  renameFunction(image: Image): (word: string) => string {
    return (word) => {
      const i = this.numbers.get(word);
      return i === undefined ? word : this.names[image[i]!]!;
    };
  }

  text(text: string): Text {
    let found = this.texts.get(text);
    if (found === undefined) {
      if (this.texts.size >= CACHE_LIMIT) this.texts.clear();
      found = this.read(text);
      this.texts.set(text, found);
    }
    return found;
  }

  /** The string with every id renamed; the string itself when no id moves. */
  rename(t: Text, image: Image): string {
    const { slots, between } = t;
    let moved = false;
    let code = 0;
    for (let k = 0; k < slots.length; k++) {
      const to = image[slots[k]!]!;
      if (to !== slots[k]) moved = true;
      code = code * this.names.length + to;
    }
    if (!moved) return t.text;
    const exact = Number.isSafeInteger(code);
    const known = exact ? t.renamings.get(code) : undefined;
    if (known !== undefined) return known;
    let out = between[0]!;
    for (let k = 0; k < slots.length; k++) out += this.names[image[slots[k]!]!]! + between[k + 1]!;
    if (exact) t.renamings.set(code, out);
    return out;
  }

  private read(text: string): Text {
    const parts = text.split(WORDS);
    const between: string[] = [];
    const slots: number[] = [];
    let piece = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) {
      const id = this.numbers.get(parts[i]!);
      if (id === undefined) {
        piece += parts[i]! + parts[i + 1]!;
        continue;
      }
      between.push(piece);
      slots.push(id);
      piece = parts[i + 1]!;
    }
    between.push(piece);
    const ids = [...new Set(slots)];
    const blurred = (marked: number) =>
      between
        .map((b, k) =>
          k === 0 ? b : `${slots[k - 1] === marked ? '\u0001' : `\u0002${this.group[slots[k - 1]!]}`}${b}`,
        )
        .join('');
    return {
      text,
      between,
      slots: Int32Array.from(slots),
      shape: hashString(blurred(-1)),
      ids: Int32Array.from(ids),
      marked: Int32Array.from(ids, (id) => hashString(blurred(id))),
      renamings: new Map(),
    };
  }
}

/** 32-bit mixing (MurmurHash3's round and finaliser): hashes that equal values always share. */
export function mix(h: number, x: number): number {
  let k = Math.imul(x, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

export function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export function hashString(text: string): number {
  let h = 0x9747b28c ^ text.length;
  for (let i = 0; i < text.length; i++) h = mix(h, text.charCodeAt(i));
  return finish(h);
}
