/**
 * A small set of 64-bit hashes (two 32-bit lanes), emptied in O(1) by a generation count: used
 * to find two members of one Set (or keys of one Map) that are equal in value but not the same
 * object. Open addressing with linear probing; grows by doubling at half load.
 */
export class HashSet64 {
  private lanes = new Int32Array(32);
  private stamps = new Int32Array(16);
  private mask = 15;
  private generation = 1;
  private count = 0;

  clear(): void {
    this.count = 0;
    if (++this.generation === 0x7fffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
  }

  /** Adds (a, b); false when it was already present. */
  add(a: number, b: number): boolean {
    let slot = (a ^ Math.imul(b, 0x9e3779b1)) & this.mask;
    for (;;) {
      if (this.stamps[slot] !== this.generation) break;
      if (this.lanes[slot << 1] === a && this.lanes[(slot << 1) + 1] === b) return false;
      slot = (slot + 1) & this.mask;
    }
    this.stamps[slot] = this.generation;
    this.lanes[slot << 1] = a;
    this.lanes[(slot << 1) + 1] = b;
    if (++this.count * 2 > this.mask) this.grow();
    return true;
  }

  has(a: number, b: number): boolean {
    let slot = (a ^ Math.imul(b, 0x9e3779b1)) & this.mask;
    for (;;) {
      if (this.stamps[slot] !== this.generation) return false;
      if (this.lanes[slot << 1] === a && this.lanes[(slot << 1) + 1] === b) return true;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const { lanes, stamps, generation } = this;
    this.lanes = new Int32Array(lanes.length * 2);
    this.stamps = new Int32Array(stamps.length * 2);
    this.mask = stamps.length * 2 - 1;
    this.count = 0;
    for (let i = 0; i < stamps.length; i++)
      if (stamps[i] === generation) this.add(lanes[i << 1]!, lanes[(i << 1) + 1]!);
  }
}

/** A growable list of 64-bit hashes (two lanes), reused: `count = 0` empties it. */
export class HashList {
  a = new Int32Array(16);
  b = new Int32Array(16);
  count = 0;

  push(a: number, b: number): void {
    if (this.count === this.a.length) {
      const grownA = new Int32Array(this.count * 2),
        grownB = new Int32Array(this.count * 2);
      grownA.set(this.a);
      grownB.set(this.b);
      this.a = grownA;
      this.b = grownB;
    }
    this.a[this.count] = a;
    this.b[this.count] = b;
    this.count++;
  }
}
