/**
 * A growable Int32Array: the liveness graph keeps every per-state and per-edge fact in these, so
 * a graph of millions of edges costs a few bytes per edge instead of an object each.
 */
export class IntList {
  private data: Int32Array<ArrayBuffer>;
  length = 0;

  constructor(initialCapacity = 1024) {
    this.data = new Int32Array(Math.max(16, initialCapacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length++] = value;
  }

  /** Appends `count` zeros (a new row of bit words). */
  pushZeros(count: number): void {
    this.reserve(this.length + count);
    this.data.fill(0, this.length, this.length + count);
    this.length += count;
  }

  get(index: number): number {
    return this.data[index]!;
  }

  set(index: number, value: number): void {
    this.data[index] = value;
  }

  or(index: number, bits: number): void {
    this.data[index] = this.data[index]! | bits;
  }

  get bytes(): number {
    return this.data.byteLength;
  }

  private reserve(size: number): void {
    if (size <= this.data.length) return;
    let capacity = this.data.length;
    while (capacity < size) capacity *= 2;
    const bigger = new Int32Array(capacity);
    bigger.set(this.data.subarray(0, this.length));
    this.data = bigger;
  }
}
