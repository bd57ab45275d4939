/**
 * Boulanger.tla's invariants: the type invariant `TypeOK` and Lamport's inductive invariant
 * `IInv` (with `Before`), from which mutual exclusion follows. Ported clause by clause.
 */
import type { BoulangerState, Proc } from './boulanger.ts';

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
