/**
 * The Voting algorithm (Voting.tla), the spec Paxos refines (`Paxos.tla`: `V == INSTANCE Voting`,
 * `THEOREM Spec => V!Spec`), and its notions, which Paxos's invariant and Agreement use too.
 *
 * Acceptors raise their ballot (IncreaseMaxBal) or vote for a value in a ballot (VoteFor): only
 * once per ballot, only for the value others voted for in that ballot, and only when some quorum
 * shows the value safe there. A state is `votes` — the votes cast, each as its `2b(a, b, v)` text
 * (Voting's votes[a] ∋ <<b, v>>) — and `maxBal`. Paxos maps onto it by keeping maxBal and
 * reading the votes off its 2b messages. Voting in turn refines Consensus
 * (`consensus.ts`) under `chosen <- chosen`, which MCVoting.cfg checks (PROPERTY C!Spec).
 * TLC (MCVoting: 3 acceptors, 2 values, ballots 0..2): 6,752 distinct states, 41,017 generated,
 * depth 16, all properties hold — the same here with VoteFor's parameter as TLC counts it.
 */
import { defineProtocol, defineSpec, withMember } from '../../spec/index.ts';
import { consensusSpec } from './consensus.ts';
import { type Ballot, parseMessage, voteText } from './messages.ts';

/**
 * What Voting's notions read: each acceptor's ballot, and whether a vote was cast (by its
 * `2b(a, b, v)` text). Read off a Voting state (`votingStateView`), or off a Paxos state's
 * views (`VotingReading` in `invariant.ts`).
 */
export interface VotingView {
  maxBalOf(acceptor: string): Ballot;
  hasVote(text: string): boolean;
}

/** A state of Voting.tla: the votes cast, each as its `2b(a, b, v)` text, and each acceptor's ballot. */
export interface VotingState {
  readonly maxBal: Readonly<Record<string, Ballot>>;
  readonly votes: ReadonlySet<string>;
}

export const votingStateView = (s: VotingState): VotingView => ({
  maxBalOf: (a) => s.maxBal[a]!,
  hasVote: (text) => s.votes.has(text),
});

export interface Universe {
  readonly acceptors: readonly string[];
  readonly values: readonly string[];
  readonly ballots: readonly Ballot[];
  readonly quorums: readonly (readonly string[])[];
}

/** The constants of MCPaxos and MCVoting: acceptors a1..aN, values v1..vM, ballots 0..maxBallot, majority quorums. */
export function universe(config: {
  readonly acceptors: number;
  readonly values: number;
  readonly maxBallot: number;
}): Universe {
  const acceptors = Array.from({ length: config.acceptors }, (_, i) => `a${i + 1}`);
  return {
    acceptors,
    values: Array.from({ length: config.values }, (_, i) => `v${i + 1}`),
    ballots: Array.from({ length: config.maxBallot + 1 }, (_, i) => i),
    quorums: majorities(acceptors),
  };
}

/** Every subset with more than half of the acceptors, in lexicographic order. */
function majorities(acceptors: readonly string[]): string[][] {
  const size = Math.floor(acceptors.length / 2) + 1;
  const pick = (from: number, need: number): string[][] =>
    need === 0
      ? [[]]
      : acceptors.slice(from).flatMap((a, i) => pick(from + i + 1, need - 1).map((rest) => [a, ...rest]));
  return pick(0, size);
}

export const votedFor = (s: VotingView, a: string, b: Ballot, v: string) => s.hasVote(voteText(a, b, v));

export const didNotVoteAt = (u: Universe, s: VotingView, a: string, b: Ballot) =>
  u.values.every((v) => !votedFor(s, a, b, v));

