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
 * 8 RMs → 1,745,408 / 18,507,778 / 26. The end states (every RM decided) are `terminal`.
 */
import { defineProtocol, defineSpec, KripkeError, permutations, withEntry, withMember } from '../../spec/index.ts';
import { type TCommitState, tcommitSpec } from './tcommit.ts';
import { twoPhasePackedSpec } from './two-phase-packed.ts';
import { allDecided, allRms, consistent, type RmState, type RmStates, rmIds, rmStatesTyped } from './rms.ts';

export type TmState = 'init' | 'committed' | 'aborted';

export interface TwoPhaseState {
  readonly rmState: RmStates;
  readonly tmState: TmState;
  /** The RMs from which the TM has received a Prepared message. */
  readonly tmPrepared: ReadonlySet<string>;
  /** Every message ever sent: `prepared:<rm>`, `commit`, `abort`. */
  readonly msgs: ReadonlySet<string>;
}

export const TWO_PHASE_VARIANTS = {
  correct: 'Two-Phase Commit as in TwoPhase.tla',
  'commit-on-majority': 'bug: the TM commits once a majority of RMs are prepared, not all of them',
  'abort-after-prepare': 'bug: an RM may abort on its own even after it has prepared',
} as const;
export type TwoPhaseVariant = keyof typeof TWO_PHASE_VARIANTS;

const COMMIT = 'commit';
const ABORT = 'abort';
const TM_STATES: ReadonlySet<string> = new Set<TmState>(['init', 'committed', 'aborted']);

const preparedMsg = (rm: string) => `prepared:${rm}`;
/** The TM decides and broadcasts its decision. */
const decide = (s: TwoPhaseState, tmState: TmState, message: string): TwoPhaseState => ({ ...s, tmState, msgs: withMember(s.msgs, message) });
const setRm = (s: TwoPhaseState, rm: string, to: RmState): TwoPhaseState => ({ ...s, rmState: withEntry(s.rmState, rm, to) });

export function twoPhaseSpec(rmCount = 3, variant: TwoPhaseVariant = 'correct', symmetric = false) {
  const rms = rmIds(rmCount);
  const prepared = new Map(rms.map((rm) => [rm, preparedMsg(rm)]));
  const messages = new Set([...prepared.values(), COMMIT, ABORT]);
  /** TMCommit's guard: every RM prepared (the bug: a majority). */
  const enoughPrepared = variant === 'commit-on-majority'
    ? (s: TwoPhaseState) => s.tmPrepared.size > rms.length / 2
    : (s: TwoPhaseState) => s.tmPrepared.size === rms.length;
  /** RMChooseToAbort's guard: the RM is still working (the bug: or prepared). */
  const mayAbortAlone = variant === 'abort-after-prepare'
    ? (state: RmState | undefined) => state === 'working' || state === 'prepared'
    : (state: RmState | undefined) => state === 'working';
  const obey = (message: string, to: RmState) => (s: TwoPhaseState, rm: string) =>
    s.msgs.has(message) ? (s.rmState[rm] === to ? s : setRm(s, rm, to)) : undefined;

  return defineSpec({
    name: 'two-phase-commit',
    init: (): TwoPhaseState[] => [{ rmState: allRms(rms, 'working'), tmState: 'init', tmPrepared: new Set(), msgs: new Set() }],
    actions: {
      tmCommit: {
        next: (s) => (s.tmState === 'init' && enoughPrepared(s) ? decide(s, 'committed', COMMIT) : undefined),
      },
      tmAbort: {
        next: (s) => (s.tmState === 'init' ? decide(s, 'aborted', ABORT) : undefined),
      },
      tmRcvPrepared: {
        params: rms,
        next: (s, rm) => {
          if (s.tmState !== 'init' || !s.msgs.has(prepared.get(rm)!)) return undefined;
          return s.tmPrepared.has(rm) ? s : { ...s, tmPrepared: withMember(s.tmPrepared, rm) };
        },
      },
      rmPrepare: {
        params: rms,
        next: (s, rm) => (s.rmState[rm] === 'working'
          ? { ...setRm(s, rm, 'prepared'), msgs: withMember(s.msgs, prepared.get(rm)!) } : undefined),
      },
      rmChooseToAbort: { params: rms, next: (s, rm) => (mayAbortAlone(s.rmState[rm]) ? setRm(s, rm, 'aborted') : undefined) },
      rmRcvCommitMsg: { params: rms, next: obey(COMMIT, 'committed') },
      rmRcvAbortMsg: { params: rms, next: obey(ABORT, 'aborted') },
    },
    properties: ({ always, refines }) => [
      always('TPTypeOK', (s) => rmStatesTyped(s.rmState, rms) && TM_STATES.has(s.tmState)
        && [...s.tmPrepared].every((rm) => prepared.has(rm)) && [...s.msgs].every((m) => messages.has(m))),
      always('TCConsistent', (s) => consistent(s.rmState, rms)),
      // TC == INSTANCE TCommit; THEOREM TPSpec => TC!TCSpec (TCommit's rmState is TwoPhase's). A step
      // that leaves the RM states alone shares the record, so its image is a stutter seen without hashing.
      refines('ImplementsTCommit', tcommitSpec(rmCount), (s): TCommitState => ({ rmState: s.rmState })),
    ],
    terminal: (s) => allDecided(s.rmState, rms),
    // The RMs are interchangeable: TLC's SYMMETRY Permutations(RM) (7 RMs: 920 states, depth 23).
    symmetry: symmetric ? permutations<TwoPhaseState>({ rms }) : undefined,
  });
}

export const twoPhaseCommit = defineProtocol({
  name: 'two-phase-commit',
  summary: 'Two-Phase Commit (TwoPhase.tla): a TM coordinates RMs; refines transaction-commit',
  config: {
    rms: { default: 3, doc: 'number of resource managers (r1..rN)', min: 1, max: 12 },
    symmetric: { default: false, doc: 'symmetry reduction: states equal up to renaming RMs count once' },
    packed: { default: false, doc: 'packed state layout (two-phase-packed.ts): the same states, checked faster' },
  },
  variants: TWO_PHASE_VARIANTS,
  build: (c, variant) => {
    if (!c.packed) return twoPhaseSpec(c.rms, variant, c.symmetric);
    if (c.symmetric) throw new KripkeError('invalid-config', 'symmetric=true needs the object layout (packed=false)', { model: 'two-phase-commit', key: 'symmetric' });
    return twoPhasePackedSpec(rmIds(c.rms), variant);
  },
});
