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
 * leaves the RM states alone (TLC, PROPERTY TC!TCSpec: holds). The actions and properties are
 * written once (`two-phase-actions.ts`) over this file's records and Sets, or over the words of
 * `two-phase-packed.ts` (`--set packed=true`).
 * Variants: `correct` (as in TwoPhase.tla) and two realistic bugs that break the refinement:
 * `commit-on-majority` (the TM commits once a majority of RMs are prepared: an RM then commits while
 * another is still working, no TCommit step — 6 steps, as TLC finds) and `abort-after-prepare` (an
 * RM may still abort on its own after it has prepared; then a commit message turns it from aborted
 * to committed — 9 steps, as TLC finds). Both break TCConsistent one step or so later.
 * TLC: 3 RMs → 288 distinct, 1,146 generated, depth 11; 7 RMs → 296,448 / 2,744,706 / 23;
 * 8 RMs → 1,745,408 / 18,507,778 / 26. The end states (every RM decided) are `terminal`.
 */
import { defineProtocol, defineSpec, KripkeError, permutations, withEntry, withMember } from '../../spec/index.ts';
import { twoPhasePackedSpec } from './two-phase-packed.ts';
import { twoPhaseViewSpec } from './two-phase-views.ts';
import {
  type TmState,
  TWO_PHASE_VARIANTS,
  type TwoPhaseAccess,
  twoPhaseDefinition,
  twoPhaseMessages,
  type TwoPhaseVariant,
} from './two-phase-actions.ts';
import { allRms, type RmState, type RmStates, rmIds } from './rms.ts';

export { TWO_PHASE_VARIANTS, type TmState, type TwoPhaseVariant };

export interface TwoPhaseState {
  readonly rmState: RmStates;
  readonly tmState: TmState;
  /** The RMs from which the TM has received a Prepared message. */
  readonly tmPrepared: ReadonlySet<string>;
  /** Every message ever sent: `prepared:<rm>`, `commit`, `abort`. */
  readonly msgs: ReadonlySet<string>;
}

const setRm = (s: TwoPhaseState, rm: string, to: RmState): TwoPhaseState => ({
  ...s,
  rmState: withEntry(s.rmState, rm, to),
});

/** Whether every member of `set` is in `universe` (a loop: TPTypeOK runs on every state). */
function within(set: ReadonlySet<string>, universe: ReadonlySet<string>): boolean {
  for (const member of set) if (!universe.has(member)) return false;
  return true;
}

/** The definition of `two-phase-actions.ts` over records and Sets. */
function objectAccess(rms: readonly string[]): TwoPhaseAccess<TwoPhaseState> {
  const messages = twoPhaseMessages(rms),
    universe = new Set(messages),
    rmSet = new Set(rms);
  return {
    rm: (s, i) => s.rmState[rms[i]!],
    tm: (s) => s.tmState,
    tmPreparedCount: (s) => s.tmPrepared.size,
    tmPrepared: (s, i) => s.tmPrepared.has(rms[i]!),
    sent: (s, m) => s.msgs.has(messages[m]!),
    setRm: (s, i, to) => setRm(s, rms[i]!, to),
    prepare: (s, i) => ({ ...setRm(s, rms[i]!, 'prepared'), msgs: withMember(s.msgs, messages[i]!) }),
    decide: (s, tmState, m) => ({ ...s, tmState, msgs: withMember(s.msgs, messages[m]!) }),
    receivePrepared: (s, i) => ({ ...s, tmPrepared: withMember(s.tmPrepared, rms[i]!) }),
    // Each RM's state is checked by the definition: here, that there are no other keys.
    typedBeyondFields: (s) =>
      Object.keys(s.rmState).length === rms.length && within(s.tmPrepared, rmSet) && within(s.msgs, universe),
    // The TM's steps share the RM-state record, so their image is a stutter seen without hashing.
    tcommitState: (s) => ({ rmState: s.rmState }),
  };
}

export function twoPhaseSpec(rmCount = 3, variant: TwoPhaseVariant = 'correct', symmetric = false) {
  const rms = rmIds(rmCount);
  const { actions, properties, terminal } = twoPhaseDefinition(rms, variant, objectAccess(rms));
  return defineSpec({
    name: 'two-phase-commit',
    init: (): TwoPhaseState[] => [
      { rmState: allRms(rms, 'working'), tmState: 'init', tmPrepared: new Set(), msgs: new Set() },
    ],
    actions,
    properties,
    terminal,
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
    views: {
      default: false,
      doc: 'the packed layout written against object-like views (two-phase-views.ts): the same states',
    },
  },
  variants: TWO_PHASE_VARIANTS,
  build: (c, variant) => {
    if (!c.packed && !c.views) return twoPhaseSpec(c.rms, variant, c.symmetric);
    if (c.symmetric && c.packed)
      throw new KripkeError('invalid-config', 'symmetric=true needs the object layout or views (packed=false)', {
        model: 'two-phase-commit',
        key: 'symmetric',
      });
    if (c.packed && c.views)
      throw new KripkeError('invalid-config', 'packed=true and views=true are two layouts: choose one', {
        model: 'two-phase-commit',
        key: 'views',
      });
    return c.views ? twoPhaseViewSpec(rmIds(c.rms), variant, c.symmetric) : twoPhasePackedSpec(rmIds(c.rms), variant);
  },
});
