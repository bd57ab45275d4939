/**
 * Boulanger's actions — their names, their order and their parameter domains — defined once for
 * both representations: `boulanger.ts` (arrays of values) and `boulanger-packed.ts` (words) give
 * each action's step over their own state, and the compiler holds them to these names.
 *
 * One action per PlusCal label, and where a label's code has an `either` or an `if`, one action
 * per branch (`e1Flicker` / `e1`, `w1` / `w1Done`), so traces name the branch taken.
 */
import type { BoulangerConfig, Proc } from './boulanger.ts';

export interface BoulangerConstants {
  readonly PROCS: readonly Proc[];
  /** Every (self, i): the process self looks at. */
  readonly PAIRS: readonly (readonly [Proc, Proc])[];
  /** Every (self, k), k in Nat: a flickering write of num[self]. */
  readonly WRITES: readonly (readonly [Proc, number])[];
}

export function boulangerConstants({ n, maxNat }: BoulangerConfig): BoulangerConstants {
  const PROCS = Array.from({ length: n }, (_, i) => i);
  const NAT = Array.from({ length: maxNat + 1 }, (_, k) => k);
  return {
    PROCS,
    PAIRS: PROCS.flatMap((self) => PROCS.map((i) => [self, i] as const)),
    WRITES: PROCS.flatMap((self) => NAT.map((k) => [self, k] as const)),
  };
}

type Step<S, P> = (s: S, param: P) => S | undefined;
type ByProc<S> = Step<S, Proc>;

/** Each action's step over a state `S`; undefined when not enabled. */
export interface BoulangerSteps<S> {
  readonly ncs: ByProc<S>;
  /** e1, first branch: a flickering write of flag[self]. */
  readonly e1Flicker: ByProc<S>;
  /** e1: raise the flag and prepare to read every other number. */
  readonly e1: ByProc<S>;
  /** e2: read num[i] for some unchecked i, keeping the maximum. */
  readonly e2: Step<S, readonly [Proc, Proc]>;
  readonly e2Done: ByProc<S>;
  /** e3, first branch: a flickering write of num[self] (any k in Nat). */
  readonly e3Flicker: Step<S, readonly [Proc, number]>;
  /** e3: take the number max + 1. */
  readonly e3: ByProc<S>;
  readonly e4Flicker: ByProc<S>;
  /** e4: lower the flag; with number 1 only lower-numbered processes need checking (Boulangerie). */
  readonly e4: ByProc<S>;
  /** w1: pick an unchecked process i that is not choosing, and wait on it. */
  readonly w1: Step<S, readonly [Proc, Proc]>;
  readonly w1Done: ByProc<S>;
  /** w2: done with nxt if it is not competing, is behind us, or changed its number; else read again. */
  readonly w2: ByProc<S>;
  readonly cs: ByProc<S>;
  readonly exitFlicker: Step<S, readonly [Proc, number]>;
  readonly exit: ByProc<S>;
}

/** The actions of a spec, in order, each with its domain and the representation's step. */
export function boulangerActions<S>({ PROCS, PAIRS, WRITES }: BoulangerConstants, step: BoulangerSteps<S>) {
  return {
    ncs: { params: PROCS, next: step.ncs },
    e1Flicker: { params: PROCS, next: step.e1Flicker },
    e1: { params: PROCS, next: step.e1 },
    e2: { params: PAIRS, next: step.e2 },
    e2Done: { params: PROCS, next: step.e2Done },
    e3Flicker: { params: WRITES, next: step.e3Flicker },
    e3: { params: PROCS, next: step.e3 },
    e4Flicker: { params: PROCS, next: step.e4Flicker },
    e4: { params: PROCS, next: step.e4 },
    w1: { params: PAIRS, next: step.w1 },
    w1Done: { params: PROCS, next: step.w1Done },
    w2: { params: PROCS, next: step.w2 },
    cs: { params: PROCS, next: step.cs },
    exitFlicker: { params: WRITES, next: step.exitFlicker },
    exit: { params: PROCS, next: step.exit },
  };
}
