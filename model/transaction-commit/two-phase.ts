/**
 * Two-Phase Commit (TLA+ Examples: specifications/transaction_commit/TwoPhase.tla, Gray and
 * Lamport, "Consensus on Transaction Commit").
 *
 * A transaction manager (TM) coordinates resource managers (RMs). RMs prepare spontaneously and
 * send `Prepared`; the TM collects them and commits once every RM is prepared, or aborts at any
 * time before that, and broadcasts its decision; RMs obey it. A working RM may also abort on its
 * own (its Abort message is elided: the TM aborting spontaneously stands for receiving it).
 * Messages are never removed, so receiving one twice is allowed (and has no effect).
 *
 * Properties: TPTypeOK; TCConsistent on the RM states (no RM commits while another aborts); and
 * ImplementsTCommit, the theorem TPSpec => TC!TCSpec: Two-Phase Commit refines Transaction Commit
 * (`tcommit.ts`) under the mapping that keeps the RM states — every step is a TCommit step or
 * leaves the RM states alone (TLC, PROPERTY TC!TCSpec: holds).
 * Variants: `correct` (as in TwoPhase.tla) and two realistic bugs that break the refinement:
 * `commit-on-majority` (the TM commits once a majority of RMs are prepared: an RM then commits while
 * another is still working, no TCommit step — 6 steps, as TLC finds) and `abort-after-prepare` (an
 * RM may still abort on its own after it has prepared; then a commit message turns it from aborted
 * to committed — 9 steps, as TLC finds). Both break TCConsistent one step or so later.
 * TLC: 3 RMs → 288 distinct, 1,146 generated, depth 11; 7 RMs → 296,448 / 2,744,706 / 23;
 * 8 RMs → 1,745,408 / 18,507,778 / 26; with SYMMETRY Permutations(RM), 7 RMs → 920 / 8,410 / 23.
 * The end states (every RM decided) are `terminal`.
 *
 * Written against views of a packed layout (`definePackedSpec`, `two-phase-layout.ts`): the
 * actions read `s.rmState.get(r)` and write `t.msgs.add(m)` on a copy, while the checker hashes
 * and stores four words (8 RMs).
 */
import { defineProtocol, definePackedSpec, layoutPermutations, type StateViewOf } from '../../spec/index.ts';
import { type RmState, rmIds } from './rms.ts';
import { type TCommitState, tcommitSpec } from './tcommit.ts';
import { ABORT, COMMIT, preparedMsg, type TmState, twoPhaseLayout } from './two-phase-layout.ts';

export type { TmState };

export const TWO_PHASE_VARIANTS = {
  correct: 'Two-Phase Commit as in TwoPhase.tla',
  'commit-on-majority': 'bug: the TM commits once a majority of RMs are prepared, not all of them',
  'abort-after-prepare': 'bug: an RM may abort on its own even after it has prepared',
} as const;
export type TwoPhaseVariant = keyof typeof TWO_PHASE_VARIANTS;

