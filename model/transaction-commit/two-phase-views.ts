/**
 * Two-Phase Commit written against views of a packed layout (`definePackedSpec`, `spec/views.ts`):
 * the actions read like the object model's (`s.rmState.get(r)`, `t.msgs.add(m)`, `s.copy()`), and
 * the checker hashes and stores the words of `two-phase-packed.ts`'s layout. The same states and
 * counts as `two-phase.ts` in every variant (`two-phase-views.test.ts`); `--set views=true`. The
 * candidate for the model's one definition (issue 20), measured against the other two by
 * `npm run bench -- views`.
 */
import { definePackedSpec, layoutPermutations, type StateViewOf } from '../../spec/index.ts';
import type { RmState } from './rms.ts';
import { type TCommitState, tcommitSpec } from './tcommit.ts';
import { twoPhaseLayout } from './two-phase-packed.ts';
import { ABORT, COMMIT, preparedMsg, type TwoPhaseVariant } from './two-phase-actions.ts';

export function twoPhaseViewSpec(rms: readonly string[], variant: TwoPhaseVariant = 'correct', symmetric = false) {
  const layout = twoPhaseLayout(rms);
  type State = StateViewOf<typeof layout>;
  const prepared = new Map(rms.map((r) => [r, preparedMsg(r)]));
  /** TMCommit's guard: every RM prepared (the bug: a majority). */
  const enoughPrepared =
    variant === 'commit-on-majority'
      ? (s: State) => s.tmPrepared.size > rms.length / 2
      : (s: State) => s.tmPrepared.size === rms.length;
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
  const tcommit = new Map<number, TCommitState>();
  const { offset: rmWord, width } = layout.fields.rmState,
    oneWord = width === 1;
  const tcommitStateOf = (s: State): TCommitState => ({
    rmState: Object.fromEntries(rms.map((r) => [r, s.rmState.get(r)])),
  });
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
      always('TCConsistent', (s) => {
        let committed = false,
          aborted = false;
        for (const r of rms) {
          const state = s.rmState.get(r);
          if (state === 'committed') committed = true;
          else if (state === 'aborted') aborted = true;
        }
        return !(committed && aborted);
      }),
      // One TCommit state per word of RM states (up to 15 RMs share one), so steps that leave
      // the RM states alone map to the same object: a stutter the check sees without hashing.
      refines('ImplementsTCommit', tcommitSpec(rms.length), (s) => {
        if (!oneWord) return tcommitStateOf(s);
        const word = s.words[rmWord]!;
        let state = tcommit.get(word);
        if (state === undefined) tcommit.set(word, (state = tcommitStateOf(s)));
        return state;
      }),
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
