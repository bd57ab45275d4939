/**
 * Two ways of packing several small values into one `int()` word of a packed layout, for
 * `lamport-mutex-packed.ts`: a row of small integers (clocks, requests) and a short FIFO channel
 * of message codes. Fewer words than one per value (`arrayOf(…, int())`, `queueOf`), so a state
 * copies and hashes in fewer steps. Every write is range-checked and fails naming the field.
 */
import { KripkeError, type IntField, type Words } from '../../spec/index.ts';

/** Bits a word may use: IntField holds integers below 2^30. */
const WORD_BITS = 30;

/** The bits that hold any integer in 0..max. */
export const bitsFor = (max: number): number => Math.max(1, Math.ceil(Math.log2(max + 1)));

function requireFits(field: IntField, count: number, bits: number, what: string): void {
  if (count * bits > WORD_BITS) {
    throw new KripkeError(
      'invalid-spec',
      `packed field '${field.path}': ${count} ${what} of ${bits} bits do not fit one word (${WORD_BITS} bits)`,
      { field: field.path },
    );
  }
}

/** `count` integers in 0..2^bits - 1, value i in bits i·bits and up. */
export class SmallInts {
  private readonly max: number;
  constructor(
    readonly field: IntField,
    readonly count: number,
    private readonly bits: number,
    private readonly hint: string,
  ) {
    requireFits(field, count, bits, 'values');
    this.max = (1 << bits) - 1;
  }
  get(s: Words, i: number): number {
    return (this.field.get(s) >>> (i * this.bits)) & this.max;
  }
  set(out: number[], i: number, value: number): void {
    if (!(value >= 0 && value <= this.max)) {
      throw new KripkeError(
        'invalid-value',
        `packed field '${this.field.path}': ${value} is outside 0..${this.max}; ${this.hint}`,
        { field: this.field.path },
      );
    }
    const at = i * this.bits;
    this.field.set(out, (this.field.get(out) & ~(this.max << at)) | (value << at));
  }
  values(s: Words): number[] {
    return Array.from({ length: this.count }, (_, i) => this.get(s, i));
  }
}

/**
 * A FIFO channel of up to `capacity` message codes (0, 1, …): each code + 1 in `bits` bits, the
 * head lowest, 0 past the last message — so equal channels are equal words.
 */
export class Channel<M> {
  private readonly slot: number;
  constructor(
    readonly field: IntField,
    private readonly messages: readonly M[],
    private readonly capacity: number,
    private readonly bits: number,
  ) {
    requireFits(field, capacity, bits, 'messages');
    this.slot = (1 << bits) - 1;
  }
  /** The code of the oldest message, or -1 when empty. */
  headCode(s: Words): number {
    return (this.field.get(s) & this.slot) - 1;
  }
  /** Whether more than `n` messages are in flight. */
  longerThan(s: Words, n: number): boolean {
    return this.field.get(s) >>> (n * this.bits) !== 0;
  }
  /** Removes the head (the channel must not be empty). */
  shift(out: number[]): void {
    this.field.set(out, this.field.get(out) >>> this.bits);
  }
  push(out: number[], code: number): void {
    const w = this.field.get(out);
    let at = 0;
    while (w >>> at !== 0) at += this.bits;
    if (at === this.capacity * this.bits) {
      throw new KripkeError(
        'invalid-value',
        `packed field '${this.field.path}': the channel is full (capacity ${this.capacity})`,
        { field: this.field.path },
      );
    }
    this.field.set(out, w | ((code + 1) << at));
  }
  /** Whether every message in flight is one of `allowed` (indexed by code). */
  every(s: Words, allowed: readonly boolean[]): boolean {
    for (let w = this.field.get(s); w !== 0; w >>>= this.bits) if (!allowed[(w & this.slot) - 1]) return false;
    return true;
  }
  /** The messages, oldest first. */
  items(s: Words): M[] {
    const items: M[] = [];
    for (let w = this.field.get(s); w !== 0; w >>>= this.bits) items.push(this.messages[(w & this.slot) - 1]!);
    return items;
  }
}
