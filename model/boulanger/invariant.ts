/**
 * Boulanger.tla's invariants: the type invariant `TypeOK` and Lamport's inductive invariant
 * `IInv` (with `Before`), from which mutual exclusion follows. Ported clause by clause.
 */
import type { Words } from '../../spec/index.ts';
import type { BoulangerState, Proc } from './boulanger.ts';
import type { BoulangerLayout } from './boulanger-packed.ts';

export const LABELS = ['ncs', 'e1', 'e2', 'e3', 'e4', 'w1', 'w2', 'cs', 'exit'] as const;
export type Label = (typeof LABELS)[number];

const isNat = (k: number, maxNat: number) => Number.isInteger(k) && k >= 0 && k <= maxNat;

export function typeOk(s: BoulangerState, PROCS: readonly Proc[], maxNat: number): boolean {
  for (const p of PROCS) {
    const previous = s.previous[p]!;
    if (!isNat(s.num[p]!, maxNat) || !isNat(s.max[p]!, maxNat) || (previous !== -1 && !isNat(previous, maxNat))) return false;
    if (typeof s.flag[p] !== 'boolean' || !PROCS.includes(s.nxt[p]!) || !LABELS.includes(s.pc[p]!)) return false;
    for (const q of s.unchecked[p]!) if (!PROCS.includes(q)) return false;
  }
  return true;
}

/** `<<a1, a2>> \prec <<b1, b2>>`: lexicographic order on (number, process). */
export const precedes = (a1: number, a2: number, b1: number, b2: number) => a1 < b1 || (a1 === b1 && a2 < b2);

const among = (label: Label, labels: readonly Label[]) => labels.includes(label);

/** Before(i, j): num[i] > 0, and j has chosen or will choose a number that puts i first. */
function before(s: BoulangerState, i: Proc, j: Proc): boolean {
  const ni = s.num[i]!, pcj = s.pc[j]!, maxj = s.max[j]!;
  if (!(ni > 0)) return false;
  const catchesUp = maxj >= ni || (j > i && maxj + 1 === ni);
  return among(pcj, ['ncs', 'e1', 'exit'])
    || (pcj === 'e2' && (s.unchecked[j]!.includes(i) || catchesUp))
    || (pcj === 'e3' && catchesUp)
    || (among(pcj, ['e4', 'w1', 'w2']) && precedes(ni, i, s.num[j]!, j)
      && (!among(pcj, ['w1', 'w2']) || s.unchecked[j]!.includes(i)))
    || (ni === 1 && i < j);
}

/** IInv: the conjuncts of Boulanger.tla's inductive invariant, for every process i. */
export function inductiveInvariant(s: BoulangerState, PROCS: readonly Proc[]): boolean {
  return PROCS.every((i) => invariantFor(s, PROCS, i));
}

function invariantFor(s: BoulangerState, PROCS: readonly Proc[], i: Proc): boolean {
  const pc = s.pc[i]!, num = s.num[i]!;
  if (among(pc, ['ncs', 'e1', 'e2']) && num !== 0) return false;
  if (among(pc, ['e4', 'w1', 'w2', 'cs']) && num === 0) return false;
  if (among(pc, ['e2', 'e3']) && !s.flag[i]) return false;
  if (among(pc, ['e2', 'w1', 'w2']) && s.unchecked[i]!.includes(i)) return false;
  if (among(pc, ['w1', 'w2']) && !beforeAll(s, PROCS, i, s.unchecked[i]!)) return false;
  if (pc === 'w2' && !waitingInvariant(s, i)) return false;
  return pc !== 'cs' || beforeAll(s, PROCS, i, []);
}

/** Before(i, j) for every j other than i and not in `except`. */
function beforeAll(s: BoulangerState, PROCS: readonly Proc[], i: Proc, except: readonly Proc[]): boolean {
  for (const j of PROCS) {
    if (j !== i && !except.includes(j) && !before(s, i, j)) return false;
  }
  return true;
}

/** The clauses about a process i at w2, waiting on nxt[i]. */
function waitingInvariant(s: BoulangerState, i: Proc): boolean {
  const nxt = s.nxt[i]!, pcNxt = s.pc[nxt]!, previous = s.previous[i]!;
  if (nxt === i) return false;
  const nxtStillReading = (pcNxt === 'e2' && !s.unchecked[nxt]!.includes(i)) || pcNxt === 'e3';
  if (nxtStillReading && !(s.max[nxt]! >= s.num[i]!)) return false;
  const nxtChanged = previous !== -1 && previous !== s.num[nxt] && among(pcNxt, ['e4', 'w1', 'w2', 'cs']);
  return !nxtChanged || before(s, i, nxt);
}

// ---- the same invariants over a packed state (boulanger-packed.ts) ---------------------------

