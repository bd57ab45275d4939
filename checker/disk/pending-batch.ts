/**
 * Fingerprints the disk store could not yet decide, with what makes each a state if it turns out
 * new (parent, position, the action that found it, its place in the next level), in the order
 * found. `resolve` sorts a copy of the fingerprints, looks them all up in the file in one pass
 * and reports each, in the order found, as new or seen.
 */
import type { FingerprintFile } from './fingerprint-file.ts';

/** Bytes per entry: fingerprint 8, parent 4, position 4, action 2, push 4; sorting 8 and a found flag 1. */
const ENTRY_BYTES = 31;

export class PendingBatch {
  private readonly prints: Uint32Array;
  private readonly parents: Int32Array;
  private readonly choices: Int32Array;
  private readonly actions: Uint16Array;
  private readonly pushes: Int32Array;
  /** Scratch for `resolve`, kept so that a batch allocates nothing after it is made. */
  private readonly sorting: BigUint64Array;
  private readonly found: Uint8Array;
  private count = 0;

  constructor(private readonly capacity: number) {
    this.prints = new Uint32Array(capacity * 2);
    this.parents = new Int32Array(capacity);
    this.choices = new Int32Array(capacity);
    this.actions = new Uint16Array(capacity);
    this.pushes = new Int32Array(capacity);
    this.sorting = new BigUint64Array(capacity);
    this.found = new Uint8Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  get isFull(): boolean {
    return this.count === this.capacity;
  }

  get bytes(): number {
    return this.capacity * ENTRY_BYTES;
  }

  /** Adds an entry; returns its index. */
  add(hi: number, lo: number, parent: number, choice: number, action: number): number {
    const k = this.count++;
    this.prints[k * 2] = lo;
    this.prints[k * 2 + 1] = hi;
    this.parents[k] = parent;
    this.choices[k] = choice;
    this.actions[k] = action;
    this.pushes[k] = -1;
    return k;
  }

  setPush(k: number, push: number): void {
    this.pushes[k] = push;
  }

  link(k: number): { parent: number; choice: number } {
    return { parent: this.parents[k]!, choice: this.choices[k]! };
  }

  push(k: number): number {
    const push = this.pushes[k]!;
    if (push < 0) throw new Error(`internal: pending state ${k} was never pushed`);
    return push;
  }

  action(k: number): number {
    return this.actions[k]!;
  }

  /** Reports every entry, in the order added, as in the file or not, then empties the batch. */
  resolve(file: FingerprintFile, report: (k: number, inFile: boolean) => void): void {
    const n = this.count;
    if (n === 0) return;
    const sorted = this.sorting.subarray(0, n);
    const words = new Uint32Array(sorted.buffer, 0, n * 2);
    words.set(this.prints.subarray(0, n * 2));
    sorted.sort();
    const { found } = this;
    file.findSorted(words, n, found);
    const seen = onlyFound(words, n, found);
    for (let k = 0; k < n; k++) report(k, contains(seen, this.prints[k * 2 + 1]!, this.prints[k * 2]!));
    this.count = 0;
  }
}

/** The sorted fingerprints marked found, still sorted. */
function onlyFound(words: Uint32Array, n: number, found: Uint8Array): Uint32Array {
  let m = 0;
  for (let i = 0; i < n; i++) m += found[i]!;
  const out = new Uint32Array(m * 2);
  for (let i = 0, j = 0; i < n; i++) {
    if (found[i] === 0) continue;
    out[j++] = words[i * 2]!;
    out[j++] = words[i * 2 + 1]!;
  }
  return out;
}

/** Binary search of (hi, lo) among ascending (lo, hi) pairs. */
function contains(sorted: Uint32Array, hi: number, lo: number): boolean {
  let low = 0,
    high = sorted.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const h = sorted[mid * 2 + 1]!,
      l = sorted[mid * 2]!;
    if (h === hi && l === lo) return true;
    if (h !== hi ? h < hi : l < lo) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}
