/**
 * The Boulangerie algorithm of Yoram Moses and Katia Patkin, a variant of Lamport's Bakery
 * algorithm (TLA+ Examples: specifications/Bakery-Boulangerie/Boulanger.tla, checked with
 * MCBoulanger.cfg).
 *
 * Boulanger.tla is a PlusCal algorithm; this is its TLA+ translation ported action by action:
 * one action per PlusCal label, and where a label's code has an `either` or an `if`, one action
 * per branch (`e1Flicker` / `e1`, `w1` / `w1Done`), so traces name the branch taken. Processes
 * are numbered 0..N-1 here (1..N in the TLA+ spec); only their order matters.
 *
 * `num` and `flag` are safe registers: a write is modelled as any number of arbitrary writes
 * ("flickering", the `…Flicker` actions) followed by the real one. Numbers are unbounded; as in
 * MCBoulanger, Nat is 0..MaxNat and the state constraint `num[p] < MaxNat` keeps the state space
 * finite. With N = 3, MaxNat = 3, TLC finds 7,866,982 distinct states, 63,482,135 generated,
 * depth 84.
 *
 * Written against views of a packed layout (`definePackedSpec`, `layout.ts`): the actions read
 * `s.pc.get(self) === 'e1'`, `t.num.set(self, k)`, `s.unchecked.get(self).has(i)`, while the
 * checker hashes and stores 13 words (N = 3). The invariants and the constraint: `invariant.ts`.
 */
import { defineProtocol, definePackedSpec, type Spec, type Words } from '../../spec/index.ts';
import { boulangerConstraint, boulangerProperties, precedes } from './invariant.ts';
import { boulangerLayout, type Copy, type Label, type Proc, type State } from './layout.ts';

export type { Label, Proc };

export interface BoulangerConfig {
  readonly n: number;
  /** MCBoulanger's MaxNat: Nat is 0..maxNat, and no number reaching it is explored. */
  readonly maxNat: number;
}

