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

/**
 * What Inv reads of a Paxos state, held as records and a Set (`paxosReading`) or as views of
 * packed words (`paxos-views.ts`). As a `VotingView` (V!…), its 2b messages are the votes.
 */
export interface PaxosReading extends VotingView {
  maxVBalOf(acceptor: string): Ballot;
  maxValOf(acceptor: string): MaybeValue;
  /** Whether the message (its text) was sent. */
  sent(text: string): boolean;
  /** Every message sent, as texts. */
  messages(): Iterable<string>;
}

export const paxosReading = (s: PaxosState): PaxosReading => ({
  maxBalOf: (a) => s.maxBal[a]!,
  maxVBalOf: (a) => s.maxVBal[a]!,
  maxValOf: (a) => s.maxVal[a]!,
  sent: (text) => s.msgs.has(text),
  hasVote: (text) => s.msgs.has(text),
  messages: () => s.msgs,
});

export function inv(u: Universe, s: PaxosState): boolean {
  return typeOK(u, s) && invBeyondTypes(u, paxosReading(s));
}

/** Inv without TypeOK: each acceptor's state agrees with its votes, and every message is justified. */
export function invBeyondTypes(u: Universe, s: PaxosReading): boolean {
  for (const a of u.acceptors) if (!(s.maxBalOf(a) >= s.maxVBalOf(a) && ownVoteRecorded(s, a))) return false;
  for (const text of s.messages()) if (!justified(u, s, parseMessage(text)!)) return false;
  return true;
}

/** maxVBal/maxVal is None before the first vote, and one of the acceptor's votes after it. */
function ownVoteRecorded(s: PaxosReading, a: string): boolean {
  const ballot = s.maxVBalOf(a);
  const value = s.maxValOf(a);
  return ballot === -1 ? value === null : value !== null && votedFor(s, a, ballot, value);
}

function justified(u: Universe, s: PaxosReading, m: Message): boolean {
  switch (m.type) {
    case '1a':
      return true;
    case '1b':
      return s.maxBalOf(m.acc) >= m.bal && (m.mbal < 0 || (m.mval !== null && votedFor(s, m.acc, m.mbal, m.mval)));
    case '2a':
      return (
        u.quorums.some((q) => showsSafeAt(u, s, q, m.bal, m.val)) &&
        u.values.every((v) => v === m.val || !s.sent(msg2a(m.bal, v)))
      );
    case '2b':
      return s.maxVBalOf(m.acc) >= m.bal && s.sent(msg2a(m.bal, m.val));
  }
}
