/**
 * Transaction Commit, the specification Two-Phase Commit implements (TLA+ Examples:
 * specifications/transaction_commit/TCommit.tla, Gray and Lamport, "Consensus on Transaction
 * Commit").
 *
 * Each resource manager (RM) starts `working`, may `prepare`, and then decides: it may commit only
 * once every RM is prepared (or committed), and abort only while no RM has committed. There is no
 * coordinator and no messages: this is what must happen, not how.
 *
 * Properties: TCTypeOK and TCConsistent (no RM commits while another aborts). When every RM has
 * decided nothing is enabled; those states are declared `terminal`, so deadlock is checked for
 * every other state (TLC runs TCommit.cfg with CHECK_DEADLOCK FALSE instead).
 * TLC with RM = {r1, r2, r3}: 34 distinct states, 94 generated, depth 7.
 */
import { defineProtocol, defineSpec } from '../../spec/index.ts';
import { allDecided, allRms, consistent, type RmStates, rmIds, rmStatesTyped } from './rms.ts';

export interface TCommitState {
  readonly rmState: RmStates;
}

export function tcommitSpec(rmCount = 3) {
  const rms = rmIds(rmCount);
  const set = (s: TCommitState, rm: string, to: RmStates[string]): TCommitState => ({
    rmState: { ...s.rmState, [rm]: to },
  });
  /** canCommit: every RM is prepared or already committed. */
  const canCommit = (s: TCommitState) =>
    rms.every((rm) => s.rmState[rm] === 'prepared' || s.rmState[rm] === 'committed');
  /** notCommitted: no RM has committed yet. */
  const notCommitted = (s: TCommitState) => rms.every((rm) => s.rmState[rm] !== 'committed');
  return defineSpec({
    name: 'transaction-commit',
    init: (): TCommitState[] => [{ rmState: allRms(rms, 'working') }],
    actions: {
      prepare: { params: rms, next: (s, rm) => (s.rmState[rm] === 'working' ? set(s, rm, 'prepared') : undefined) },
      // Decide(rm) is a disjunction in TCommit.tla; each disjunct is an action of its own here.
      decideCommit: {
        params: rms,
        next: (s, rm) => (s.rmState[rm] === 'prepared' && canCommit(s) ? set(s, rm, 'committed') : undefined),
      },
      decideAbort: {
        params: rms,
        next: (s, rm) => {
          const state = s.rmState[rm];
          return (state === 'working' || state === 'prepared') && notCommitted(s) ? set(s, rm, 'aborted') : undefined;
        },
      },
    },
    properties: ({ always }) => [
      always('TCTypeOK', (s) => rmStatesTyped(s.rmState, rms)),
      always('TCConsistent', (s) => consistent(s.rmState, rms), {
        description: 'no RM has committed while another has aborted',
      }),
    ],
    terminal: (s) => allDecided(s.rmState, rms),
  });
}

export const transactionCommit = defineProtocol({
  name: 'transaction-commit',
  summary: 'Transaction Commit (TCommit.tla): the spec of what Two-Phase Commit must achieve',
  config: {
    rms: { default: 3, doc: 'number of resource managers (r1..rN)', min: 1, max: 10 },
  },
  variants: { spec: 'TCommit as in TCommit.tla' },
  build: (c) => tcommitSpec(c.rms),
});