export function twoPhaseSpec(rmCount = 3, variant: TwoPhaseVariant = 'correct', symmetric = false) {
  const rms = rmIds(rmCount);
  const layout = twoPhaseLayout(rms);
  type State = StateViewOf<typeof layout>;
  const prepared = new Map(rms.map((r) => [r, preparedMsg(r)]));
  /** TMCommit's guard: every RM prepared (the bug: a majority). */
  const enoughPrepared =
    variant === 'commit-on-majority'
      ? (s: State) => s.tmPrepared.size > rms.length / 2
      : (s: State) => s.tmPrepared.size === rms.length;
  /** RMChooseToAbort's guard: the RM is still working (the bug: or prepared). */
  const mayAbortAlone =
    variant === 'abort-after-prepare'
      ? (state: RmState) => state === 'working' || state === 'prepared'
      : (state: RmState) => state === 'working';
  const decide = (s: State, to: 'committed' | 'aborted', message: string) => {
    const t = s.copy();
    t.tmState = to;
    t.msgs.add(message);
    return t;
  };
  const setRm = (s: State, r: string, to: RmState) => {
    const t = s.copy();
    t.rmState.set(r, to);
    return t;
  };
  const obey = (message: string, to: RmState) => (s: State, r: string) => {
    if (!s.msgs.has(message)) return undefined;
    return s.rmState.get(r) === to ? s : setRm(s, r, to);
  };
  return definePackedSpec(layout, {
    name: 'two-phase-commit',
    init: (blank) => {
      const s = blank();
      for (const r of rms) s.rmState.set(r, 'working');
      s.tmState = 'init';
      return [s];
    },
    actions: {
      tmCommit: {
        next: (s) => (s.tmState === 'init' && enoughPrepared(s) ? decide(s, 'committed', COMMIT) : undefined),
      },
      tmAbort: { next: (s) => (s.tmState === 'init' ? decide(s, 'aborted', ABORT) : undefined) },
      tmRcvPrepared: {
        params: rms,
        next: (s, r) => {
          if (s.tmState !== 'init' || !s.msgs.has(prepared.get(r)!)) return undefined;
          if (s.tmPrepared.has(r)) return s;
          const t = s.copy();
          t.tmPrepared.add(r);
          return t;
        },
      },
      rmPrepare: {
        params: rms,
        next: (s, r) => {
          if (s.rmState.get(r) !== 'working') return undefined;
          const t = s.copy();
          t.rmState.set(r, 'prepared');
          t.msgs.add(prepared.get(r)!);
          return t;
        },
      },
      rmChooseToAbort: {
        params: rms,
        next: (s, r) => (mayAbortAlone(s.rmState.get(r)) ? setRm(s, r, 'aborted') : undefined),
      },
      rmRcvCommitMsg: { params: rms, next: obey(COMMIT, 'committed') },
      rmRcvAbortMsg: { params: rms, next: obey(ABORT, 'aborted') },
    },
    properties: ({ always, refines }) => [
      // Every word holds one of its field's values by construction: the layout is TPTypeOK.
      always('TPTypeOK', () => true),
      // A loop, not every: this runs on every state.
      always(
        'TCConsistent',
        (s) => {
          let committed = false,
            aborted = false;
          for (const r of rms) {
            const state = s.rmState.get(r);
            if (state === 'committed') committed = true;
            else if (state === 'aborted') aborted = true;
          }
          return !(committed && aborted);
        },
        { description: 'no RM has committed while another has aborted' },
      ),
      // TC == INSTANCE TCommit; THEOREM TPSpec => TC!TCSpec.
      refines('ImplementsTCommit', tcommitSpec(rms.length), tcommitMapping(layout, rms)),
    ],
    // The RMs are interchangeable (SYMMETRY Permutations(RM)): each renaming moves words' bits.
    symmetry: symmetric ? layoutPermutations(layout, { rms }) : undefined,
    terminal: (s) => {
      for (const r of rms) {
        const state = s.rmState.get(r);
        if (state !== 'committed' && state !== 'aborted') return false;
      }
      return true;
    },
  });
}

/**
 * The refinement mapping onto TCommit, whose rmState is TwoPhase's. One TCommit state per word of
 * RM states (up to 15 RMs share one), made once, so a step that leaves the RM states alone maps to
 * the very same object: a stutter the check sees without hashing.
 */
function tcommitMapping(layout: ReturnType<typeof twoPhaseLayout>, rms: readonly string[]) {
  type State = StateViewOf<typeof layout>;
  const { offset, width } = layout.fields.rmState;
  const decode = (s: State): TCommitState => ({
    rmState: Object.fromEntries(rms.map((r) => [r, s.rmState.get(r)])),
  });
  if (width !== 1) return decode;
  const made = new Map<number, TCommitState>();
  return (s: State): TCommitState => {
    const word = s.words[offset]!;
    let state = made.get(word);
    if (state === undefined) made.set(word, (state = decode(s)));
    return state;
  };
}

export const twoPhaseCommit = defineProtocol({
  name: 'two-phase-commit',
  summary: 'Two-Phase Commit (TwoPhase.tla): a TM coordinates RMs; refines transaction-commit',
  config: {
    rms: { default: 3, doc: 'number of resource managers (r1..rN)', min: 1, max: 12 },
    symmetric: { default: false, doc: 'symmetry reduction: states equal up to renaming RMs count once' },
  },
  variants: TWO_PHASE_VARIANTS,
  build: (c, variant) => twoPhaseSpec(c.rms, variant, c.symmetric),
});
