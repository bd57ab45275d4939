/**
 * Boulanger.tla's invariants: the type invariant `TypeOK` and Lamport's inductive invariant
 * `IInv` (with `Before`), from which mutual exclusion follows, ported clause by clause, and
 * MCBoulanger's state constraint.
 *
 * They run on every new state and read some fifty fields of it: they read the words through the
 * layout's fields (`num[p].get(s.words)`). Written over the views instead, `s.num.get(p)`, the
 * full MCBoulanger check took 76 s instead of 46 s: each read builds a keyed view and looks its
 * key up.
 */
import type { PropertyConstructors } from '../../spec/index.ts';
import { type BoulangerLayout, type Label, LABELS, type Proc, type State } from './layout.ts';

/** The mask of a set of labels: bit i for `LABELS[i]`. */
const labels = (...these: readonly Label[]) => these.reduce((mask, l) => mask | (1 << LABELS.indexOf(l)), 0);

/** `<<a1, a2>> \prec <<b1, b2>>`: lexicographic order on (number, process). */
export const precedes = (a1: number, a2: number, b1: number, b2: number) => a1 < b1 || (a1 === b1 && a2 < b2);

/** The invariants' reads of a state, one field of one process each; labels are tested against a set of labels as one bit. */
function reads({ fields }: BoulangerLayout) {
  const [num, max, previous] = [fields.num.items, fields.max.items, fields.previous.items];
  const [nxt, flag, pc, unchecked] = [fields.nxt.items, fields.flag.items, fields.pc.items, fields.unchecked.items];
  return {
    num: (s: State, p: Proc) => num[p]!.get(s.words),
    max: (s: State, p: Proc) => max[p]!.get(s.words),
    previous: (s: State, p: Proc) => previous[p]!.get(s.words),
    nxt: (s: State, p: Proc) => nxt[p]!.getCode(s.words),
    flag: (s: State, p: Proc) => flag[p]!.get(s.words),
    /** Whether p's label is one of `mask`'s. */
    among: (s: State, p: Proc, mask: number) => ((mask >>> pc[p]!.getCode(s.words)) & 1) === 1,
    /** Whether q is in unchecked[p]. */
    unchecked: (s: State, p: Proc, q: Proc) => unchecked[p]!.hasAt(s.words, q),
  };
}

/**
 * MutualExclusion, TypeOK and IInv (with Before), clause for clause as in Boulanger.tla. They run
 * on every new state, so they are loops, and test a label against a set of labels as one bit:
 * `among(s, p, E4_W1_W2)`.
 */
export function boulangerInvariants(layout: BoulangerLayout, n: number, maxNat: number) {
  const { num, max, previous, nxt, flag, among, unchecked } = reads(layout);
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

  function mutualExclusion(s: State): boolean {
    let inCs = 0;
    for (let p = 0; p < n; p++) if (among(s, p, CS)) inCs++;
    return inCs <= 1;
  }

  /** Numbers in Nat (previous may be -1, "none"), nxt a process, pc a label; flags and unchecked sets are typed by the layout. */
  function typeOk(s: State): boolean {
    for (let p = 0; p < n; p++) {
      const before = previous(s, p),
        next = nxt(s, p);
      if (!isNat(num(s, p)) || !isNat(max(s, p)) || !(before === -1 || isNat(before))) return false;
      if (!(Number.isInteger(next) && next >= 0 && next < n) || !among(s, p, ANY)) return false;
    }
    return true;
  }

  /** Before(i, j): num[i] > 0, and j has chosen or will choose a number that puts i first. */
  function before(s: State, i: Proc, j: Proc): boolean {
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
  function beforeAll(s: State, i: Proc, skipUnchecked: boolean): boolean {
    for (let j = 0; j < n; j++) {
      if (j !== i && !(skipUnchecked && unchecked(s, i, j)) && !before(s, i, j)) return false;
    }
    return true;
  }

  /** The clauses about a process i at w2, waiting on nxt[i]. */
  function waitingInvariant(s: State, i: Proc): boolean {
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
  function invariantFor(s: State, i: Proc): boolean {
    const ni = num(s, i);
    if (among(s, i, NCS_E1_E2) && ni !== 0) return false;
    if (among(s, i, E4_W1_W2_CS) && ni === 0) return false;
    if (among(s, i, E2_E3) && !flag(s, i)) return false;
    if (among(s, i, E2_W1_W2) && unchecked(s, i, i)) return false;
    if (among(s, i, W1_W2) && !beforeAll(s, i, true)) return false;
    if (among(s, i, W2) && !waitingInvariant(s, i)) return false;
    return !among(s, i, CS) || beforeAll(s, i, false);
  }

  function inductiveInvariant(s: State): boolean {
    for (let i = 0; i < n; i++) if (!invariantFor(s, i)) return false;
    return true;
  }

  return { mutualExclusion, typeOk, inductiveInvariant };
}

/** The spec's properties. */
export function boulangerProperties(layout: BoulangerLayout, n: number, maxNat: number) {
  return ({ always }: PropertyConstructors<State>) => {
    const { mutualExclusion, typeOk, inductiveInvariant } = boulangerInvariants(layout, n, maxNat);
    return [
      always('MutualExclusion', mutualExclusion),
      always('TypeOK', typeOk),
      always('Inv', (s) => typeOk(s) && inductiveInvariant(s)),
    ];
  };
}

/** MCBoulanger's state constraint: no number reaching MaxNat is explored. */
export function boulangerConstraint(layout: BoulangerLayout, n: number, maxNat: number) {
  const { num } = reads(layout);
  return (s: State) => {
    for (let p = 0; p < n; p++) if (num(s, p) >= maxNat) return false;
    return true;
  };
}
