/**
 * Boulanger.tla's invariants: the type invariant `TypeOK` and Lamport's inductive invariant
 * `IInv` (with `Before`), from which mutual exclusion follows. Ported clause by clause, once, for
 * both representations of the state.
 */
import type { PropertyConstructors } from '../../spec/index.ts';
import type { Proc } from './boulanger.ts';

export const LABELS = ['ncs', 'e1', 'e2', 'e3', 'e4', 'w1', 'w2', 'cs', 'exit'] as const;
export type Label = (typeof LABELS)[number];

/** The mask of a set of labels: bit i for `LABELS[i]`. */
export const labels = (...these: readonly Label[]) => these.reduce((mask, l) => mask | (1 << LABELS.indexOf(l)), 0);

/** `<<a1, a2>> \prec <<b1, b2>>`: lexicographic order on (number, process). */
export const precedes = (a1: number, a2: number, b1: number, b2: number) => a1 < b1 || (a1 === b1 && a2 < b2);

/**
 * What the invariants read, in either representation (`boulanger.ts`: arrays of values;
 * `boulanger-packed.ts`: words). Labels are tested against a set of labels as one bit mask, bit
 * i for `LABELS[i]`: `among(s, p, mask)`.
 */
export interface BoulangerRead<S> {
  readonly num: (s: S, p: Proc) => number;
  readonly max: (s: S, p: Proc) => number;
  readonly previous: (s: S, p: Proc) => number;
  readonly nxt: (s: S, p: Proc) => number;
  readonly flag: (s: S, p: Proc) => boolean;
  /** Whether p's label is one of `mask`'s (false for a value that is no label). */
  readonly among: (s: S, p: Proc, mask: number) => boolean;
  /** Whether q is in unchecked[p]. */
  readonly unchecked: (s: S, p: Proc, q: Proc) => boolean;
  /** The rest of TypeOK, which only this representation can get wrong (flags that are not booleans, foreign processes). */
  readonly typedBeyondFields: (s: S) => boolean;
}

/**
 * MutualExclusion, TypeOK and IInv (with Before), clause for clause as in Boulanger.tla, written
 * once over `read`. They run on every new state, so they are loops, and test a label against a
 * set of labels as one bit: `among(s, p, E4_W1_W2)`.
 */
export function boulangerInvariants<S>(read: BoulangerRead<S>, n: number, maxNat: number) {
  const { num, max, previous, nxt, flag, among, unchecked } = read;
  const [E2, E3, W2, CS] = [labels('e2'), labels('e3'), labels('w2'), labels('cs')];
  const NCS_E1_E2 = labels('ncs', 'e1', 'e2'),
    E4_W1_W2_CS = labels('e4', 'w1', 'w2', 'cs'),
    E2_E3 = labels('e2', 'e3');
  const E2_W1_W2 = labels('e2', 'w1', 'w2'),
    W1_W2 = labels('w1', 'w2'),
    NCS_E1_EXIT = labels('ncs', 'e1', 'exit');
  const E4_W1_W2 = labels('e4', 'w1', 'w2'),
    ANY = labels(...LABELS);
  const isNat = (k: number) => Number.isInteger(k) && k >= 0 && k <= maxNat;

  function mutualExclusion(s: S): boolean {
    let inCs = 0;
    for (let p = 0; p < n; p++) if (among(s, p, CS)) inCs++;
    return inCs <= 1;
  }

  /** Numbers in Nat (previous may be -1, "none"), nxt a process, pc a label; unchecked and flag by `read`. */
  function typeOk(s: S): boolean {
    for (let p = 0; p < n; p++) {
      const before = previous(s, p),
        next = nxt(s, p);
      if (!isNat(num(s, p)) || !isNat(max(s, p)) || !(before === -1 || isNat(before))) return false;
      if (!(Number.isInteger(next) && next >= 0 && next < n) || !among(s, p, ANY)) return false;
    }
    return read.typedBeyondFields(s);
  }

  /** Before(i, j): num[i] > 0, and j has chosen or will choose a number that puts i first. */
  function before(s: S, i: Proc, j: Proc): boolean {
    const ni = num(s, i),
      maxj = max(s, j);
    if (!(ni > 0)) return false;
    const catchesUp = maxj >= ni || (j > i && maxj + 1 === ni);
    return (
      among(s, j, NCS_E1_EXIT) ||
      (among(s, j, E2) && (unchecked(s, j, i) || catchesUp)) ||
      (among(s, j, E3) && catchesUp) ||
      (among(s, j, E4_W1_W2) && precedes(ni, i, num(s, j), j) && (!among(s, j, W1_W2) || unchecked(s, j, i))) ||
      (ni === 1 && i < j)
    );
  }

  /** Before(i, j) for every j other than i and, when `skipUnchecked`, not in unchecked[i]. */
  function beforeAll(s: S, i: Proc, skipUnchecked: boolean): boolean {
    for (let j = 0; j < n; j++) {
      if (j !== i && !(skipUnchecked && unchecked(s, i, j)) && !before(s, i, j)) return false;
    }
    return true;
  }

  /** The clauses about a process i at w2, waiting on nxt[i]. */
  function waitingInvariant(s: S, i: Proc): boolean {
    const next = nxt(s, i),
      last = previous(s, i),
      ni = num(s, i);
    if (next === i) return false;
    const nextStillReading = (among(s, next, E2) && !unchecked(s, next, i)) || among(s, next, E3);
    if (nextStillReading && !(max(s, next) >= ni)) return false;
    const nextChanged = last !== -1 && last !== num(s, next) && among(s, next, E4_W1_W2_CS);
    return !nextChanged || before(s, i, next);
  }

  /** IInv's conjuncts for process i. */
  function invariantFor(s: S, i: Proc): boolean {
    const ni = num(s, i);
    if (among(s, i, NCS_E1_E2) && ni !== 0) return false;
    if (among(s, i, E4_W1_W2_CS) && ni === 0) return false;
    if (among(s, i, E2_E3) && !flag(s, i)) return false;
    if (among(s, i, E2_W1_W2) && unchecked(s, i, i)) return false;
    if (among(s, i, W1_W2) && !beforeAll(s, i, true)) return false;
    if (among(s, i, W2) && !waitingInvariant(s, i)) return false;
    return !among(s, i, CS) || beforeAll(s, i, false);
  }

  function inductiveInvariant(s: S): boolean {
    for (let i = 0; i < n; i++) if (!invariantFor(s, i)) return false;
    return true;
  }

  return { mutualExclusion, typeOk, inductiveInvariant };
}

/** The spec's properties, over either representation. */
export function boulangerProperties<S>(read: BoulangerRead<S>, n: number, maxNat: number) {
  return ({ always }: PropertyConstructors<S>) => {
    const { mutualExclusion, typeOk, inductiveInvariant } = boulangerInvariants(read, n, maxNat);
    return [
      always('MutualExclusion', mutualExclusion),
      always('TypeOK', typeOk),
      always('Inv', (s) => typeOk(s) && inductiveInvariant(s)),
    ];
  };
}

/** MCBoulanger's state constraint: no number reaching MaxNat is explored. */
export function boulangerConstraint<S>(read: BoulangerRead<S>, n: number, maxNat: number) {
  const { num } = read;
  return (s: S) => {
    for (let p = 0; p < n; p++) if (num(s, p) >= maxNat) return false;
    return true;
  };
}
