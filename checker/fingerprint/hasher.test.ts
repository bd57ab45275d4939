/**
 * Fingerprints: equal for canonically equal values (key order, Set and Map insertion order do not
 * matter), different for values that differ, the same with or without the expanded state's base,
 * and NOT_A_VALUE for what is not plain immutable data.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeInvalidValue, fingerprintOf, Hasher, NOT_A_VALUE } from './index.ts';

const value = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 50 }),
    fc.boolean(),
    fc.constant(null),
    fc.bigInt(),
  ),
  node: fc.oneof(
    { depthSize: 'small' },
    tie('leaf'),
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 6 }), tie('node'), { maxKeys: 4 }),
    fc
      .uniqueArray(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.string({ maxLength: 3 })), { maxLength: 4 })
      .map((xs) => new Set(xs)),
    fc
      .uniqueArray(fc.tuple(fc.string({ maxLength: 3 }), tie('node')), { maxLength: 4, selector: ([k]) => k })
      .map((es) => new Map(es)),
  ),
})).node;

/** The same value with every object's keys and every Set's and Map's members in reverse order. */
function reordered(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reordered);
  if (v instanceof Set) return new Set([...v].reverse());
  if (v instanceof Map) return new Map([...v].reverse().map(([k, x]) => [k, reordered(x)]));
  if (typeof v === 'object' && v !== null)
    return Object.fromEntries(
      Object.entries(v)
        .reverse()
        .map(([k, x]) => [k, reordered(x)]),
    );
  return v;
}

/** A copy of `v` changed at one place chosen by `c`, sharing every other part (as actions do). */
function edit(v: unknown, c: number, fresh: unknown): unknown {
  const pick = <T>(xs: readonly T[]) => xs[c % xs.length]!;
  const deeper = Math.floor(c / 7);
  if (Array.isArray(v)) {
    if (v.length === 0) return [fresh];
    const i = c % v.length;
    return v.map((x, j) => (j === i ? edit(x, deeper, fresh) : x));
  }
  if (v instanceof Set) {
    const members = [...v];
    if (c % 3 === 0 || members.length === 0) return new Set([...v, typeof fresh === 'object' ? c : fresh]);
    const without = new Set(v);
    without.delete(pick(members));
    return c % 3 === 1 ? without : without.add(`n${c}`);
  }
  if (v instanceof Map) return new Map([...v, [`k${c % 3}`, fresh]]);
  if (typeof v === 'object' && v !== null) {
    const keys = Object.keys(v);
    if (keys.length === 0 || c % 5 === 0) return { ...v, [`k${c % 4}`]: fresh };
    const key = pick(keys);
    return { ...v, [key]: edit((v as Record<string, unknown>)[key], deeper, fresh) };
  }
  return c % 2 === 0 ? fresh : v;
}

