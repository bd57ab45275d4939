/**
 * Paxos's action parameters, in the order TLC tries them (so generated counts are TLC's), and
 * Phase2a's choice of a value, correct or (`ignore-prior-votes`) not.
 */
import type { Ballot, Message } from './messages.ts';
import type { Universe } from './voting.ts';

/**
 * A leader's proposal: ballot, value, the quorum whose 1b messages justify it, and the acceptor
 * whose reported vote is the highest among them (null when none of them has voted). Naming the
 * cited vote makes one step per witness, as TLC counts `\E m \in Q1bv` in Phase2a.
 */
export interface Proposal {
  readonly bal: Ballot;
  readonly val: string;
  readonly quorum: readonly string[];
  readonly citing: string | null;
}
export interface Join {
  readonly acc: string;
  readonly bal: Ballot;
}
export interface Vote {
  readonly acc: string;
  readonly bal: Ballot;
  readonly val: string;
}

/** The parameters of Phase2a, Phase1b and Phase2b, in TLC's order. */
export function paxosDomains({ acceptors, values, ballots, quorums }: Universe) {
  const proposals: Proposal[] = ballots.flatMap((bal) =>
    values.flatMap((val) =>
      quorums.flatMap((quorum) => [null, ...quorum].map((citing) => ({ bal, val, quorum, citing }))),
    ),
  );
  const joins: Join[] = acceptors.flatMap((acc) => ballots.map((bal) => ({ acc, bal })));
  const votes: Vote[] = acceptors.flatMap((acc) => ballots.flatMap((bal) => values.map((val) => ({ acc, bal, val }))));
  return { proposals, joins, votes };
}

export type Report = Extract<Message, { type: '1b' }>;

/**
 * Paxos's heart, given the 1b reports of the proposal's quorum in its ballot: no one in the
 * quorum has voted (and the proposal cites no vote), or the cited acceptor reported the highest
 * vote in the quorum, for this value.
 */
export function safeToPropose(reports: readonly Report[], p: Proposal): boolean {
  let highest: Ballot = -1;
  for (const r of reports) if (r.mbal > highest) highest = r.mbal;
  if (p.citing === null) return highest === -1;
  const cited = reports.find((r) => r.acc === p.citing)!;
  return highest >= 0 && cited.mbal === highest && cited.mval === p.val;
}

/** The bug (`ignore-prior-votes`): any value, once the quorum has joined (the proposal cites no vote). */
export const quorumJoined = (_reports: readonly Report[], p: Proposal): boolean => p.citing === null;
