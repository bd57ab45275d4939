/**
 * Symmetry reduction: interchangeable ids (acceptors, resource managers, values) make states that
 * differ only by a renaming of those ids equivalent. `permutations(groups)` returns the function a
 * spec passes as `symmetry`: it maps a state to one exact representative of its class, so the
 * checker stores one state per class (as TLC does with `SYMMETRY Permutations(RM)`).
 *
 * ```ts
 * const RMS = ['r1', 'r2', 'r3'];
 * defineSpec({ …, symmetry: permutations({ rms: RMS }) });
 * defineSpec({ …, symmetry: permutations({ acceptors: ['a1', 'a2', 'a3'], values: ['v1', 'v2'] }) });
 * ```
 *
 * Ids are found anywhere in the state: as string values, object keys, Map keys, Set members, and
 * as whole words inside strings (`prepared:r1`, `2b(a1, 1, v1)`; words are runs of letters,
 * digits and `_`). An id must therefore be such a word, and must not also be used for something
 * else. Positions do not count: an array indexed by node number is not renamed.
 *
 * The representative is found without trying all n! renamings. Each id gets a signature (where it
 * occurs in the state, every other id blurred) that renaming carries along unchanged. The
 * candidates are the renamings that put each group's ids in signature order onto the declared ids
 * — only ids with equal signatures are permuted among themselves, and not even those when
 * permuting them leaves the state unchanged — and the representative is the candidate with the least
 * canonical encoding. The candidates of two states in one class produce the same set of images, so
 * the result is exact: one class, one representative; different classes, different ones (the
 * representative is a renaming of the state). Only the fingerprint sees it — the checker keeps
 * exploring the concrete states, so traces stay concrete and replay without symmetry.
 */
import { KripkeError } from './errors.ts';
import { canonicalEncoding, occurrenceSignatures, type Rename, renameValue } from './symmetry-encoding.ts';

/** Groups of interchangeable ids, by a name for each group: `{ acceptors: ['a1', 'a2', 'a3'] }`. */
export type SymmetryGroups = Readonly<Record<string, readonly string[]>>;

const WORD = /^[A-Za-z0-9_]+$/;

export function permutations<S>(groups: SymmetryGroups): (state: S) => S {
  const lists = validate(groups);
  const groupOf = new Map<string, number>();
  lists.forEach((ids, g) => ids.forEach((id) => groupOf.set(id, g)));
  return (state: S) => representative(state, lists, groupOf);
}

function validate(groups: SymmetryGroups): (readonly string[])[] {
  const seen = new Map<string, string>();
  return Object.entries(groups).map(([name, ids]) => {
    if (!Array.isArray(ids) || ids.length === 0) {
      throw new KripkeError('invalid-spec', `symmetry group '${name}' must be a non-empty array of ids`, { field: `symmetry.${name}` });
    }
    for (const id of ids) {
      if (typeof id !== 'string' || !WORD.test(id)) {
        throw new KripkeError('invalid-spec', `symmetry group '${name}': id ${JSON.stringify(id)} must be a word of letters, digits or _`,
          { field: `symmetry.${name}` });
      }
      const other = seen.get(id);
      if (other !== undefined) {
        throw new KripkeError('invalid-spec', `symmetry: id '${id}' appears in group '${other}' and again in '${name}'`, { field: `symmetry.${name}` });
      }
      seen.set(id, name);
    }
    return ids;
  });
}

function representative<S>(state: S, groups: readonly (readonly string[])[], groupOf: ReadonlyMap<string, number>): S {
  const signatures = occurrenceSignatures(state, groupOf);
  const classes = groups.map((ids) => tieClasses(state, ids, signatures));
  const renamings = [...candidateRenamings(groups, classes)];
  if (renamings.length === 1) return renameValue(state, renamings[0]!) as S; // nothing to compare
  let best: string | undefined;
  let bestRename: Rename | undefined;
  for (const rename of renamings) {
    const encoding = canonicalEncoding(state, rename);
    if (best === undefined || encoding < best) {
      best = encoding;
      bestRename = rename;
    }
  }
  return renameValue(state, bestRename!) as S;
}

/** Ids with equal signatures; `fixed` when any order of them gives the same state. */
interface TieClass {
  readonly members: readonly string[];
  readonly fixed: boolean;
}

/** The group's ids sorted by signature, as runs of equal signatures. */
function tieClasses(state: unknown, ids: readonly string[], signatures: ReadonlyMap<string, string>): TieClass[] {
  const signed = ids.map((id) => ({ id, signature: signatures.get(id) ?? '' }));
  signed.sort((a, b) => (a.signature < b.signature ? -1 : a.signature > b.signature ? 1 : 0));
  const runs: string[][] = [];
  signed.forEach(({ id, signature }, i) => {
    if (i > 0 && signed[i - 1]!.signature === signature) runs.at(-1)!.push(id);
    else runs.push([id]);
  });
  const identity = runs.some((r) => r.length > 1) ? canonicalEncoding(state, (word) => word) : '';
  return runs.map((members) => ({ members, fixed: members.length === 1 || swapsAreInvisible(state, members, identity) }));
}

/**
 * Whether every order of the class gives the same state: it suffices that the transposition of the
 * first two members and the cycle through all of them do, as those two generate all permutations.
 */
function swapsAreInvisible(state: unknown, members: readonly string[], identity: string): boolean {
  const [first, second] = members as [string, string];
  const swapped = canonicalEncoding(state, (word) => (word === first ? second : word === second ? first : word));
  if (swapped !== identity || members.length === 2) return swapped === identity;
  const next = new Map(members.map((m, i) => [m, members[(i + 1) % members.length]!]));
  return canonicalEncoding(state, (word) => next.get(word) ?? word) === identity;
}

/**
 * Every renaming that maps each group's ids, in signature order, onto the group's declared ids:
 * one per combination of orders within the tie classes.
 */
function* candidateRenamings(groups: readonly (readonly string[])[], classes: readonly (readonly TieClass[])[]): Generator<Rename> {
  const orders = groups.map((ids, g) => orderingsOf(classes[g]!).map((order) => zip(order, ids)));
  for (const pick of product(orders)) {
    const map = new Map<string, string>();
    for (const part of pick) part.forEach((to, from) => map.set(from, to));
    yield (word) => map.get(word) ?? word;
  }
}

/** All orders of a group's ids that keep the tie classes in signature order. */
function orderingsOf(classes: readonly TieClass[]): string[][] {
  let orders: string[][] = [[]];
  for (const c of classes) {
    const within = c.fixed ? [c.members.slice()] : permute(c.members);
    orders = orders.flatMap((prefix) => within.map((w) => [...prefix, ...w]));
  }
  return orders;
}

function zip(order: readonly string[], ids: readonly string[]): Map<string, string> {
  return new Map(order.map((from, i) => [from, ids[i]!]));
}

function permute<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((item, i) => permute([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

function* product<T>(lists: readonly (readonly T[])[], i = 0, prefix: T[] = []): Generator<T[]> {
  if (i === lists.length) {
    yield prefix;
    return;
  }
  for (const item of lists[i]!) yield* product(lists, i + 1, [...prefix, item]);
}