export function boulangerSpec(config: BoulangerConfig = { n: 3, maxNat: 3 }): Spec<Words> {
  const { n, maxNat } = config;
  const PROCS: readonly Proc[] = Array.from({ length: n }, (_, i) => i);
  const NAT = Array.from({ length: maxNat + 1 }, (_, k) => k);
  /** Every (self, i): the process self looks at. */
  const PAIRS = PROCS.flatMap((self) => PROCS.map((i) => [self, i] as const));
  /** Every (self, k), k in Nat: a flickering write of num[self]. */
  const WRITES = PROCS.flatMap((self) => NAT.map((k) => [self, k] as const));
  const OTHERS = PROCS.map((self) => PROCS.filter((q) => q !== self));
  const LOWER = PROCS.map((self) => PROCS.filter((q) => q < self));
  const layout = boulangerLayout(n);

  const at = (s: State, self: Proc, label: Label) => s.pc.get(self) === label;
  /** A copy of s with process self moved to label `to`; the caller writes the rest. */
  const step = (s: State, self: Proc, to: Label): Copy => {
    const t = s.copy();
    t.pc.set(self, to);
    return t;
  };
  /** Makes unchecked[self] hold exactly `members`. */
  const assign = (t: Copy, self: Proc, members: readonly Proc[]) => {
    const set = t.unchecked.get(self);
    set.clear();
    for (const q of members) set.add(q);
  };
  /** A flickering write of flag[self], at the same label. */
  const flipFlag = (s: State, self: Proc): Copy => {
    const t = s.copy();
    t.flag.set(self, !s.flag.get(self));
    return t;
  };
  /** A flickering write: num[self] := k, at the same label. */
  const writeNum = (s: State, self: Proc, k: number): Copy => {
    const t = s.copy();
    t.num.set(self, k);
    return t;
  };
  /** w2: done with nxt if it is not competing, is behind us, or changed its number; else read again. */
  const w2 = (s: State, self: Proc): Copy => {
    const i = s.nxt.get(self),
      theirs = s.num.get(i),
      previous = s.previous.get(self);
    const passed =
      theirs === 0 || precedes(s.num.get(self), self, theirs, i) || (previous !== -1 && theirs !== previous);
    const t = s.copy();
    if (!passed) {
      t.previous.set(self, theirs);
      return t;
    }
    const unchecked = t.unchecked.get(self);
    unchecked.delete(i);
    t.pc.set(self, unchecked.size === 0 ? 'cs' : 'w1');
    return t;
  };

  return definePackedSpec(layout, {
    name: 'boulanger',
    init: (blank) => {
      const s = blank();
      for (const p of PROCS) {
        s.pc.set(p, 'ncs');
        s.previous.set(p, -1);
      }
      return [s];
    },
    actions: {
      ncs: { params: PROCS, next: (s, self) => (at(s, self, 'ncs') ? step(s, self, 'e1') : undefined) },
      /** e1, first branch: a flickering write of flag[self]. */
      e1Flicker: { params: PROCS, next: (s, self) => (at(s, self, 'e1') ? flipFlag(s, self) : undefined) },
      /** e1: raise the flag and prepare to read every other number. */
      e1: {
        params: PROCS,
        next: (s, self) => {
          if (!at(s, self, 'e1')) return undefined;
          const t = step(s, self, 'e2');
          t.flag.set(self, true);
          assign(t, self, OTHERS[self]!);
          t.max.set(self, 0);
          return t;
        },
      },
      /** e2: read num[i] for some unchecked i, keeping the maximum. */
      e2: {
        params: PAIRS,
        next: (s, [self, i]) => {
          if (!at(s, self, 'e2') || !s.unchecked.get(self).has(i)) return undefined;
          const t = s.copy();
          t.unchecked.get(self).delete(i);
          if (s.num.get(i) > s.max.get(self)) t.max.set(self, s.num.get(i));
          return t;
        },
      },
      e2Done: {
        params: PROCS,
        next: (s, self) => (at(s, self, 'e2') && s.unchecked.get(self).size === 0 ? step(s, self, 'e3') : undefined),
      },
      /** e3, first branch: a flickering write of num[self] (any k in Nat). */
      e3Flicker: { params: WRITES, next: (s, [self, k]) => (at(s, self, 'e3') ? writeNum(s, self, k) : undefined) },
      /** e3: take the number max + 1. */
      e3: {
        params: PROCS,
        next: (s, self) => {
          if (!at(s, self, 'e3')) return undefined;
          const t = step(s, self, 'e4');
          t.num.set(self, s.max.get(self) + 1);
          return t;
        },
      },
      e4Flicker: { params: PROCS, next: (s, self) => (at(s, self, 'e4') ? flipFlag(s, self) : undefined) },
      /** e4: lower the flag; with number 1 only lower-numbered processes need checking (Boulangerie). */
      e4: {
        params: PROCS,
        next: (s, self) => {
          if (!at(s, self, 'e4')) return undefined;
          const t = step(s, self, 'w1');
          t.flag.set(self, false);
          assign(t, self, s.num.get(self) === 1 ? LOWER[self]! : OTHERS[self]!);
          return t;
        },
      },
      /** w1: pick an unchecked process i that is not choosing, and wait on it. */
      w1: {
        params: PAIRS,
        next: (s, [self, i]) => {
          if (!at(s, self, 'w1') || !s.unchecked.get(self).has(i) || s.flag.get(i)) return undefined;
          const t = step(s, self, 'w2');
          t.nxt.set(self, i);
          t.previous.set(self, -1);
          return t;
        },
      },
      w1Done: {
        params: PROCS,
        next: (s, self) => (at(s, self, 'w1') && s.unchecked.get(self).size === 0 ? step(s, self, 'cs') : undefined),
      },
      w2: { params: PROCS, next: (s, self) => (at(s, self, 'w2') ? w2(s, self) : undefined) },
      cs: { params: PROCS, next: (s, self) => (at(s, self, 'cs') ? step(s, self, 'exit') : undefined) },
      exitFlicker: {
        params: WRITES,
        next: (s, [self, k]) => (at(s, self, 'exit') ? writeNum(s, self, k) : undefined),
      },
      exit: {
        params: PROCS,
        next: (s, self) => {
          if (!at(s, self, 'exit')) return undefined;
          const t = step(s, self, 'ncs');
          t.num.set(self, 0);
          return t;
        },
      },
    },
    constraint: boulangerConstraint(layout, n, maxNat),
    properties: boulangerProperties(layout, n, maxNat),
  });
}

export const boulanger = defineProtocol({
  name: 'boulanger',
  summary:
    'The Boulangerie mutual exclusion algorithm, a Bakery variant with safe registers (Boulanger.tla, MCBoulanger.cfg)',
  config: {
    n: { default: 3, doc: 'processes', min: 1, max: 5 },
    maxNat: { default: 3, doc: 'Nat is 0..maxNat; states with a number reaching it are not explored', min: 1, max: 10 },
  },
  variants: { correct: 'Boulanger.tla as published' },
  build: (c) => boulangerSpec(c),
});
