/**
 * The base: the expanded state's tree, recorded so that its successors hash fast. Successors are
 * built by copying the expanded state and replacing a part or two, so most of a successor is the
 * base's own objects. While a state is expanded its arrays, records, Sets and Maps are recorded
 * in pre-order — each node: the value, its key under a record or index under an array, its hash,
 * its entry hash under a record, where its subtree ends, and a collection's member sum — and a
 * successor is walked alongside: a part that is the very same object as the base's part at the
 * same place reuses its hash (identity, not a WeakMap: values are immutable).
 */

export const SCALAR = 0,
  ARRAY = 1,
  RECORD = 2,
  SET = 3,
  MAP = 4;
export const MAX_NODES = 1 << 14;

export class BaseTree {
  readonly ref: unknown[] = new Array<unknown>(MAX_NODES).fill(null);
  readonly key: (string | null)[] = new Array<string | null>(MAX_NODES).fill(null);
  readonly kind = new Int8Array(MAX_NODES);
  readonly end = new Int32Array(MAX_NODES);
  readonly a = new Int32Array(MAX_NODES);
  readonly b = new Int32Array(MAX_NODES);
  /** Under an array: the item's index (only composite items are recorded). */
  readonly index = new Int32Array(MAX_NODES);
  /** Under a record: the entry's hash (key and value). */
  readonly entryA = new Int32Array(MAX_NODES);
  readonly entryB = new Int32Array(MAX_NODES);
  /** A Set or Map: the sum of its members' hashes. */
  readonly sumA = new Int32Array(MAX_NODES);
  readonly sumB = new Int32Array(MAX_NODES);
  /** A Set: 1 when every composite member is interned. */
  readonly canonical = new Uint8Array(MAX_NODES);
  count = 0;

  /** Starts a node; its index, or -1 once the tree is full (the rest is hashed without a base). */
  open(value: unknown, kind: number): number {
    const at = this.count++;
    if (at >= MAX_NODES) return -1;
    this.ref[at] = value;
    this.key[at] = null;
    this.kind[at] = kind;
    this.end[at] = at + 1;
    return at;
  }

  /** Ends a node: its hash, and where its subtree ends. */
  close(at: number, a: number, b: number): void {
    this.a[at] = a;
    this.b[at] = b;
    this.end[at] = Math.min(this.count, MAX_NODES);
  }

  /** Whether the whole state fit (a partial tree is not used as a base). */
  get complete(): boolean {
    return this.count <= MAX_NODES;
  }

  /** Starts recording again (old references are overwritten as the next tree is recorded). */
  clear(): void {
    this.count = 0;
  }
}
