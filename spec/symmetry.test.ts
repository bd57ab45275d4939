import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KripkeError } from './errors.ts';
import { permutations } from './symmetry.ts';
import { canonicalEncoding, renameValue } from './symmetry-encoding.ts';

const NODES = ['n1', 'n2', 'n3', 'n4'];
const VALUES = ['v1', 'v2'];
const groups = { nodes: NODES, values: VALUES };
const canonical = permutations<unknown>(groups);
const identity = (word: string) => word;

/** A small state mixing every place an id can hide: keys, values, Set members, words in strings. */
const stateArb = fc.record({
  role: fc.dictionary(fc.constantFrom(...NODES), fc.constantFrom('leader', 'follower', 'v1', 'v2')),
  votes: fc
    .uniqueArray(fc.tuple(fc.constantFrom(...NODES), fc.constantFrom(...VALUES)), { maxLength: 4 })
    .map((pairs) => new Set(pairs.map(([n, v]) => `vote(${n}, ${v})`))),
  acks: fc.array(fc.constantFrom(...NODES, 'none'), { maxLength: 3 }),
  owner: fc.option(fc.constantFrom(...NODES), { nil: null }),
  round: fc.integer({ min: 0, max: 2 }),
  links: fc
    .uniqueArray(fc.tuple(fc.constantFrom(...NODES), fc.constantFrom(...NODES)), {
      maxLength: 3,
      selector: ([a, b]) => `${a}${b}`,
    })
    .map((pairs) => new Map(pairs.map(([a, b]) => [a, b]))),
});

const permutationsOf = <T>(items: readonly T[]): T[][] =>
  items.length <= 1
    ? [items.slice()]
    : items.flatMap((x, i) =>
        permutationsOf([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]),
      );

/** Renames by a random permutation of each group. */
const renamingArb = fc
  .tuple(fc.shuffledSubarray(NODES, { minLength: 4 }), fc.shuffledSubarray(VALUES, { minLength: 2 }))
  .map(([nodes, values]) => {
    const map = new Map([
      ...NODES.map((n, i) => [n, nodes[i]!] as const),
      ...VALUES.map((v, i) => [v, values[i]!] as const),
    ]);
    return (word: string) => map.get(word) ?? word;
  });

/** The encodings of every renaming of the state (4! × 2! of them): its class, by brute force. */
function classOf(state: unknown): Set<string> {
  const encodings = new Set<string>();
  for (const nodes of permutationsOf(NODES)) {
    for (const values of permutationsOf(VALUES)) {
      const map = new Map([
        ...NODES.map((n, i) => [n, nodes[i]!] as const),
        ...VALUES.map((v, i) => [v, values[i]!] as const),
      ]);
      encodings.add(canonicalEncoding(state, (w) => map.get(w) ?? w));
    }
  }
  return encodings;
}

describe('permutations (symmetry reduction)', () => {
  it('gives states in one class the same representative', () => {
    fc.assert(
      fc.property(stateArb, renamingArb, (state, rename) => {
        const renamed = renameValue(state, rename);
        expect(canonicalEncoding(canonical(renamed), identity)).toBe(canonicalEncoding(canonical(state), identity));
      }),
      { numRuns: 200 },
    );
  });

  it('returns a renaming of the state itself, so different classes never share a representative', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        expect(classOf(state).has(canonicalEncoding(canonical(state), identity))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('counts as many states as there are classes, on random sets of states', () => {
    fc.assert(
      fc.property(fc.array(stateArb, { maxLength: 12 }), (states) => {
        const classes = new Set(states.map((s) => [...classOf(s)].sort()[0]));
        const representatives = new Set(states.map((s) => canonicalEncoding(canonical(s), identity)));
        expect(representatives.size).toBe(classes.size);
      }),
      { numRuns: 40 },
    );
  });

  it('tells apart ids whose signatures tie but whose swap is visible (a directed 3-cycle)', () => {
    const cycle = (a: string, b: string, c: string) => ({
      next: new Map([
        [a, b],
        [b, c],
        [c, a],
      ]),
    });
    const forward = canonical(cycle('n1', 'n2', 'n3'));
    expect(canonical(cycle('n2', 'n1', 'n3'))).toEqual(forward); // the reverse cycle, renamed
    expect(canonical(cycle('n4', 'n3', 'n2'))).toEqual(forward);
    expect(classOf(cycle('n1', 'n2', 'n3')).has(canonicalEncoding(forward, identity))).toBe(true);
  });

  it('renames ids in keys, values, Set members, Map entries and words inside strings', () => {
    const only = permutations<unknown>({ nodes: ['n1', 'n2'] });
    const about = (n: string) => ({
      role: { [n]: 'leader' },
      msgs: new Set([`ack:${n}`]),
      next: new Map([[n, n]]),
      count: 2,
    });
    const representative = only(about('n2'));
    expect(only(about('n1'))).toEqual(representative);
    expect([about('n1'), about('n2')]).toContainEqual(representative);
  });

  it('leaves a state without ids, and words that merely contain an id, unchanged', () => {
    const only = permutations<unknown>({ nodes: ['n1', 'n2'] });
    expect(only({ x: 'n10', y: [1, 2], z: 'n2x' })).toEqual({ x: 'n10', y: [1, 2], z: 'n2x' });
  });

  it('rejects malformed groups with a KripkeError naming the group', () => {
    expect(() => permutations({ rms: [] })).toThrow(/symmetry group 'rms' must be a non-empty array/);
    expect(() => permutations({ rms: ['r 1'] })).toThrow(/'rms': id "r 1" must be a word/);
    expect(() => permutations({ a: ['x1'], b: ['x1'] })).toThrow(KripkeError);
    expect(() => permutations({ a: ['x1'], b: ['x1'] })).toThrow(/'x1' appears in group 'a' and again in 'b'/);
  });
});