/** ShowsSafeAt(Q, b, v): Q's acceptors promised b, and their votes below b make v safe at b. */
export function showsSafeAt(u: Universe, s: VotingView, quorum: readonly string[], b: Ballot, v: string): boolean {
  if (!quorum.every((a) => s.maxBalOf(a) >= b)) return false;
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

/**
 * VoteFor(a, b, v) with the witnesses of its guard, as TLC counts them (one step per witness of an
 * `\E`, nested ones included): `\E Q \in Quorum : ShowsSafeAt(Q, b, v)`, and inside ShowsSafeAt
 * `\E c \in -1..(b-1)` and, for c ≠ -1, `\E a \in Q : VotedFor(a, c, v)` (`by`).
 */
export interface Vote {
  readonly acc: string;
  readonly bal: Ballot;
  readonly val: string;
}
export interface VoteWitness extends Vote {
  readonly quorum: readonly string[];
  /** ShowsSafeAt's c: the last ballot below `bal` at which Q's votes matter (-1: none). */
  readonly c: Ballot;
  /** The acceptor of Q that voted for `val` at c (null when c = -1). */
  readonly by: string | null;
}

/** VoteFor's guard, for one witness of its `\E`s or (without one) for any. */
function mayVoteFor(u: Universe, s: VotingView, vote: Vote | VoteWitness): boolean {
  const { acc: a, bal: b, val: v } = vote;
  if (!(s.maxBalOf(a) <= b && didNotVoteAt(u, s, a, b))) return false;
  if (!u.acceptors.every((x) => x === a || u.values.every((w) => w === v || !votedFor(s, x, b, w)))) return false;
  if (!('quorum' in vote)) return u.quorums.some((q) => showsSafeAt(u, s, q, b, v));
  const { quorum, c, by } = vote;
  if (!quorum.every((x) => s.maxBalOf(x) >= b) || (by !== null && !votedFor(s, by, c, v))) return false;
  for (let d = c + 1; d < b; d++) if (!quorum.every((x) => didNotVoteAt(u, s, x, d))) return false;
  return true;
}

/** Every witness, in TLC's order: acceptor, ballot, value, quorum, c, then the voter. */
function voteWitnesses(u: Universe): VoteWitness[] {
  return u.acceptors.flatMap((acc) =>
    u.ballots.flatMap((bal) =>
      u.values.flatMap((val) =>
        u.quorums.flatMap((quorum) =>
          [-1, ...u.ballots.filter((c) => c < bal)].flatMap((c) =>
            (c === -1 ? [null] : quorum).map((by) => ({ acc, bal, val, quorum, c, by })),
          ),
        ),
      ),
    ),
  );
}

/**
 * Voting.tla's Spec (Init /\\ [][Next]_<<votes, maxBal>>) over a universe of acceptors, values,
 * ballots and quorums. `counting: 'tlc'` (the default) makes VoteFor's parameter the witnesses of
 * its guard, so generated counts are TLC's (MCVoting: 6,752 / 41,017 / 16); `'votes'` makes it just
 * (acceptor, ballot, value) — the same steps, fewer tries, for use as an abstract spec.
 */
export function votingSpec(u: Universe, counting: 'tlc' | 'votes' = 'tlc') {
  const pairs = u.acceptors.flatMap((acc) => u.ballots.map((bal) => ({ acc, bal })));
  return defineSpec({
    name: 'voting',
    init: (): VotingState[] => [{ votes: new Set(), maxBal: Object.fromEntries(u.acceptors.map((a) => [a, -1])) }],
    actions: {
      increaseMaxBal: {
        params: pairs,
        next: (s, { acc, bal }) => (bal > s.maxBal[acc]! ? { ...s, maxBal: { ...s.maxBal, [acc]: bal } } : undefined),
      },
      voteFor: {
        params:
          counting === 'tlc'
            ? voteWitnesses(u)
            : u.acceptors.flatMap((acc) => u.ballots.flatMap((bal) => u.values.map((val) => ({ acc, bal, val })))),
        next: (s, w: Vote | VoteWitness) =>
          mayVoteFor(u, votingStateView(s), w)
            ? { votes: withMember(s.votes, voteText(w.acc, w.bal, w.val)), maxBal: { ...s.maxBal, [w.acc]: w.bal } }
            : undefined,
      },
    },
    properties: ({ always, refines }) => [
      always('OneValuePerBallot', (s) => {
        const view = votingStateView(s);
        return u.ballots.every(
          (b) => u.values.filter((v) => u.acceptors.some((a) => votedFor(view, a, b, v))).length <= 1,
        );
      }),
      always('VotesSafe', (s) => [...s.votes].every((text) => isSafeVote(u, votingStateView(s), text))),
      refines('ImplementsConsensus', consensusSpec(u.values), (s) => ({
        chosen: new Set(chosen(u, votingStateView(s))),
      })), // C!Spec
    ],
    checkDeadlock: false, // MCVoting.cfg: CHECK_DEADLOCK FALSE
  });
}

/** VotesSafe for one vote: SafeAt(b, v) — every ballot c below b has a quorum that chose v there or cannot vote there. */
function isSafeVote(u: Universe, s: VotingView, text: string): boolean {
  const vote = parseMessage(text);
  if (vote?.type !== '2b') return false;
  const { bal: b, val: v } = vote;
  for (let c = 0; c < b; c++) {
    const noneOther = u.quorums.some((q) =>
      q.every((x) => votedFor(s, x, c, v) || (s.maxBalOf(x) > c && didNotVoteAt(u, s, x, c))),
    );
    if (!noneOther) return false;
  }
  return true;
}

export const voting = defineProtocol({
  name: 'voting',
  summary: 'The Voting algorithm (Voting.tla, MCVoting): the spec Paxos refines; refines Consensus',
  config: {
    acceptors: { default: 3, doc: 'number of acceptors (a1..aN); quorums are majorities', min: 1, max: 5 },
    values: { default: 2, doc: 'number of values (v1..vM)', min: 1, max: 4 },
    maxBallot: { default: 2, doc: 'ballots are 0..maxBallot (2: MCVoting)', min: 0, max: 4 },
  },
  variants: { spec: 'Voting as in Voting.tla, counted as TLC counts it' },
  build: (c) => votingSpec(universe(c)),
});
