/**
 * Paxos.tla's invariant Inv (checked by MCPaxosTiny.cfg and MCPaxosSmall.cfg): TypeOK, each
 * acceptor's state agrees with its own votes, and every message sent is justified — a 1b reports
 * a real vote, a 2a proposes a value Voting shows safe (and is the only 2a of its ballot), a 2b
 * answers a 2a. TypeOK holds by construction: every field of the layout holds a value of its type
 * (ballots within -1..maxBallot, values among None and the values, messages among the well-typed).
 */
import type { PaxosView } from './layout.ts';
import { type Ballot, type Message, msg2a, parseMessage } from './messages.ts';
import { showsSafeAt, type Universe, votedFor, type VotingView } from './voting.ts';

/** V!…: Voting's notions read a Paxos state by its maxBal and its 2b messages (the votes). */
export class VotingReading implements VotingView {
  constructor(private readonly s: PaxosView) {}
  maxBalOf(a: string): Ballot {
    return this.s.maxBal.get(a);
  }
  hasVote(text: string): boolean {
    return this.s.msgs.has(text);
  }
}

/** Inv beyond TypeOK: each acceptor's state agrees with its votes, and every message is justified. */
export function inv(u: Universe, s: PaxosView): boolean {
  const voting = new VotingReading(s);
  for (const a of u.acceptors)
    if (!(s.maxBal.get(a) >= s.maxVBal.get(a) && ownVoteRecorded(s, voting, a))) return false;
  for (const text of s.msgs) if (!justified(u, s, voting, parseMessage(text)!)) return false;
  return true;
}

/** maxVBal/maxVal is None before the first vote, and one of the acceptor's votes after it. */
function ownVoteRecorded(s: PaxosView, voting: VotingView, a: string): boolean {
  const ballot = s.maxVBal.get(a);
  const value = s.maxVal.get(a);
  return ballot === -1 ? value === null : value !== null && votedFor(voting, a, ballot, value);
}

function justified(u: Universe, s: PaxosView, voting: VotingView, m: Message): boolean {
  switch (m.type) {
    case '1a':
      return true;
    case '1b':
      return (
        s.maxBal.get(m.acc) >= m.bal && (m.mbal < 0 || (m.mval !== null && votedFor(voting, m.acc, m.mbal, m.mval)))
      );
    case '2a':
      return (
        u.quorums.some((q) => showsSafeAt(u, voting, q, m.bal, m.val)) &&
        u.values.every((v) => v === m.val || !s.msgs.has(msg2a(m.bal, v)))
      );
    case '2b':
      return s.maxVBal.get(m.acc) >= m.bal && s.msgs.has(msg2a(m.bal, m.val));
  }
}
