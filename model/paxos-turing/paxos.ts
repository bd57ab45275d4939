/**
 * The Paxos consensus algorithm as Lamport specifies it in "How to Win a Turing Award" (TLA+
 * Examples: specifications/PaxosHowToWinATuringAward/Paxos.tla, checked there by MCPaxos.tla with
 * MCPaxosTiny.cfg / MCPaxosSmall.cfg). Protocol name `paxos-turing`.
 *
 * Acceptors `a1..aN` choose among values `v1..vM` in ballots 0..maxBallot; quorums are the
 * majorities of acceptors. There is one leader per ballot. Messages are never removed:
 * - phase1a(b): the leader of ballot b asks the acceptors to join it;
 * - phase1b: an acceptor joins a higher ballot and reports its latest vote;
 * - phase2a: once a quorum has joined ballot b, its leader proposes the value of the highest vote
 *   they reported (any value if none voted) — at most one proposal per ballot;
 * - phase2b: an acceptor that has not joined a higher ballot votes for the proposal.
 *
 * Properties: TypeOK, Inv (Paxos.tla's inductive invariant, see `invariant.ts`), Agreement (at
 * most one value is chosen) and ImplementsVoting, the PROPERTY V!Spec the cfg checks: Paxos refines
 * Voting.tla (`voting.ts`) under `V == INSTANCE Voting` — maxBal kept, the votes read off the 2b
 * messages — so every step is a Voting step or leaves votes and maxBal alone; ValueChosen shows,
 * with an example, that a value can be chosen.
 * Variant `ignore-prior-votes` (a bug): the leader proposes any value once a quorum has joined,
 * ignoring the votes they reported, so two ballots can choose different values. TLC (V!Spec alone)
 * finds the refinement broken after 10 steps, by a vote for a value not safe in its ballot.
 * TLC (3 acceptors, 2 values): maxBallot 1 → 3,921 distinct, 23,563 generated, depth 17;
 * maxBallot 2 → 185,369 distinct, 1,361,380 generated, depth 25. With `symmetric` (acceptors and
 * values interchangeable, TLC's SYMMETRY): maxBallot 1 → 443 / 2,697 / 17. The same definition is
 * written against views of packed words in `paxos-views.ts` (`--set views=true`).
 */
import { defineProtocol, defineSpec, permutations } from '../../spec/index.ts';
import { type PaxosState, paxosReading, typeOK } from './invariant.ts';
import { type Ballot, msg1b, parseMessage, voteText } from './messages.ts';
import { paxosViewSpec } from './paxos-views.ts';
import { paxosProperties } from './properties.ts';
import { paxosDomains, paxosTexts, type Proposal, quorumJoined, type Report, safeToPropose } from './proposals.ts';
import { universe, votingMapping } from './voting.ts';

export { universe } from './voting.ts';

export type { PaxosState } from './invariant.ts';

export const PAXOS_VARIANTS = {
  correct: 'Paxos consensus as in Paxos.tla',
  'ignore-prior-votes': 'bug: a leader proposes any value, ignoring the votes its quorum reported',
} as const;
export type PaxosVariant = keyof typeof PAXOS_VARIANTS;

export interface PaxosConfig {
  readonly acceptors: number;
  readonly values: number;
  readonly maxBallot: number;
  /** Count states equal up to renaming acceptors and values once (TLC's SYMMETRY). */
  readonly symmetric?: boolean;
}

export type { Join, Proposal, Vote } from './proposals.ts';

/** Messages are never removed; sending one already sent changes nothing. */
const withMessage = (msgs: ReadonlySet<string>, message: string): ReadonlySet<string> =>
  msgs.has(message) ? msgs : new Set(msgs).add(message);
const send = (s: PaxosState, message: string): PaxosState =>
  s.msgs.has(message) ? s : { ...s, msgs: withMessage(s.msgs, message) };

