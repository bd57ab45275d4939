/**
 * `two_phase_commit.qnt` as a Kripke model, action for action: the same variables (a map, sets,
 * records), the same action names, and each action's parameter is the Quint action's `nondet`
 * pick (`rm`). So a trace that Quint writes with `quint run --mbt --out-itf` replays here:
 * `kripke replay trace.itf.json bench/quint/two_phase_commit.ts` (Kripke reads the action from
 * `mbt::actionTaken` and the parameter from `mbt::nondetPicks`).
 */
import { defineSpec, interned, withMember } from '../../spec/index.ts';

const RM = ['r1', 'r2', 'r3'] as const;
type Rm = (typeof RM)[number];
interface Message {
  readonly tag: string;
  readonly rm: string;
}

interface State {
  readonly rmState: ReadonlyMap<Rm, string>;
  readonly tmState: string;
  readonly tmPrepared: ReadonlySet<Rm>;
  readonly msgs: ReadonlySet<Message>;
}

/** One object per message value, so a Set of messages answers `has` by value (Quint's records). */
const message = interned((tag: string, rm: string): Message => ({ tag, rm }));
const setRm = (s: State, rm: Rm, to: string): State => ({ ...s, rmState: new Map(s.rmState).set(rm, to) });
const rmIs = (s: State, rm: Rm, what: string) => s.rmState.get(rm) === what;

export default defineSpec({
  name: 'two_phase_commit.qnt',
  init: (): State[] => [
    { rmState: new Map(RM.map((rm) => [rm, 'working'])), tmState: 'init', tmPrepared: new Set(), msgs: new Set() },
  ],
  actions: {
    tmRcvPrepared: {
      params: RM,
      next: (s, rm) =>
        s.tmState === 'init' && s.msgs.has(message('Prepared', rm))
          ? { ...s, tmPrepared: withMember(s.tmPrepared, rm) }
          : undefined,
    },
    tmCommit: {
      next: (s) =>
        s.tmState === 'init' && s.tmPrepared.size === RM.length
          ? { ...s, tmState: 'committed', msgs: withMember(s.msgs, message('Commit', '')) }
          : undefined,
    },
    tmAbort: {
      next: (s) =>
        s.tmState === 'init' ? { ...s, tmState: 'aborted', msgs: withMember(s.msgs, message('Abort', '')) } : undefined,
    },
    rmPrepare: {
      params: RM,
      next: (s, rm) =>
        rmIs(s, rm, 'working')
          ? { ...setRm(s, rm, 'prepared'), msgs: withMember(s.msgs, message('Prepared', rm)) }
          : undefined,
    },
    rmChooseToAbort: { params: RM, next: (s, rm) => (rmIs(s, rm, 'working') ? setRm(s, rm, 'aborted') : undefined) },
    rmRcvCommitMsg: {
      params: RM,
      next: (s, rm) => (s.msgs.has(message('Commit', '')) ? setRm(s, rm, 'committed') : undefined),
    },
    rmRcvAbortMsg: {
      params: RM,
      next: (s, rm) => (s.msgs.has(message('Abort', '')) ? setRm(s, rm, 'aborted') : undefined),
    },
  },
  // Quint's `step` has no end: once every RM has decided, receiving a decision again is the only step.
  properties: ({ always }) => [
    always(
      'TCConsistent',
      (s) => !RM.some((r1) => rmIs(s, r1, 'aborted')) || !RM.some((r2) => rmIs(s, r2, 'committed')),
    ),
  ],
});
