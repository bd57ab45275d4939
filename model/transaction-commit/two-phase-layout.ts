/**
 * TwoPhase's state as a packed layout (`spec/packed.ts`): the RM states two bits each
 * (`bitArrayOf`: up to 15 RMs in one word), the TM state, and two bitsets — four words with 8 RMs.
 * Every word holds one of its field's values by construction, so the layout is TPTypeOK.
 */
import { bitArrayOf, oneOf, packedLayout, setOf } from '../../spec/index.ts';
import { RM_STATES } from './rms.ts';

export type TmState = 'init' | 'committed' | 'aborted';

const TM_STATES: readonly TmState[] = ['init', 'committed', 'aborted'];

export const COMMIT = 'commit';
export const ABORT = 'abort';
export const preparedMsg = (rm: string) => `prepared:${rm}`;

/** Every message TwoPhase may send: `prepared:<rm>` for each RM, then Commit and Abort. */
const messagesOf = (rms: readonly string[]) => [...rms.map(preparedMsg), COMMIT, ABORT];

export function twoPhaseLayout(rms: readonly string[]) {
  return packedLayout({
    rmState: bitArrayOf(rms, oneOf(RM_STATES)),
    tmState: oneOf(TM_STATES),
    /** The RMs from which the TM has received a Prepared message. */
    tmPrepared: setOf(rms),
    /** Every message ever sent: messages are never removed. */
    msgs: setOf(messagesOf(rms)),
  });
}
