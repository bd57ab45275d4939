/**
 * The Boulangerie algorithm of Yoram Moses and Katia Patkin, a variant of Lamport's Bakery
 * algorithm (TLA+ Examples: specifications/Bakery-Boulangerie/Boulanger.tla, checked with
 * MCBoulanger.cfg).
 *
 * Boulanger.tla is a PlusCal algorithm; this is its TLA+ translation ported action by action
 * (`actions.ts`: one action per PlusCal label and branch). Processes are numbered 0..N-1 here
 * (1..N in the TLA+ spec); only their order matters. The actions' names and domains, the
 * invariants and the constraint are defined once for this file's arrays and for the words of
 * `boulanger-packed.ts` (`--set packed=true`), and its actions are written again against views of
 * those words in `boulanger-views.ts` (`--set views=true`).
 *
 * `num` and `flag` are safe registers: a write is modelled as any number of arbitrary writes
 * ("flickering", the `…Flicker` actions) followed by the real one. Numbers are unbounded; as in
 * MCBoulanger, Nat is 0..MaxNat and the state constraint `num[p] < MaxNat` keeps the state space
 * finite. With N = 3, MaxNat = 3, TLC finds 7,866,982 distinct states, 63,482,135 generated,
 * depth 84.
 */
import { defineProtocol, defineSpec, KripkeError } from '../../spec/index.ts';
import { boulangerPackedSpec } from './boulanger-packed.ts';
import { boulangerViewSpec } from './boulanger-views.ts';
import { boulangerActions, boulangerConstants } from './actions.ts';
import {
  type BoulangerRead,
  boulangerConstraint,
  boulangerProperties,
  type Label,
  LABELS,
  precedes,
} from './invariant.ts';

export type Proc = number;
export type { Label };

export interface BoulangerState {
  /** num[p]: p's ticket number; 0 when not competing. */
  readonly num: readonly number[];
  /** flag[p]: p is choosing its number. */
  readonly flag: readonly boolean[];
  /** pc[p]: the PlusCal label p is at. */
  readonly pc: readonly Label[];
  /** unchecked[p]: the processes p has still to look at (a set, kept sorted). */
  readonly unchecked: readonly (readonly Proc[])[];
  /** max[p]: the largest number p has read so far. */
  readonly max: readonly number[];
  /** nxt[p]: the process p is waiting for. */
  readonly nxt: readonly Proc[];
  /** previous[p]: the number p last read from nxt[p], or -1. */
  readonly previous: readonly number[];
}

export interface BoulangerConfig {
  readonly n: number;
  /** MCBoulanger's MaxNat: Nat is 0..maxNat, and no number reaching it is explored. */
  readonly maxNat: number;
}

// Written as loops, not closures: these run for every successor.
function set<T>(items: readonly T[], i: number, value: T): T[] {
  const copy = items.slice();
  copy[i] = value;
  return copy;
}

function without(procs: readonly Proc[], p: Proc): Proc[] {
  const rest: Proc[] = [];
  for (const q of procs) if (q !== p) rest.push(q);
  return rest;
}

const LABEL_CODES: ReadonlyMap<string, number> = new Map(LABELS.map((l, i) => [l, i]));

/** What the invariants read of this file's states. */
function objectRead(PROCS: readonly Proc[]): BoulangerRead<BoulangerState> {
  return {
    num: (s, p) => s.num[p]!,
    max: (s, p) => s.max[p]!,
    previous: (s, p) => s.previous[p]!,
    nxt: (s, p) => s.nxt[p]!,
    flag: (s, p) => s.flag[p]!,
    among: (s, p, mask) => ((mask >>> (LABEL_CODES.get(s.pc[p]!) ?? -1)) & 1) === 1,
    unchecked: (s, p, q) => s.unchecked[p]!.includes(q),
    typedBeyondFields: (s) =>
      PROCS.every((p) => typeof s.flag[p] === 'boolean' && s.unchecked[p]!.every((q) => PROCS.includes(q))),
  };
}

