/**
 * Paxos's state as a packed layout: each acceptor's maxBal, maxVBal and maxVal a few bits of a
 * word, and `msgs` a set over every message text the constants allow (the votes first, so the
 * refinement mapping finds them in order).
 */
import { bitArrayOf, int, oneOf, packedLayout, setOf, type StateViewOf } from '../../spec/index.ts';
import { type Ballot, type MaybeValue, msg1a, msg1b, msg2a, voteText } from './messages.ts';
import type { Universe } from './voting.ts';

/** Every message the constants allow, as texts: the votes (2b) first, then 1a, 1b and 2a. */
export function messageTexts({ acceptors, values, ballots }: Universe): string[] {
  const votes = acceptors.flatMap((acc) => ballots.flatMap((bal) => values.map((val) => voteText(acc, bal, val))));
  const priorVotes = (bal: Ballot): [Ballot, MaybeValue][] => [
    [-1, null],
    ...ballots.filter((b) => b < bal).flatMap((b) => values.map((v): [Ballot, MaybeValue] => [b, v])),
  ];
  const reports = acceptors.flatMap((acc) =>
    ballots.flatMap((bal) => priorVotes(bal).map(([mbal, mval]) => msg1b(acc, bal, mbal, mval))),
  );
  const proposals = ballots.flatMap((bal) => values.map((val) => msg2a(bal, val)));
  return [...votes, ...ballots.map(msg1a), ...reports, ...proposals];
}

/** Paxos.tla's variables, with the same names. */
export function paxosLayout(u: Universe) {
  const ballot = int({ min: -1, max: u.ballots.length - 1 });
  return packedLayout({
    /** The highest ballot each acceptor has taken part in (-1: none). */
    maxBal: bitArrayOf(u.acceptors, ballot),
    /** <<maxVBal[a], maxVal[a]>>: the acceptor's vote with the highest ballot (-1 and None: none). */
    maxVBal: bitArrayOf(u.acceptors, ballot),
    maxVal: bitArrayOf(u.acceptors, oneOf<MaybeValue>([null, ...u.values])),
    /** Every message ever sent (see `messages.ts`). */
    msgs: setOf(messageTexts(u)),
  });
}

/** A Paxos state, read through views of its words. */
export type PaxosView = StateViewOf<ReturnType<typeof paxosLayout>>;
