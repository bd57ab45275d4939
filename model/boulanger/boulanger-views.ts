/**
 * The Boulangerie algorithm written against views of a packed layout (`definePackedSpec`,
 * `spec/views.ts`): the actions read like the object model's (`s.pc.get(self) === 'e1'`,
 * `t.num.set(self, k)`, `s.unchecked.get(self).has(i)`), and the checker hashes and stores the
 * words of `boulanger-packed.ts`'s layout (`boulangerLayout`). The actions' names and domains
 * (`actions.ts`), the invariants and the constraint (`invariant.ts`) are the object model's; the
 * invariants read the words through the layout's fields, as the hand-packed port's do (see
 * `read`). Same states and counts as `boulanger.ts` (MCBoulanger, N = 3, MaxNat = 3: TLC
 * 7,866,982 distinct, 63,482,135 generated, depth 84), shown exactly as the object model's
 * states; `--set views=true`. One worker, the full check: 1.4–1.5× the hand-packed port's time.
 */
import { definePackedSpec, type Spec, type StateViewOf, viewsOf, type Words } from '../../spec/index.ts';
import { boulangerActions, boulangerConstants } from './actions.ts';
import type { BoulangerConfig, BoulangerState, Proc } from './boulanger.ts';
import { type BoulangerLayout, boulangerLayout } from './boulanger-packed.ts';
import { type BoulangerRead, boulangerConstraint, boulangerProperties, type Label, precedes } from './invariant.ts';

type State = StateViewOf<BoulangerLayout>;
/** A copy being written, which an action returns. */
type Copy = ReturnType<State['copy']>;

export function boulangerViewSpec(config: BoulangerConfig = { n: 3, maxNat: 3 }): Spec<Words> {
  const constants = boulangerConstants(config);
  const { PROCS } = constants;
  const OTHERS = PROCS.map((self) => PROCS.filter((q) => q !== self));
  const LOWER = PROCS.map((self) => PROCS.filter((q) => q < self));
  const layout = boulangerLayout(config.n);

  // The invariants run on every new state and read some fifty fields of it: they read the words
  // through the layout's fields, as boulanger-packed.ts does. (Written over the views instead,
  // `s.num.get(p)`, the full MCBoulanger check took 76 s instead of 46 s: each read builds a keyed
  // view and looks its key up.)
  const num = layout.fields.num.items,
    max = layout.fields.max.items,
    previous = layout.fields.previous.items;
  const nxt = layout.fields.nxt.items,
    flag = layout.fields.flag.items,
    pc = layout.fields.pc.items,
    unchecked = layout.fields.unchecked.items;
  const read: BoulangerRead<State> = {
    num: (s, p) => num[p]!.get(s.words),
    max: (s, p) => max[p]!.get(s.words),
    previous: (s, p) => previous[p]!.get(s.words),
    nxt: (s, p) => nxt[p]!.getCode(s.words),
    flag: (s, p) => flag[p]!.get(s.words),
    among: (s, p, mask) => ((mask >>> pc[p]!.getCode(s.words)) & 1) === 1,
    unchecked: (s, p, q) => unchecked[p]!.hasAt(s.words, q),
    // A flag is a bool, unchecked a set of processes: the layout holds nothing else.
    typedBeyondFields: () => true,
  };

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

  const spec = definePackedSpec(layout, {
    name: 'boulanger',
    init: (blank) => {
      const s = blank();
      for (const p of PROCS) {
        s.pc.set(p, 'ncs');
        s.previous.set(p, -1);
      }
      return [s];
    },
    actions: boulangerActions<State>(constants, {
      ncs: (s, self) => (at(s, self, 'ncs') ? step(s, self, 'e1') : undefined),
      e1Flicker: (s, self) => {
        if (!at(s, self, 'e1')) return undefined;
        const t = s.copy();
        t.flag.set(self, !s.flag.get(self));
        return t;
      },
      e1: (s, self) => {
        if (!at(s, self, 'e1')) return undefined;
        const t = step(s, self, 'e2');
        t.flag.set(self, true);
        assign(t, self, OTHERS[self]!);
        t.max.set(self, 0);
        return t;
      },
      e2: (s, [self, i]) => {
        if (!at(s, self, 'e2') || !s.unchecked.get(self).has(i)) return undefined;
        const t = s.copy();
        t.unchecked.get(self).delete(i);
        if (s.num.get(i) > s.max.get(self)) t.max.set(self, s.num.get(i));
        return t;
      },
      e2Done: (s, self) => (at(s, self, 'e2') && s.unchecked.get(self).size === 0 ? step(s, self, 'e3') : undefined),
      e3Flicker: (s, [self, k]) => {
        if (!at(s, self, 'e3')) return undefined;
        const t = s.copy();
        t.num.set(self, k);
        return t;
      },
      e3: (s, self) => {
        if (!at(s, self, 'e3')) return undefined;
        const t = step(s, self, 'e4');
        t.num.set(self, s.max.get(self) + 1);
        return t;
      },
      e4Flicker: (s, self) => {
        if (!at(s, self, 'e4')) return undefined;
        const t = s.copy();
        t.flag.set(self, !s.flag.get(self));
        return t;
      },
      e4: (s, self) => {
        if (!at(s, self, 'e4')) return undefined;
        const t = step(s, self, 'w1');
        t.flag.set(self, false);
        assign(t, self, s.num.get(self) === 1 ? LOWER[self]! : OTHERS[self]!);
        return t;
      },
      w1: (s, [self, i]) => {
        if (!at(s, self, 'w1') || !s.unchecked.get(self).has(i) || s.flag.get(i)) return undefined;
        const t = step(s, self, 'w2');
        t.nxt.set(self, i);
        t.previous.set(self, -1);
        return t;
      },
      w1Done: (s, self) => (at(s, self, 'w1') && s.unchecked.get(self).size === 0 ? step(s, self, 'cs') : undefined),
      w2: (s, self) => (at(s, self, 'w2') ? w2(s, self) : undefined),
      cs: (s, self) => (at(s, self, 'cs') ? step(s, self, 'exit') : undefined),
      exitFlicker: (s, [self, k]) => {
        if (!at(s, self, 'exit')) return undefined;
        const t = s.copy();
        t.num.set(self, k);
        return t;
      },
      exit: (s, self) => {
        if (!at(s, self, 'exit')) return undefined;
        const t = step(s, self, 'ncs');
        t.num.set(self, 0);
        return t;
      },
    }),
    constraint: boulangerConstraint(read, config.n, config.maxNat),
    properties: boulangerProperties(read, config.n, config.maxNat),
  });

  function w2(s: State, self: Proc): Copy {
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
  }

  // The object model's state: unchecked[p] a sorted array (its members in process order).
  const views = viewsOf(layout);
  const asObjectState = (words: Words): BoulangerState => {
    const s = views.read(words);
    return {
      num: PROCS.map((p) => s.num.get(p)),
      flag: PROCS.map((p) => s.flag.get(p)),
      pc: PROCS.map((p) => s.pc.get(p)),
      unchecked: PROCS.map((p) => [...s.unchecked.get(p)]),
      max: PROCS.map((p) => s.max.get(p)),
      nxt: PROCS.map((p) => s.nxt.get(p)),
      previous: PROCS.map((p) => s.previous.get(p)),
    };
  };
  // definePackedSpec shows states decoded field by field and takes no decoder: shown as the
  // object model's instead (as boulanger-packed.ts does with `layout.shownAs`), wherever a state
  // is shown — traces, saved files, the explorer, behaviour diffs — so they replay on either model.
  return { ...spec, layout: layout.shownAs(asObjectState), display: asObjectState };
}
