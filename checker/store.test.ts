/**
 * Stores and parent links: the compact store answers new/seen exactly as a Map does, hands out
 * dense ids, and with the parent links holds at most 16 bytes per distinct state; lineages come
 * back as recorded, including successor positions beyond one byte.
 */
import { describe, expect, it } from 'vitest';
import { ParentLinks } from './parents.ts';
import { CompactStore, MapStore, TableStore } from './store.ts';

/** A reproducible stream of 32-bit words (xorshift), with repeats mixed in. */
function words(seed: number, count: number): Int32Array {
  const out = new Int32Array(count);
  let x = seed;
  for (let i = 0; i < count; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = i > 8 && (x & 7) === 0 ? out[(x >>> 4) % i]! : x;
  }
  return out;
}

describe('fingerprint stores', () => {
  it('CompactStore and TableStore agree with MapStore on new and seen, ids dense from 0', () => {
    const his = words(1, 100_000),
      los = words(7, 100_000);
    const map = new MapStore(),
      compact = new CompactStore(),
      table = new TableStore();
    let next = 0;
    const wrong: string[] = [];
    for (let i = 0; i < his.length; i++) {
      const expected = map.insert(his[i]!, los[i]!);
      const got = compact.insert(his[i]!, los[i]!);
      if (expected >= 0 ? got !== next++ : got >= 0) wrong.push(`compact #${i}: ${got}, map: ${expected}`);
      if (table.insert(his[i]!, los[i]!) !== expected) wrong.push(`table #${i}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(compact.size).toBe(map.size);
    expect(map.size).toBeGreaterThan(80_000);
    expect(compact.insert(0, 0)).toBeGreaterThanOrEqual(0); // the all-zero fingerprint is a value too
    expect(compact.insert(0, 0)).toBe(-1);
  });

  it("CompactStore's sorted runs, one after another, are its fingerprints ascending as unsigned 64-bit numbers", () => {
    const his = words(3, 50_000),
      los = words(11, 50_000);
    const store = new CompactStore();
    const held = new Set<bigint>();
    for (let i = 0; i < his.length; i++) {
      store.insert(his[i]!, los[i]!);
      held.add((BigInt(his[i]! >>> 0) << 32n) | BigInt(los[i]! >>> 0));
    }
    const listed: bigint[] = [];
    for (const run of store.sortedRuns())
      for (let k = 0; k < run.length; k += 2) listed.push((BigInt(run[k + 1]!) << 32n) | BigInt(run[k]!));
    expect(listed).toEqual([...held].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('holds at most 16 bytes per distinct state with the parent links, at every size', () => {
    const store = new CompactStore();
    const links = new ParentLinks();
    let x = 12345;
    for (let n = 1; n <= 400_000; n++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      const id = store.insert(x, Math.imul(x, 0x9e3779b1) ^ n);
      links.set(id, id - 1, 0);
      if (n >= 50_000 && n % 25_000 === 0) expect((store.bytes + links.bytes) / store.size).toBeLessThanOrEqual(16);
    }
  });
});

describe('parent links', () => {
  it('give back the lineage: initial state and successor positions, large ones too', () => {
    const links = new ParentLinks();
    links.setRoot(0, 2);
    links.set(1, 0, 3);
    links.set(2, 1, 254);
    links.set(3, 2, 255);
    links.set(70_000, 3, 100_000);
    expect(links.lineage(0)).toEqual({ init: 2, choices: [] });
    expect(links.lineage(70_000)).toEqual({ init: 2, choices: [3, 254, 255, 100_000] });
  });
});