export function paxosSpec(
  config: PaxosConfig = { acceptors: 3, values: 2, maxBallot: 1 },
  variant: PaxosVariant = 'correct',
) {
  const u = universe(config);
  const { acceptors, values, ballots } = u;
  const { proposals, joins, votes } = paxosDomains(u);
  const { asks, proposalsOf, proposalText } = paxosTexts(u);
  const perAcceptor = <T>(value: T) => Object.fromEntries(acceptors.map((a) => [a, value]));
  const choice = variant === 'ignore-prior-votes' ? quorumJoined : safeToPropose;
  const proposable = (s: PaxosState, p: Proposal) => {
    const reports = quorumReports(s, p);
    return reports !== undefined && choice(reports, p);
  };

  return defineSpec({
    name: 'paxos-turing',
    init: (): PaxosState[] => [
      { maxBal: perAcceptor(-1), maxVBal: perAcceptor(-1), maxVal: perAcceptor(null), msgs: new Set() },
    ],
    actions: {
      // Sending 1a again changes nothing: a stuttering step, as in Paxos.tla.
      phase1a: { params: ballots, next: (s, bal) => send(s, asks[bal]!) },
      phase2a: {
        params: proposals,
        next: (s, p) =>
          !proposalsOf[p.bal]!.some((m) => s.msgs.has(m)) && proposable(s, p)
            ? send(s, proposalText(p.bal, p.val))
            : undefined,
      },
      phase1b: {
        params: joins,
        next: (s, { acc, bal }) => (bal > s.maxBal[acc]! && s.msgs.has(asks[bal]!) ? join(s, acc, bal) : undefined),
      },
      phase2b: {
        params: votes,
        next: (s, { acc, bal, val }) =>
          bal >= s.maxBal[acc]! && s.msgs.has(proposalText(bal, val)) ? vote(s, acc, bal, val) : undefined,
      },
    },
    properties: paxosProperties<PaxosState>(u, {
      typeOK: (s) => typeOK(u, s),
      reading: paxosReading,
      mapping: votingMapping(),
    }),
    // Permutations(Acceptor) \cup Permutations(Value), as in the reference's symmetric TLC runs.
    symmetry: config.symmetric ? permutations<PaxosState>({ acceptors, values }) : undefined,
  });
}

/** Acceptor `acc` joins ballot `bal` and reports its latest vote (1b). */
function join(s: PaxosState, acc: string, bal: Ballot): PaxosState {
  const report = msg1b(acc, bal, s.maxVBal[acc]!, s.maxVal[acc]!);
  return { ...s, maxBal: { ...s.maxBal, [acc]: bal }, msgs: withMessage(s.msgs, report) };
}

/** Acceptor `acc` votes for `val` in ballot `bal` (2b); voting again for the same changes nothing. */
function vote(s: PaxosState, acc: string, bal: Ballot, val: string): PaxosState {
  return {
    maxBal: { ...s.maxBal, [acc]: bal },
    maxVBal: { ...s.maxVBal, [acc]: bal },
    maxVal: { ...s.maxVal, [acc]: val },
    msgs: withMessage(s.msgs, voteText(acc, bal, val)),
  };
}

/** The 1b messages of ballot `bal` from the quorum's acceptors, or undefined unless all have joined. */
function quorumReports(s: PaxosState, { bal, quorum }: Proposal): Report[] | undefined {
  // Joining ballot bal raised maxBal to bal for good: a cheap test before reading the messages.
  if (!quorum.every((a) => s.maxBal[a]! >= bal)) return undefined;
  const reports: Report[] = [];
  for (const text of s.msgs) {
    const m = parseMessage(text)!;
    if (m.type === '1b' && m.bal === bal && quorum.includes(m.acc)) reports.push(m);
  }
  return reports.length === quorum.length ? reports : undefined;
}

export const paxosTuring = defineProtocol({
  name: 'paxos-turing',
  summary: 'Paxos consensus from Lamport\'s "How to Win a Turing Award" (Paxos.tla, MCPaxos)',
  config: {
    acceptors: { default: 3, doc: 'number of acceptors (a1..aN); quorums are majorities', min: 1, max: 5 },
    values: { default: 2, doc: 'number of values (v1..vM)', min: 1, max: 4 },
    maxBallot: { default: 1, doc: 'ballots are 0..maxBallot (1: MCPaxosTiny, 2: MCPaxosSmall)', min: 0, max: 4 },
    symmetric: {
      default: false,
      doc: 'symmetry reduction: states equal up to renaming acceptors and values count once',
    },
    views: {
      default: false,
      doc: 'written against object-like views of a packed layout (paxos-views.ts): the same states, checked faster',
    },
  },
  variants: PAXOS_VARIANTS,
  build: (c, variant) => (c.views ? paxosViewSpec(c, variant) : paxosSpec(c, variant)),
});
