/**
 * TwoPhase's actions, properties and end states, written once over `TwoPhaseAccess` — how one
 * representation of the state reads and writes it. `two-phase.ts` gives it records and Sets,
 * `two-phase-packed.ts` the words of a packed layout; both specs are this definition, so they
 * have the same actions in the same order, the same parameters, guards and properties.
 */
import { KripkeError, type PropertyConstructors } from '../../spec/index.ts';
import type { RmState } from './rms.ts';
import { type TCommitState, tcommitSpec } from './tcommit.ts';

export type TmState = 'init' | 'committed' | 'aborted';

export const TWO_PHASE_VARIANTS = {
  correct: 'Two-Phase Commit as in TwoPhase.tla',
  'commit-on-majority': 'bug: the TM commits once a majority of RMs are prepared, not all of them',
  'abort-after-prepare': 'bug: an RM may abort on its own even after it has prepared',
} as const;
export type TwoPhaseVariant = keyof typeof TWO_PHASE_VARIANTS;

export const RM_STATES: readonly RmState[] = ['working', 'prepared', 'committed', 'aborted'];
export const TM_STATES: readonly TmState[] = ['init', 'committed', 'aborted'];
export const COMMIT = 'commit';
export const ABORT = 'abort';
export const preparedMsg = (rm: string) => `prepared:${rm}`;

/**
 * What the definition reads and writes, by position: RM `i` is `rms[i]`, message `m` is
 * `messages[m]` (`twoPhaseMessages`). Each write returns a new state.
 */
export interface TwoPhaseAccess<S> {
  /** rmState[rms[i]]; undefined when the state holds none there (TPTypeOK fails). */
  readonly rm: (s: S, i: number) => RmState | undefined;
  readonly tm: (s: S) => TmState;
  /** How many RMs the TM has received Prepared from, and whether RM `i` is one. */
  readonly tmPreparedCount: (s: S) => number;
  readonly tmPrepared: (s: S, i: number) => boolean;
  /** Whether message `m` was ever sent. */
  readonly sent: (s: S, m: number) => boolean;
  readonly setRm: (s: S, i: number, to: RmState) => S;
  /** RM `i` prepares and sends its Prepared message, message `i`. */
  readonly prepare: (s: S, i: number) => S;
  /** The TM decides and broadcasts its decision, message `m`. */
  readonly decide: (s: S, to: TmState, m: number) => S;
  readonly receivePrepared: (s: S, i: number) => S;
  /** The rest of TPTypeOK, which only this representation can get wrong (exact keys, Set members). */
  readonly typedBeyondFields: (s: S) => boolean;
  /**
   * The refinement mapping onto TCommit (TCommit's rmState is TwoPhase's). Returning the same
   * parts (or object) while the RM states are unchanged lets the check see a stutter without hashing.
   */
  readonly tcommitState: (s: S) => TCommitState;
}

/** Every message, in the order of positions: `prepared:<rm>` for each RM, then Commit and Abort. */
export const twoPhaseMessages = (rms: readonly string[]) => [...rms.map(preparedMsg), COMMIT, ABORT];

export function twoPhaseDefinition<S>(rms: readonly string[], variant: TwoPhaseVariant, access: TwoPhaseAccess<S>) {
  const { rm, tm, sent, setRm } = access;
  const COMMIT_AT = rms.length,
    ABORT_AT = rms.length + 1;
  const positions = new Map(rms.map((r, i) => [r, i]));
  /** RM r's position: the parameter's index, which the checker passes (tests may call next without it). */
  const at = (r: string, i: number | undefined): number => {
    const found = i ?? positions.get(r);
    if (found === undefined)
      throw new KripkeError('invalid-value', `two-phase-commit: no resource manager '${r}'; RMs: ${rms.join(', ')}`);
    return found;
  };
  /** TMCommit's guard: every RM prepared (the bug: a majority). */
  const enoughPrepared =
    variant === 'commit-on-majority'
      ? (s: S) => access.tmPreparedCount(s) > rms.length / 2
      : (s: S) => access.tmPreparedCount(s) === rms.length;
  /** RMChooseToAbort's guard: the RM is still working (the bug: or prepared). */
  const mayAbortAlone =
    variant === 'abort-after-prepare'
      ? (state: RmState | undefined) => state === 'working' || state === 'prepared'
      : (state: RmState | undefined) => state === 'working';
  const obey = (message: number, to: RmState) => (s: S, r: string, index?: number) => {
    if (!sent(s, message)) return undefined;
    const i = at(r, index);
    return rm(s, i) === to ? s : setRm(s, i, to);
  };
  // Loops, not closures: these run on every state.
  /** TCConsistent: no RM has committed while another has aborted. */
  const consistent = (s: S) => {
    let committed = false,
      aborted = false;
    for (let i = 0; i < rms.length; i++) {
      const state = rm(s, i);
      if (state === 'committed') committed = true;
      else if (state === 'aborted') aborted = true;
    }
    return !(committed && aborted);
  };
  /** Every RM decided: the end states, not deadlocks. */
  const terminal = (s: S) => {
    for (let i = 0; i < rms.length; i++) {
      const state = rm(s, i);
      if (state !== 'committed' && state !== 'aborted') return false;
    }
    return true;
  };
  const typed = (s: S) => {
    for (let i = 0; i < rms.length; i++) {
      const state = rm(s, i);
      if (state === undefined || !RM_STATES.includes(state)) return false;
    }
    return TM_STATES.includes(tm(s)) && access.typedBeyondFields(s);
  };
  const actions = {
    tmCommit: {
      next: (s: S) => (tm(s) === 'init' && enoughPrepared(s) ? access.decide(s, 'committed', COMMIT_AT) : undefined),
    },
    tmAbort: { next: (s: S) => (tm(s) === 'init' ? access.decide(s, 'aborted', ABORT_AT) : undefined) },
    tmRcvPrepared: {
      params: rms,
      next: (s: S, r: string, index?: number) => {
        const i = at(r, index);
        if (tm(s) !== 'init' || !sent(s, i)) return undefined;
        return access.tmPrepared(s, i) ? s : access.receivePrepared(s, i);
      },
    },
    rmPrepare: {
      params: rms,
      next: (s: S, r: string, index?: number) => {
        const i = at(r, index);
        return rm(s, i) === 'working' ? access.prepare(s, i) : undefined;
      },
    },
    rmChooseToAbort: {
      params: rms,
      next: (s: S, r: string, index?: number) => {
        const i = at(r, index);
        return mayAbortAlone(rm(s, i)) ? setRm(s, i, 'aborted') : undefined;
      },
    },
    rmRcvCommitMsg: { params: rms, next: obey(COMMIT_AT, 'committed') },
    rmRcvAbortMsg: { params: rms, next: obey(ABORT_AT, 'aborted') },
  };
  const properties = ({ always, refines }: PropertyConstructors<S>) => [
    always('TPTypeOK', typed),
    always('TCConsistent', consistent, { description: 'no RM has committed while another has aborted' }),
    // TC == INSTANCE TCommit; THEOREM TPSpec => TC!TCSpec.
    refines('ImplementsTCommit', tcommitSpec(rms.length), access.tcommitState),
  ];
  return { actions, properties, terminal };
}