export function boulangerSpec(config: BoulangerConfig = { n: 3, maxNat: 3 }) {
  const constants = boulangerConstants(config);
  const { PROCS } = constants;
  const read = objectRead(PROCS);

  /** The state with process self moved to label `to` and the given variables changed for it. */
  const step = (
    s: BoulangerState,
    self: Proc,
    to: Label,
    change: Partial<Record<keyof BoulangerState, unknown>> = {},
  ) => ({ ...s, ...change, pc: set(s.pc, self, to) }) as BoulangerState;
  const at = (s: BoulangerState, self: Proc, label: Label) => s.pc[self] === label;

  return defineSpec({
    name: 'boulanger',
    init: (): BoulangerState[] => [
      {
        num: PROCS.map(() => 0),
        flag: PROCS.map(() => false),
        pc: PROCS.map(() => 'ncs'),
        unchecked: PROCS.map(() => []),
        max: PROCS.map(() => 0),
        nxt: PROCS.map(() => 0),
        previous: PROCS.map(() => -1),
      },
    ],
    actions: boulangerActions<BoulangerState>(constants, {
      ncs: (s, self) => (at(s, self, 'ncs') ? step(s, self, 'e1') : undefined),
      e1Flicker: (s, self) =>
        at(s, self, 'e1') ? step(s, self, 'e1', { flag: set(s.flag, self, !s.flag[self]) }) : undefined,
      e1: (s, self) =>
        !at(s, self, 'e1')
          ? undefined
          : step(s, self, 'e2', {
              flag: set(s.flag, self, true),
              unchecked: set(s.unchecked, self, without(PROCS, self)),
              max: set(s.max, self, 0),
            }),
      e2: (s, [self, i]) =>
        !at(s, self, 'e2') || !s.unchecked[self]!.includes(i)
          ? undefined
          : step(s, self, 'e2', {
              unchecked: set(s.unchecked, self, without(s.unchecked[self]!, i)),
              max: s.num[i]! > s.max[self]! ? set(s.max, self, s.num[i]!) : s.max,
            }),
      e2Done: (s, self) => (at(s, self, 'e2') && s.unchecked[self]!.length === 0 ? step(s, self, 'e3') : undefined),
      e3Flicker: (s, [self, k]) => (at(s, self, 'e3') ? step(s, self, 'e3', { num: set(s.num, self, k) }) : undefined),
      e3: (s, self) =>
        at(s, self, 'e3') ? step(s, self, 'e4', { num: set(s.num, self, s.max[self]! + 1) }) : undefined,
      e4Flicker: (s, self) =>
        at(s, self, 'e4') ? step(s, self, 'e4', { flag: set(s.flag, self, !s.flag[self]) }) : undefined,
      e4: (s, self) =>
        !at(s, self, 'e4')
          ? undefined
          : step(s, self, 'w1', {
              flag: set(s.flag, self, false),
              unchecked: set(
                s.unchecked,
                self,
                s.num[self] === 1 ? PROCS.filter((q) => q < self) : without(PROCS, self),
              ),
            }),
      w1: (s, [self, i]) =>
        !at(s, self, 'w1') || !s.unchecked[self]!.includes(i) || s.flag[i]
          ? undefined
          : step(s, self, 'w2', { nxt: set(s.nxt, self, i), previous: set(s.previous, self, -1) }),
      w1Done: (s, self) => (at(s, self, 'w1') && s.unchecked[self]!.length === 0 ? step(s, self, 'cs') : undefined),
      w2: (s, self) => (at(s, self, 'w2') ? w2(s, self) : undefined),
      cs: (s, self) => (at(s, self, 'cs') ? step(s, self, 'exit') : undefined),
      exitFlicker: (s, [self, k]) =>
        at(s, self, 'exit') ? step(s, self, 'exit', { num: set(s.num, self, k) }) : undefined,
      exit: (s, self) => (at(s, self, 'exit') ? step(s, self, 'ncs', { num: set(s.num, self, 0) }) : undefined),
    }),
    constraint: boulangerConstraint(read, config.n, config.maxNat),
    properties: boulangerProperties(read, config.n, config.maxNat),
  });

  function w2(s: BoulangerState, self: Proc): BoulangerState {
    const i = s.nxt[self]!,
      theirs = s.num[i]!,
      previous = s.previous[self]!;
    const passed = theirs === 0 || precedes(s.num[self]!, self, theirs, i) || (previous !== -1 && theirs !== previous);
    if (!passed) return step(s, self, 'w2', { previous: set(s.previous, self, theirs) });
    const unchecked = without(s.unchecked[self]!, i);
    return step(s, self, unchecked.length === 0 ? 'cs' : 'w1', { unchecked: set(s.unchecked, self, unchecked) });
  }
}

export const boulanger = defineProtocol({
  name: 'boulanger',
  summary:
    'The Boulangerie mutual exclusion algorithm, a Bakery variant with safe registers (Boulanger.tla, MCBoulanger.cfg)',
  config: {
    n: { default: 3, doc: 'processes', min: 1, max: 5 },
    maxNat: { default: 3, doc: 'Nat is 0..maxNat; states with a number reaching it are not explored', min: 1, max: 10 },
    packed: { default: false, doc: 'packed state layout (boulanger-packed.ts): the same states, checked faster' },
    views: {
      default: false,
      doc: 'the packed layout written against object-like views (boulanger-views.ts): the same states',
    },
  },
  variants: { correct: 'Boulanger.tla as published' },
  build: (c) => {
    if (c.packed && c.views)
      throw new KripkeError('invalid-config', 'packed=true and views=true are two layouts: choose one', {
        model: 'boulanger',
        key: 'views',
      });
    if (c.views) return boulangerViewSpec(c);
    return c.packed ? boulangerPackedSpec(c) : boulangerSpec(c);
  },
});
