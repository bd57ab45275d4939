/**
 * The walks over a state that symmetry reduction needs, on the ids of an `IdTable`:
 * - `signatures`: for every id, a hash of where it occurs (the path from the root, with every id
 *   on it blurred to its group, and the occurrence with this id marked and the others blurred),
 *   summed over its occurrences. Renaming carries each id's occurrences along unchanged, so an id
 *   and its image under a renaming get equal signatures.
 * - `hashUnder`: a hash of the state renamed, computed without building it; equal renamed values
 *   hash equal whatever their key or insertion order (Sets, Maps and records sum their entries).
 *   `blur` (image `null`) is the same with every id blurred to its group.
 * - `renamedEquals`: whether the state renamed is exactly another value.
 * - `renamed`: the renamed value itself, sharing every part that no renaming changes.
 */
import { finish, type IdTable, type Image, mix, type Text } from './symmetry-texts.ts';

// biome-ignore lint/suspicious/noConstEnum: the tags inline as numbers on the hashing hot path; the enum never leaves this file
const enum Tag {
  Null = 1,
  True,
  False,
  Int,
  Float,
  BigInt,
  Str,
  Arr,
  Set,
  Map,
  Rec,
  Index,
  Member,
  MapKey,
  MapValue,
  KeyOf,
  Field,
}

export class Walks {
  private readonly float = new Float64Array(1);
  private readonly floatWords = new Int32Array(this.float.buffer);
  private readonly inverse: Image;
  private inverseFor: Image | undefined;

  constructor(private readonly ids: IdTable) {
    this.inverse = ids.identity();
  }

