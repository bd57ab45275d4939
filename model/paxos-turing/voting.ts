/**
 * The Voting algorithm's notions (Voting.tla) read off a Paxos state, as Paxos.tla does through
 * `V == INSTANCE Voting`: acceptor a voted for v in ballot b iff the message 2b(a, b, v) was sent.
 * Used by the invariant Inv, by Agreement, and by the refinement check "every Paxos step is a
 * Voting step".
 */
import { type Ballot, voteText } from './messages.ts';

/** The part of a Paxos state Voting sees: maxBal, and the votes (through `msgs`). */
export interface VotingView {
  readonly maxBal: Readonly<Record<string, Ballot>>;
  readonly msgs: ReadonlySet<string>;
}

export interface Universe {
  readonly acceptors: readonly string[];
  readonly values: readonly string[];
  readonly ballots: readonly Ballot[];
  readonly quorums: readonly (readonly string[])[];
}

export const votedFor = (s: VotingView, a: string, b: Ballot, v: string) => s.msgs.has(voteText(a, b, v));

export const didNotVoteAt = (u: Universe, s: VotingView, a: string, b: Ballot) => u.values.every((v) => !votedFor(s, a, b, v));

/** ShowsSafeAt(Q, b, v): Q's acceptors promised b, and their votes below b make v safe at b. */
export function showsSafeAt(u: Universe, s: VotingView, quorum: readonly string[], b: Ballot, v: string): boolean {
  if (!quorum.every((a) => s.maxBal[a]! >= b)) return false;
  for (let c = -1; c < b; c++) {
    const votedAtC = c === -1 || quorum.some((a) => votedFor(s, a, c, v));
    if (!votedAtC) continue;
    let silentAfter = true;
    for (let d = c + 1; d < b && silentAfter; d++) silentAfter = quorum.every((a) => didNotVoteAt(u, s, a, d));
    if (silentAfter) return true;
  }
  return false;
}

/** The chosen values: some quorum voted for the value in one ballot. */
export function chosen(u: Universe, s: VotingView): string[] {
  return u.values.filter((v) => u.ballots.some((b) => u.quorums.some((q) => q.every((a) => votedFor(s, a, b, v)))));
}

/** VoteFor(a, b, v)'s enabling condition in the state before the vote. */
function mayVoteFor(u: Universe, s: VotingView, a: string, b: Ballot, v: string): boolean {
  return s.maxBal[a]! <= b
    && didNotVoteAt(u, s, a, b)
    && u.acceptors.every((c) => c === a || u.values.every((w) => w === v || !votedFor(s, c, b, w)))
    && u.quorums.some((q) => showsSafeAt(u, s, q, b, v));
}

/** The new vote of a step, if it cast one: a 2b message that was not there before. */
function newVote(before: VotingView, after: VotingView): { acc: string; bal: Ballot; val: string } | undefined {
  if (after.msgs.size === before.msgs.size) return undefined;
  for (const m of after.msgs) {
    if (m.startsWith('2b(') && !before.msgs.has(m)) {
      const [acc = '', bal = '', val = ''] = m.slice(3, -1).split(', ');
      return { acc, bal: Number(bal), val };
    }
  }
  return undefined;
}

/** Whether a step is a Voting step (IncreaseMaxBal or VoteFor) or leaves votes and maxBal alone. */
export function isVotingStep(u: Universe, before: VotingView, after: VotingView): boolean {
  const changed = u.acceptors.filter((a) => before.maxBal[a] !== after.maxBal[a]);
  const vote = newVote(before, after);
  if (vote === undefined) {
    // a stutter, or IncreaseMaxBal(a, b)
    return changed.length === 0 || (changed.length === 1 && after.maxBal[changed[0]!]! > before.maxBal[changed[0]!]!);
  }
  const onlyVoter = changed.every((a) => a === vote.acc);
  return onlyVoter && after.maxBal[vote.acc] === vote.bal && mayVoteFor(u, before, vote.acc, vote.bal, vote.val);
}
