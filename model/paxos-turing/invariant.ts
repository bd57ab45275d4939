/**
 * Paxos.tla's invariant Inv (checked by MCPaxosTiny.cfg and MCPaxosSmall.cfg): TypeOK, each
 * acceptor's state agrees with its own votes, and every message sent is justified — a 1b reports
 * a real vote, a 2a proposes a value Voting shows safe (and is the only 2a of its ballot), a 2b
 * answers a 2a.
 */
import { type Ballot, type MaybeValue, type Message, msg2a, parseMessage } from './messages.ts';
import { showsSafeAt, type Universe, votedFor, type VotingView } from './voting.ts';

export interface PaxosState {
  /** The highest ballot each acceptor has taken part in (-1: none). */
  readonly maxBal: Readonly<Record<string, Ballot>>;
  /** <<maxVBal[a], maxVal[a]>>: the acceptor's vote with the highest ballot (-1 and None: none). */
  readonly maxVBal: Readonly<Record<string, Ballot>>;
  readonly maxVal: Readonly<Record<string, MaybeValue>>;
  /** Every message ever sent (see `messages.ts`). */
  readonly msgs: ReadonlySet<string>;
}

export function typeOK(u: Universe, s: PaxosState): boolean {
  const ballotOrNone = (b: unknown) => b === -1 || u.ballots.includes(b as Ballot);
  const valueOrNone = (v: unknown) => v === null || u.values.includes(v as string);
  const perAcceptor = (record: object) => Object.keys(record).length === u.acceptors.length;
  return (
    perAcceptor(s.maxBal) &&
    perAcceptor(s.maxVBal) &&
    perAcceptor(s.maxVal) &&
    u.acceptors.every((a) => ballotOrNone(s.maxBal[a]) && ballotOrNone(s.maxVBal[a]) && valueOrNone(s.maxVal[a])) &&
    [...s.msgs].every((text) => isMessage(u, parseMessage(text)))
  );
}

function isMessage(u: Universe, m: Message | undefined): boolean {
  if (m === undefined || !u.ballots.includes(m.bal)) return false;
  switch (m.type) {
    case '1a':
      return true;
    case '1b':
      return (
        u.acceptors.includes(m.acc) &&
        (m.mbal === -1 || u.ballots.includes(m.mbal)) &&
        (m.mval === null || u.values.includes(m.mval))
      );
    case '2a':
      return u.values.includes(m.val);
    case '2b':
      return u.acceptors.includes(m.acc) && u.values.includes(m.val);
  }
}

export function inv(u: Universe, s: PaxosState): boolean {
  const voting = votingView(s);
  return (
    typeOK(u, s) &&
    u.acceptors.every((a) => s.maxBal[a]! >= s.maxVBal[a]! && ownVoteRecorded(s, voting, a)) &&
    [...s.msgs].every((text) => justified(u, s, voting, parseMessage(text)!))
  );
}

/** Voting's notions on a Paxos state (V!…): its 2b messages are the votes (`votedFor` looks them up among all messages). */
export const votingView = (s: PaxosState): VotingView => ({ maxBal: s.maxBal, votes: s.msgs });

/** maxVBal/maxVal is None before the first vote, and one of the acceptor's votes after it. */
function ownVoteRecorded(s: PaxosState, voting: VotingView, a: string): boolean {
  const ballot = s.maxVBal[a]!;
  const value = s.maxVal[a]!;
  return ballot === -1 ? value === null : value !== null && votedFor(voting, a, ballot, value);
}

function justified(u: Universe, s: PaxosState, voting: VotingView, m: Message): boolean {
  switch (m.type) {
    case '1a':
      return true;
    case '1b':
      return s.maxBal[m.acc]! >= m.bal && (m.mbal < 0 || (m.mval !== null && votedFor(voting, m.acc, m.mbal, m.mval)));
    case '2a':
      return (
        u.quorums.some((q) => showsSafeAt(u, voting, q, m.bal, m.val)) &&
        u.values.every((v) => v === m.val || !s.msgs.has(msg2a(m.bal, v)))
      );
    case '2b':
      return s.maxVBal[m.acc]! >= m.bal && s.msgs.has(msg2a(m.bal, m.val));
  }
}