  /** Adds every id's occurrences in `value` (at `path`) into `sig`, indexed by id number. */
  signatures(value: unknown, sig: Int32Array, path = 0): void {
    if (typeof value === 'string') return this.note(this.ids.text(value), path, sig);
    if (typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) this.signatures(value[i], sig, mix(mix(path, Tag.Index), i));
    } else if (value instanceof Set) {
      const at = mix(path, Tag.Member);
      for (const member of value) this.signatures(member, sig, at);
    } else if (value instanceof Map) {
      for (const [k, v] of value) {
        this.signatures(k, sig, mix(mix(path, Tag.MapKey), this.hashUnder(v, null)));
        this.signatures(v, sig, mix(mix(path, Tag.MapValue), this.hashUnder(k, null)));
      }
    } else {
      const record = value as Record<string, unknown>;
      for (const key in record) {
        const t = this.ids.text(key);
        if (t.ids.length > 0) this.note(t, mix(mix(path, Tag.KeyOf), this.hashUnder(record[key], null)), sig);
        this.signatures(record[key], sig, mix(mix(path, Tag.Field), t.shape));
      }
    }
  }

  private note(t: Text, path: number, sig: Int32Array): void {
    for (let i = 0; i < t.ids.length; i++) {
      const id = t.ids[i]!;
      sig[id] = (sig[id]! + finish(mix(path, t.marked[i]!))) | 0;
    }
  }

  /** A hash of `value` renamed by `image`, or with every id blurred to its group (`null`). */
  hashUnder(value: unknown, image: Image | null): number {
    switch (typeof value) {
      case 'string':
        return this.hashText(this.ids.text(value), image);
      case 'number':
        return this.hashNumber(value);
      case 'boolean':
        return value ? Tag.True : Tag.False;
      case 'bigint':
        return mix(Tag.BigInt, this.hashText(this.ids.text(String(value)), null));
      case 'object':
        return value === null ? Tag.Null : this.hashObject(value, image);
      default:
        return 0; // not a state value: the fingerprint of the representative reports it
    }
  }

  private hashText(t: Text, image: Image | null): number {
    if (image === null || t.slots.length === 0) return mix(Tag.Str, t.shape);
    let h = mix(Tag.Str, t.shape);
    for (let k = 0; k < t.slots.length; k++) h = mix(h, image[t.slots[k]!]!);
    return finish(h);
  }

  private hashNumber(value: number): number {
    if ((value | 0) === value) return finish(mix(Tag.Int, value)); // -0 too: one value with 0, as in the text encoding
    if (Number.isNaN(value)) return Tag.Float; // NaN, whatever its bits
    this.float[0] = value;
    return finish(mix(mix(Tag.Float, this.floatWords[0]!), this.floatWords[1]!));
  }

  private hashObject(value: object, image: Image | null): number {
    if (Array.isArray(value)) {
      let h = mix(Tag.Arr, value.length);
      for (const item of value) h = mix(h, this.hashUnder(item, image));
      return finish(h);
    }
    let sum = 0;
    if (value instanceof Set) {
      for (const member of value) sum = (sum + finish(this.hashUnder(member, image))) | 0;
      return finish(mix(mix(Tag.Set, value.size), sum));
    }
    if (value instanceof Map) {
      for (const [k, v] of value) sum = (sum + finish(mix(this.hashUnder(k, image), this.hashUnder(v, image)))) | 0;
      return finish(mix(mix(Tag.Map, value.size), sum));
    }
    const record = value as Record<string, unknown>;
    let size = 0;
    for (const key in record) {
      sum = (sum + finish(mix(this.hashText(this.ids.text(key), image), this.hashUnder(record[key], image)))) | 0;
      size++;
    }
    return finish(mix(mix(Tag.Rec, size), sum));
  }

  /** Whether `value` renamed by `image` is exactly `other` (as the text encoding compares values). */
  renamedEquals(value: unknown, other: unknown, image: Image): boolean {
    if (typeof value === 'string')
      return typeof other === 'string' && this.ids.rename(this.ids.text(value), image) === other;
    if (typeof value === 'number')
      return typeof other === 'number' && (value === other || (Number.isNaN(value) && Number.isNaN(other)));
    if (typeof value !== 'object' || value === null) return value === other;
    if (typeof other !== 'object' || other === null) return false;
    if (Array.isArray(value)) {
      if (!Array.isArray(other) || other.length !== value.length) return false;
      for (let i = 0; i < value.length; i++) if (!this.renamedEquals(value[i], other[i], image)) return false;
      return true;
    }
    if (value instanceof Set)
      return other instanceof Set && other.size === value.size && this.setRenamedEquals(value, other, image);
    if (value instanceof Map)
      return other instanceof Map && other.size === value.size && this.mapRenamedEquals(value, other, image);
    if (Array.isArray(other) || other instanceof Set || other instanceof Map) return false;
    return this.recordRenamedEquals(value as Record<string, unknown>, other as Record<string, unknown>, image);
  }

  private setRenamedEquals(value: ReadonlySet<unknown>, other: ReadonlySet<unknown>, image: Image): boolean {
    for (const member of value) {
      const found =
        typeof member === 'object' && member !== null
          ? [...other].some((o) => this.renamedEquals(member, o, image))
          : other.has(this.renamed(member, image));
      if (!found) return false;
    }
    return true;
  }

  private mapRenamedEquals(
    value: ReadonlyMap<unknown, unknown>,
    other: ReadonlyMap<unknown, unknown>,
    image: Image,
  ): boolean {
    for (const [k, v] of value) {
      if (typeof k === 'object' && k !== null) {
        if (![...other].some(([ok, ov]) => this.renamedEquals(k, ok, image) && this.renamedEquals(v, ov, image)))
          return false;
        continue;
      }
      const key = this.renamed(k, image);
      if (!other.has(key) || !this.renamedEquals(v, other.get(key), image)) return false;
    }
    return true;
  }

  private recordRenamedEquals(value: Record<string, unknown>, other: Record<string, unknown>, image: Image): boolean {
    let size = 0;
    for (const key in value) {
      const renamedKey = this.ids.rename(this.ids.text(key), image);
      if (!Object.hasOwn(other, renamedKey) || !this.renamedEquals(value[key], other[renamedKey], image)) return false;
      size++;
    }
    for (const _ in other) size--;
    return size === 0;
  }

  /** The value renamed by `image`; every part that does not change is the original, shared. */
  renamed(value: unknown, image: Image): unknown {
    if (typeof value === 'string') return this.ids.rename(this.ids.text(value), image);
    if (typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) {
      let items: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const item = this.renamed(value[i], image);
        if (item !== value[i]) items ??= value.slice(0, i);
        items?.push(item);
      }
      return items ?? value;
    }
    if (value instanceof Set) {
      let members: unknown[] | undefined;
      let i = 0;
      for (const member of value) {
        const m = this.renamed(member, image);
        if (m !== member && members === undefined) members = [...value].slice(0, i);
        members?.push(m);
        i++;
      }
      return members === undefined ? value : new Set(members);
    }
    if (value instanceof Map) {
      const entries = [...value].map(([k, v]) => [this.renamed(k, image), this.renamed(v, image)] as const);
      return entries.every(([k, v]) => value.has(k) && value.get(k) === v) ? value : new Map(entries);
    }
    return this.renamedRecord(value as Record<string, unknown>, image);
  }

  /**
   * A record whose keys the renaming only permutes (keyed by every id of a group, say) is built in
   * its own key order, each key taking the renamed value of the key that maps to it, so that the
   * representatives of a model's states keep one shape. Other records are renamed key by key.
   */
  private renamedRecord(record: Record<string, unknown>, image: Image): Record<string, unknown> {
    const inverse = this.inverseOf(image);
    const out: Record<string, unknown> = {};
    let same = true;
    for (const key in record) {
      const source = this.ids.rename(this.ids.text(key), inverse);
      if (!Object.hasOwn(record, source)) return this.renamedByKey(record, image);
      const v = source === key ? this.renamed(record[key], image) : this.renamed(record[source], image);
      if (v !== record[key]) same = false;
      out[key] = v;
    }
    return same ? record : out;
  }

  private renamedByKey(record: Record<string, unknown>, image: Image): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const key in record) out[this.ids.rename(this.ids.text(key), image)] = this.renamed(record[key], image);
    return out;
  }

  /** The inverse of the last image asked for (one image is renamed at a time). */
  private inverseOf(image: Image): Image {
    if (this.inverseFor !== image) {
      for (let i = 0; i < image.length; i++) this.inverse[image[i]!] = i;
      this.inverseFor = image;
    }
    return this.inverse;
  }
}
