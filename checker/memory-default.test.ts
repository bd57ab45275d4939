/** With no `memoryBytes`, every run has a bound: half of the machine's memory. */
import { freemem, totalmem } from 'node:os';
import { describe, expect, it } from 'vitest';
import { resolveOptions } from './options.ts';
import { defaultMemoryBytes, describeMemoryBound } from './memory.ts';
import { ring } from './parallel/fixture-spec.ts';

describe('default memory bound', () => {
  it('is half of the machine memory (or of a smaller container limit), and the given bound otherwise', () => {
    const spec = ring.instantiate({ size: 3, tokens: 1 });
    expect(defaultMemoryBytes()).toBeLessThanOrEqual(Math.floor(totalmem() / 2));
    expect(defaultMemoryBytes()).toBeGreaterThan(0);
    expect(freemem()).toBeGreaterThan(0);
    expect(resolveOptions(spec).memoryBytes).toBe(defaultMemoryBytes());
    expect(resolveOptions(spec, { memoryBytes: 2 ** 20 }).memoryBytes).toBe(2 ** 20);
  });

  it('is described as printed by kripke check', () => {
    expect(describeMemoryBound(2 ** 30, true)).toMatch(
      /^memory bound 1\.0 GB \(from --memory\); a run also stops when the JavaScript heap reaches 70% of its [\d.]+ (GB|MB) limit$/,
    );
    expect(describeMemoryBound(2 ** 33, false)).toMatch(
      /^memory bound 8\.0 GB \(default: half of the 16\.0 GB of memory; --memory to change\)/,
    );
  });
});
