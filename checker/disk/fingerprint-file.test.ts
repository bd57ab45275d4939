/**
 * The sorted fingerprint file against a Set: merges (of a batch cut into runs, some empty) keep every fingerprint once, and a sorted
 * batch finds exactly the fingerprints present (in the merged file and in the file re-opened) — over many pages, with batches dense
 * (every page read) and sparse (most pages skipped), below the first and above the last.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FingerprintFile, PAGE } from './fingerprint-file.ts';

/** Ascending (lo, hi) pairs of the distinct given 64-bit values. */
function pairs(values: readonly bigint[]): Uint32Array {
  const sorted = new BigUint64Array([...new Set(values)]).sort();
  return new Uint32Array(sorted.buffer);
}

/** `sorted` cut into consecutive runs at the given fingerprint counts (as a table's segments are). */
function runsOf(sorted: Uint32Array, cuts: readonly number[]): Uint32Array[] {
  const n = sorted.length / 2;
  const at = [0, ...cuts.map((c) => Math.min(c, n)).sort((a, b) => a - b), n];
  return at.slice(1).map((end, i) => sorted.subarray(at[i]! * 2, end * 2));
}

const key = (words: Uint32Array, i: number) => (BigInt(words[i * 2 + 1]!) << 32n) | BigInt(words[i * 2]!);

describe('the sorted fingerprint file', () => {
  it('merges and finds exactly what a Set holds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kripke-fingerprints-test-'));
    let serial = 0;
    // Small values collide often (found), large ones spread over the whole 64-bit range.
    const value = fc.oneof(fc.bigInt({ min: 0n, max: 5000n }), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }));
    fc.assert(
      fc.property(
        fc.array(fc.array(value, { maxLength: 3 * PAGE }), { minLength: 1, maxLength: 4 }),
        fc.array(value, { maxLength: 2000 }),
        fc.array(fc.nat(3 * PAGE), { maxLength: 5 }),
        (batches, probes, cuts) => {
          let file = FingerprintFile.empty(join(dir, `f${serial++}`));
          const held = new Set<bigint>();
          for (const batch of batches) {
            const added = pairs(batch);
            file = file.merge(runsOf(added, cuts), join(dir, `f${serial++}`), added.length / 2);
            batch.forEach((v) => held.add(v));
          }
          expect(file.count).toBe(held.size);
          const reopened = FingerprintFile.open(file.path, file.count);
          const probe = pairs([...probes, ...[...held].filter((_, i) => i % 7 === 0)]);
          for (const f of [file, reopened]) {
            const found = new Uint8Array(probe.length / 2);
            f.findSorted(probe, found.length, found);
            found.forEach((hit, i) =>
              expect([key(probe, i), hit === 1]).toEqual([key(probe, i), held.has(key(probe, i))]),
            );
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
