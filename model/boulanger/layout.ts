/**
 * Boulanger's state as a packed layout: per process its number, flag, label, unchecked set, max,
 * nxt and previous. The small fields of every process share words (`bitArrayOf`): 13 words for
 * N = 3.
 */
import { arrayOf, bitArrayOf, bool, int, oneOf, packedLayout, setOf, type StateViewOf } from '../../spec/index.ts';

/** Processes are 0..N-1 (1..N in the TLA+ spec); only their order matters. */
export type Proc = number;

/** The PlusCal labels. */
export const LABELS = ['ncs', 'e1', 'e2', 'e3', 'e4', 'w1', 'w2', 'cs', 'exit'] as const;
export type Label = (typeof LABELS)[number];

export function boulangerLayout(n: number) {
  const PROCS: Proc[] = Array.from({ length: n }, (_, i) => i);
  return packedLayout({
    /** num[p]: p's ticket number; 0 when not competing. */
    num: arrayOf(PROCS, int()),
    /** flag[p]: p is choosing its number. */
    flag: bitArrayOf(PROCS, bool()),
    /** pc[p]: the PlusCal label p is at. */
    pc: bitArrayOf(PROCS, oneOf(LABELS)),
    /** unchecked[p]: the processes p has still to look at. */
    unchecked: bitArrayOf(PROCS, setOf(PROCS)),
    /** max[p]: the largest number p has read so far. */
    max: arrayOf(PROCS, int()),
    /** nxt[p]: the process p is waiting for. */
    nxt: bitArrayOf(PROCS, oneOf(PROCS)),
    /** previous[p]: the number p last read from nxt[p], or -1. */
    previous: arrayOf(PROCS, int()),
  });
}

export type BoulangerLayout = ReturnType<typeof boulangerLayout>;
/** A state as the actions and invariants read it. */
export type State = StateViewOf<BoulangerLayout>;
/** A copy being written, which an action returns. */
export type Copy = ReturnType<State['copy']>;
