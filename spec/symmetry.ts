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
 * occurs in the state, every other id blurred, hashed: `symmetry-walks.ts`) that renaming carries
 * along unchanged. The candidates are the renamings that put each group's ids in signature order
 * onto the declared ids — only ids with equal signatures are permuted among themselves, and not
 * even those when permuting them leaves the state unchanged. The candidates of two states in one
 * class produce the same set of images, and the representative is a function of that set: the
 * image with the least hash, ties between different images broken by their canonical text
 * encoding. So the result is exact: one class, one representative; different classes, different
 * ones (the representative is a renaming of the state). Only the fingerprint sees it — the checker
 * keeps exploring the concrete states, so traces stay concrete and replay without symmetry.
 */
import { KripkeError } from './errors.ts';
import { canonicalEncoding } from './symmetry-encoding.ts';
import { IdTable, type Image } from './symmetry-texts.ts';
import { Walks } from './symmetry-walks.ts';

/** Groups of interchangeable ids, by a name for each group: `{ acceptors: ['a1', 'a2', 'a3'] }`. */
export type SymmetryGroups = Readonly<Record<string, readonly string[]>>;

const WORD = /^[A-Za-z0-9_]+$/;

export function permutations<S>(groups: SymmetryGroups): (state: S) => S {
  const reduction = new Reduction(validate(groups));
  return (state: S) => reduction.representative(state) as S;
}

function validate(groups: SymmetryGroups): (readonly string[])[] {
  const seen = new Map<string, string>();
  return Object.entries(groups).map(([name, ids]) => {
    if (!Array.isArray(ids) || ids.length === 0) {
      throw new KripkeError('invalid-spec', `symmetry group '${name}' must be a non-empty array of ids`, {
        field: `symmetry.${name}`,
      });
    }
    for (const id of ids) {
      if (typeof id !== 'string' || !WORD.test(id)) {
        throw new KripkeError(
          'invalid-spec',
          `symmetry group '${name}': id ${JSON.stringify(id)} must be a word of letters, digits or _`,
          { field: `symmetry.${name}` },
        );
      }
      const other = seen.get(id);
      if (other !== undefined) {
        throw new KripkeError(
          'invalid-spec',
          `symmetry: id '${id}' appears in group '${other}' and again in '${name}'`,
          { field: `symmetry.${name}` },
        );
      }
      seen.set(id, name);
    }
    return ids;
  });
}

/** Ids with equal signatures, and the declared ids they go to in signature order. */
interface Tie {
  readonly ids: readonly number[];
  readonly targets: readonly number[];
}

/** One symmetry's ids, walks and scratch signature array (one per spec instance and thread). */
class Reduction {
  private readonly ids: IdTable;
  private readonly walks: Walks;
  private readonly signature: Int32Array;
  /**
   * The last state reduced and its representative. A step that changes nothing returns its input,
   * and the checker asks for its representative once per such step: the second time is free.
   * States are immutable (the spec contract), so the same object has the same representative.
   */
  private last: { readonly state: unknown; readonly representative: unknown } | undefined;

  constructor(groups: readonly (readonly string[])[]) {
    this.ids = new IdTable(groups);
    this.walks = new Walks(this.ids);
    this.signature = new Int32Array(this.ids.size);
  }

  representative(state: unknown): unknown {
    const last = this.last;
    if (last !== undefined && last.state === state) return last.representative;
    const representative = this.compute(state);
    this.last = { state, representative };
    return representative;
  }

  private compute(state: unknown): unknown {
    const signature = this.signature.fill(0);
    this.walks.signatures(state, signature);
    const image = this.ids.identity();
    const open: Tie[] = [];
    for (const members of this.ids.members) {
      const sorted = sortBySignature(members, signature);
      for (let j = 0; j < sorted.length; j++) image[sorted[j]!] = members[j]!;
      for (let j = 0; j < sorted.length; ) {
        let end = j + 1;
        while (end < sorted.length && signature[sorted[end]!] === signature[sorted[j]!]) end++;
        const ids = end - j > 1 ? Array.from(sorted.subarray(j, end)) : undefined;
        if (ids && !this.orderIsInvisible(state, ids))
          open.push({ ids, targets: Array.from(members.subarray(j, end)) });
        j = end;
      }
    }
    if (open.length === 0) return this.ids.isIdentity(image) ? state : this.walks.renamed(state, image);
    return this.least(state, [...candidates(image, open)]);
  }

  /**
   * Whether every order of the ids gives the same state: it suffices that the transposition of the
   * first two and the cycle through all of them do, as those two generate all permutations.
   */
  private orderIsInvisible(state: unknown, ids: readonly number[]): boolean {
    const swap = this.ids.identity();
    swap[ids[0]!] = ids[1]!;
    swap[ids[1]!] = ids[0]!;
    if (!this.walks.renamedEquals(state, state, swap)) return false;
    if (ids.length === 2) return true;
    const cycle = this.ids.identity();
    ids.forEach((id, i) => {
      cycle[id] = ids[(i + 1) % ids.length]!;
    });
    return this.walks.renamedEquals(state, state, cycle);
  }

  /** The candidate image with the least hash; different images with that hash by their encoding. */
  private least(state: unknown, images: readonly Image[]): unknown {
    let lowest: Image[] = [];
    let lowestHash = 0;
    for (const image of images) {
      const h = this.walks.hashUnder(state, image);
      if (lowest.length === 0 || h < lowestHash) {
        lowest = [image];
        lowestHash = h;
      } else if (h === lowestHash) lowest.push(image);
    }
    let best = this.walks.renamed(state, lowest[0]!);
    let bestText: string | undefined;
    for (const image of lowest.slice(1)) {
      if (this.walks.renamedEquals(state, best, image)) continue; // the same image
      bestText ??= canonicalEncoding(best, (word) => word);
      const text = canonicalEncoding(state, this.ids.renameFunction(image));
      if (text < bestText) {
        best = this.walks.renamed(state, image);
        bestText = text;
      }
    }
    return best;
  }
}

/** The group's ids by signature, then by number (an insertion sort: groups are small). */
function sortBySignature(members: Int32Array, signature: Int32Array): Int32Array {
  const sorted = members.slice();
  for (let i = 1; i < sorted.length; i++) {
    const id = sorted[i]!;
    let j = i - 1;
    while (j >= 0 && signature[sorted[j]!]! > signature[id]!) {
      sorted[j + 1] = sorted[j]!;
      j--;
    }
    sorted[j + 1] = id;
  }
  return sorted;
}

/** Every image that differs from `base` only by an order of each open tie's ids onto its targets. */
function* candidates(base: Image, open: readonly Tie[], i = 0): Generator<Image> {
  if (i === open.length) {
    yield base.slice();
    return;
  }
  const { ids, targets } = open[i]!;
  for (const order of permute(ids)) {
    order.forEach((id, k) => {
      base[id] = targets[k]!;
    });
    yield* candidates(base, open, i + 1);
  }
}

function permute<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((item, i) =>
    permute([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}