/**
 * MutualExclusion, TypeOK and IInv over the words of `boulanger-packed.ts`, clause for clause as
 * above. They run on every new state, so they are loops over the per-process fields, and test a
 * label (its code) against a set of labels as one bit: `among(s, p, E4_W1_W2)`.
 */
export function packedInvariants(layout: BoulangerLayout, maxNat: number) {
  const { num, flag, pc, unchecked, max, nxt, previous } = layout.fields;
  const n = num.items.length;
  const nums = num.items, maxes = max.items, previousOf = previous.items, sets = unchecked.items;
  const labelOf = pc.items;
  const labels = (...these: Label[]) => these.reduce((mask, l) => mask | (1 << pc.items[0]!.code(l)), 0);
  const [E2, E3, W2, CS] = [labels('e2'), labels('e3'), labels('w2'), labels('cs')];
  const NCS_E1_E2 = labels('ncs', 'e1', 'e2'), E4_W1_W2_CS = labels('e4', 'w1', 'w2', 'cs'), E2_E3 = labels('e2', 'e3');
  const E2_W1_W2 = labels('e2', 'w1', 'w2'), W1_W2 = labels('w1', 'w2'), NCS_E1_EXIT = labels('ncs', 'e1', 'exit');
  const E4_W1_W2 = labels('e4', 'w1', 'w2');
  const among = (s: Words, p: Proc, mask: number) => ((mask >>> labelOf[p]!.getCode(s)) & 1) === 1;

  function mutualExclusion(s: Words): boolean {
    let inCs = 0;
    for (let p = 0; p < n; p++) if (among(s, p, CS)) inCs++;
    return inCs <= 1;
  }

  // Numbers are checked against Nat (-1 is previous's "none"); flag (one bit), nxt, pc and
  // unchecked hold their fields' values by construction (every write through the layout is
  // checked), so only the codes of nxt and pc, whose bits could hold more, are checked.
  function typeOk(s: Words): boolean {
    for (let p = 0; p < n; p++) {
      const k = nums[p]!.get(s), m = maxes[p]!.get(s), before = previousOf[p]!.get(s);
      if (k < 0 || k > maxNat || m < 0 || m > maxNat || before < -1 || before > maxNat) return false;
      if (nxt.items[p]!.getCode(s) >= n || labelOf[p]!.getCode(s) >= LABELS.length) return false;
    }
    return true;
  }

  /** Before(i, j). */
  function before(s: Words, i: Proc, j: Proc): boolean {
    const ni = nums[i]!.get(s), maxj = maxes[j]!.get(s);
    if (!(ni > 0)) return false;
    const catchesUp = maxj >= ni || (j > i && maxj + 1 === ni);
    return among(s, j, NCS_E1_EXIT)
      || (among(s, j, E2) && (sets[j]!.hasAt(s, i) || catchesUp))
      || (among(s, j, E3) && catchesUp)
      || (among(s, j, E4_W1_W2) && precedes(ni, i, nums[j]!.get(s), j) && (!among(s, j, W1_W2) || sets[j]!.hasAt(s, i)))
      || (ni === 1 && i < j);
  }

  /** Before(i, j) for every j other than i and, when `skipUnchecked`, not in unchecked[i]. */
  function beforeAll(s: Words, i: Proc, skipUnchecked: boolean): boolean {
    for (let j = 0; j < n; j++) {
      if (j !== i && !(skipUnchecked && sets[i]!.hasAt(s, j)) && !before(s, i, j)) return false;
    }
    return true;
  }

  function waitingInvariant(s: Words, i: Proc): boolean {
    const next = nxt.items[i]!.get(s), last = previousOf[i]!.get(s), ni = nums[i]!.get(s);
    if (next === i) return false;
    const nextStillReading = (among(s, next, E2) && !sets[next]!.hasAt(s, i)) || among(s, next, E3);
    if (nextStillReading && !(maxes[next]!.get(s) >= ni)) return false;
    const nextChanged = last !== -1 && last !== nums[next]!.get(s) && among(s, next, E4_W1_W2_CS);
    return !nextChanged || before(s, i, next);
  }

  function invariantFor(s: Words, i: Proc): boolean {
    const ni = nums[i]!.get(s);
    if (among(s, i, NCS_E1_E2) && ni !== 0) return false;
    if (among(s, i, E4_W1_W2_CS) && ni === 0) return false;
    if (among(s, i, E2_E3) && !flag.items[i]!.get(s)) return false;
    if (among(s, i, E2_W1_W2) && sets[i]!.hasAt(s, i)) return false;
    if (among(s, i, W1_W2) && !beforeAll(s, i, true)) return false;
    if (among(s, i, W2) && !waitingInvariant(s, i)) return false;
    return !among(s, i, CS) || beforeAll(s, i, false);
  }

  function inductiveInvariant(s: Words): boolean {
    for (let i = 0; i < n; i++) if (!invariantFor(s, i)) return false;
    return true;
  }

  return { mutualExclusion, typeOk, inductiveInvariant };
}
