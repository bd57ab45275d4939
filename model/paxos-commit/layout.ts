/**
 * The constants of PaxosCommit.tla for a configuration, and the packed layout of its states: a
 * word per RM state, a record per acceptor and instance (its ballots as integers bounded by
 * Ballot, its vote's value one of three), and `msgs` as a set over every message the constants
 * allow (`messageUniverse`).
 */
import { arrayOf, int, oneOf, packedLayout, record, setOf, type StateViewOf } from '../../spec/index.ts';
import { messageUniverse } from './messages.ts';

export type RmState = 'working' | 'prepared' | 'committed' | 'aborted';
export const RM_STATES: readonly RmState[] = ['working', 'prepared', 'committed', 'aborted'];

export interface PaxosCommitConfig {
  readonly rms: number;
  readonly acceptors: number;
  /** Ballot = 0..maxBallot. */
  readonly maxBallot: number;
}

/** The constants of PaxosCommit.tla. */
export interface PaxosCommitConstants {
  readonly RM: readonly string[];
  readonly ACCEPTOR: readonly string[];
  readonly MAJORITY: readonly (readonly string[])[];
  readonly BALLOT: readonly number[];
  /** Ballot \ {0}: ballot 0 is the resource manager's own. */
  readonly LEADER_BALLOT: readonly number[];
}

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Every subset of `items` with exactly `size` members, in lexicographic order. */
function subsetsOfSize<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  return items.flatMap((first, i) => subsetsOfSize(items.slice(i + 1), size - 1).map((rest) => [first, ...rest]));
}

/** Minimal majorities of the acceptors: for a1..a3, {a1,a2}, {a1,a3}, {a2,a3} as in PaxosCommit.cfg. */
export const majoritiesOf = (acceptors: readonly string[]) =>
  subsetsOfSize(acceptors, Math.floor(acceptors.length / 2) + 1);

export function paxosCommitConstants(config: PaxosCommitConfig): PaxosCommitConstants {
  const ACCEPTOR = ids('a', config.acceptors);
  const BALLOT = range(0, config.maxBallot);
  return {
    RM: ids('r', config.rms),
    ACCEPTOR,
    MAJORITY: majoritiesOf(ACCEPTOR),
    BALLOT,
    LEADER_BALLOT: BALLOT.slice(1),
  };
}

/** PaxosCommit.tla's variables, with the same names. */
export function paxosCommitLayout(constants: PaxosCommitConstants) {
  const maxBallot = constants.BALLOT.length - 1;
  return packedLayout({
    rmState: arrayOf(constants.RM, oneOf(RM_STATES)),
    /** `aState[ins][ac]`: acceptor ac's state in the Paxos instance of resource manager ins. */
    aState: arrayOf(
      constants.RM,
      arrayOf(
        constants.ACCEPTOR,
        record({
          /** The highest ballot promised. */
          mbal: int({ max: maxBallot }),
          /** The ballot of the last vote, -1 for none. */
          bal: int({ min: -1, max: maxBallot }),
          val: oneOf(['none', 'prepared', 'aborted'] as const),
        }),
      ),
    ),
    /** Every message ever sent. */
    msgs: setOf(messageUniverse(constants)),
  });
}

/** A Paxos Commit state, read through views of its words. */
export type PaxosCommitView = StateViewOf<ReturnType<typeof paxosCommitLayout>>;