describe('fingerprint', () => {
  it('ignores object key order and Set/Map insertion order', () => {
    fc.assert(fc.property(value, (v) => fingerprintOf(v) === fingerprintOf(reordered(v))));
    expect(fingerprintOf({ a: 1, b: new Set(['x', 'y']) })).toBe(fingerprintOf({ b: new Set(['y', 'x']), a: 1 }));
  });

  it('tells near values apart', () => {
    const near: unknown[] = [
      0,
      1,
      -1,
      1.5,
      '1',
      '',
      'a',
      'b',
      'ab',
      'ba',
      true,
      false,
      null,
      1n,
      [],
      [1],
      [1, 2],
      [2, 1],
      [[1], 2],
      [1, [2]],
      {},
      { a: 1 },
      { a: '1' },
      { b: 1 },
      { a: 1, b: 2 },
      { a: 2, b: 1 },
      new Set(),
      new Set([1]),
      new Set([1, 2]),
      new Set(['1']),
      new Map(),
      new Map([['a', 1]]),
      new Map([[1, 'a']]),
      [new Set([1])],
      { a: { b: 1 } },
      { a: { c: 1 } },
      'x'.repeat(41),
      'x'.repeat(42),
    ];
    const prints = new Set(near.map(fingerprintOf));
    expect(prints.size).toBe(near.length);
  });

  it('is the same with the expanded state as base as without (shared and replaced parts)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 4 }), value, { maxKeys: 6 }),
        value,
        fc.nat(),
        (state, replacement, pick) => {
          const keys = Object.keys(state);
          const key = keys.length ? keys[pick % keys.length]! : 'k';
          const inner = state[key];
          const successor =
            typeof inner === 'object' &&
            inner !== null &&
            !Array.isArray(inner) &&
            !(inner instanceof Set) &&
            !(inner instanceof Map)
              ? { ...state, [key]: { ...(inner as object), z: replacement } }
              : { ...state, [key]: replacement };
          const plain = fingerprintOf(successor);
          const hasher = new Hasher();
          hasher.setBase(state);
          const withBase = hasher.of(successor);
          const sameState = hasher.of(state);
          hasher.setBase(undefined);
          return withBase === plain && sameState === fingerprintOf(state);
        },
      ),
    );
  });

  it('is the same with a base for successors edited anywhere: arrays, records, Sets gaining and losing members', () => {
    fc.assert(
      fc.property(value, fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), value, (state, choices, fresh) => {
        let successor = state;
        for (const c of choices) successor = edit(successor, c, fresh);
        const plain = fingerprintOf(successor);
        const hasher = new Hasher();
        hasher.setBase(state);
        const withBase = hasher.of(successor);
        hasher.setBase(undefined);
        return withBase === plain;
      }),
      { numRuns: 500 },
    );
  });

  it('is the same along a chain of expansions that keep large Sets and Maps (their sums kept by identity)', () => {
    const large = (n: number) =>
      fc.uniqueArray(fc.oneof(fc.integer({ min: 0, max: 40 }), fc.string({ maxLength: 3 })), {
        minLength: n,
        maxLength: n + 6,
      });
    fc.assert(
      fc.property(
        large(8),
        large(8),
        fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
        value,
        (members, keys, choices, fresh) => {
          let state: unknown = {
            set: new Set(members),
            map: new Map(keys.map((k, i) => [k, i])),
            other: [new Set(members)],
          };
          const hasher = new Hasher();
          for (const c of choices) {
            const successor = edit(state, c, fresh);
            const plain = fingerprintOf(successor);
            hasher.setBase(state);
            const withBase = hasher.of(successor);
            hasher.keepCollectionSums(); // as the search does for a new state
            hasher.setBase(undefined);
            if (withBase !== plain) return false;
            state = successor;
          }
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('throws NOT_A_VALUE for what is not plain immutable data, and says where', () => {
    class Point {
      x = 1;
    }
    const bad: [unknown, string][] = [
      [{ a: undefined }, '$.a is undefined (use null, or leave the key out)'],
      [[1, Number.NaN], '$[1] is NaN (only finite numbers are state values)'],
      [{ f: () => 1 }, '$.f is a function (states hold data only)'],
      [{ p: new Point() }, '$.p is an instance of Point (use plain objects, arrays, Map or Set)'],
      [new Set([Symbol('s')]), '$<member> is a symbol (states hold data only)'],
    ];
    const hasher = new Hasher();
    for (const [v, where] of bad) {
      expect(() => hasher.fingerprint(v)).toThrow(expect.objectContaining({ notAValue: true }));
      expect(describeInvalidValue(v)).toBe(where);
    }
    expect(() => hasher.fingerprint(Infinity)).toThrow(expect.anything());
    try {
      hasher.fingerprint([undefined]);
    } catch (e) {
      expect(e).toBe(NOT_A_VALUE);
    }
  });
});

describe('fingerprints of packed states (words)', () => {
  const hasher = new Hasher();
  const wordsPrint = (words: number[]) => {
    hasher.words(words, words.length);
    return `${hasher.hi}:${hasher.lo}`;
  };

  it('differ for all 4-word states over 0..15 and their neighbours in length, and under swaps', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 16 ** 4; i++) seen.add(wordsPrint([i & 15, (i >> 4) & 15, (i >> 8) & 15, i >> 12]));
    for (let i = 0; i < 16 ** 3; i++) seen.add(wordsPrint([i & 15, (i >> 4) & 15, i >> 8]));
    for (let i = 0; i < 16 ** 5; i += 7)
      seen.add(wordsPrint([i & 15, (i >> 4) & 15, (i >> 8) & 15, (i >> 12) & 15, i >> 16]));
    expect(seen.size).toBe(16 ** 4 + 16 ** 3 + Math.ceil(16 ** 5 / 7));
    // high bits and negative words count too (set bitsets use bit 29)
    expect(wordsPrint([1 << 29, 0])).not.toBe(wordsPrint([0, 1 << 29]));
    expect(wordsPrint([-1, 0])).not.toBe(wordsPrint([0, -1]));
  });

  it('throw NOT_A_VALUE for a word that is not an integer or a state of the wrong length', () => {
    for (const bad of [
      [0, 0.5],
      [0, undefined],
      [0, Number.NaN],
      [0, 2 ** 40],
    ]) {
      expect(() => hasher.words(bad as number[], 2)).toThrow(expect.objectContaining({ notAValue: true }));
    }
    expect(() => hasher.words([0, 0, 0], 2)).toThrow(expect.objectContaining({ notAValue: true }));
  });
});
