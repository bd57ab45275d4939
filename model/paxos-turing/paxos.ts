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
 * values interchangeable, TLC's SYMMETRY): maxBallot 1 → 443 / 2,697 / 17.
 *
 * Written against views of a packed layout (`layout.ts`, `definePackedSpec`): the actions read
 * `s.maxBal.get(acc)`, `s.msgs.has(text)`, `const t = s.copy(); t.maxBal.set(acc, bal)`, while
 * the checker copies, hashes and stores words. The message texts an action sends are made once,
 * with the parameters, and looked up by the parameter's position (the `index` each action
 * receives): no text is built while checking.
 */
import { defineProtocol, definePackedSpec, layoutPermutations } from '../../spec/index.ts';
import { inv, VotingReading } from './invariant.ts';
import { type PaxosView, messageTexts, paxosLayout } from './layout.ts';
import { type Ballot, type MaybeValue, msg1a, msg2a, parseMessage, voteText } from './messages.ts';
import { paxosDomains, type Proposal, quorumJoined, type Report, safeToPropose } from './proposals.ts';
import { chosen, universe, type VotingState, votingSpec } from './voting.ts';

export { universe } from './voting.ts';

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

/** A 1b message the constants allow, with its text. */
interface ReportText {
  readonly text: string;
  readonly report: Report;
}

export function paxosSpec(
  config: PaxosConfig = { acceptors: 3, values: 2, maxBallot: 1 },
  variant: PaxosVariant = 'correct',
) {
  const u = universe(config);
  const { acceptors, values, ballots } = u;
  const layout = paxosLayout(u);
  const { proposals, joins, votes } = paxosDomains(u);
  // The 1a texts by ballot; the 2a texts a ballot could carry (Phase2a sends at most one).
  const asks = ballots.map(msg1a);
  const proposalsOf = ballots.map((bal) => values.map((val) => msg2a(bal, val)));
  const proposalText = (bal: Ballot, val: string) => proposalsOf[bal]![values.indexOf(val)]!;
  const allReports = messageTexts(u)
    .map((text) => ({ text, report: parseMessage(text)! }))
    .filter((m): m is ReportText => m.report.type === '1b');
  /** The 1b reports acc could send in bal (one for each vote it may have cast before). */
  const reportsOf = (acc: string, bal: Ballot) =>
    allReports.filter(({ report }) => report.acc === acc && report.bal === bal);
  // By parameter position: for each proposal its quorum's possible reports; for each join the
  // report it sends, by the acceptor's last vote; for each vote its 2b text (the votes' domain is
  // in the universe's order, which the refinement mapping reads them in too).
  const quorumReportsOf = proposals.map((p) => p.quorum.map((acc) => reportsOf(acc, p.bal)));
  const joinReports = joins.map(({ acc, bal }) => reportsOf(acc, bal));
  const voteTexts = votes.map(({ acc, bal, val }) => voteText(acc, bal, val));
  const choice = variant === 'ignore-prior-votes' ? quorumJoined : safeToPropose;

  /** The 1b messages of the proposal's ballot from its quorum, or undefined unless all have joined. */
  const quorumReports = (s: PaxosView, p: Proposal, index: number): Report[] | undefined => {
    // Joining ballot bal raised maxBal to bal for good: a cheap test before reading the messages.
    for (const a of p.quorum) if (s.maxBal.get(a) < p.bal) return undefined;
    const found: Report[] = [];
    for (const possible of quorumReportsOf[index]!) {
      const sent = sentOf(s, possible);
      if (sent === undefined) return undefined;
      found.push(sent);
    }
    return found;
  };
  /** The report among `possible` that was sent (an acceptor joins a ballot once: at most one). */
  const sentOf = (s: PaxosView, possible: readonly ReportText[]): Report | undefined => {
    const { msgs } = s;
    for (const { text, report } of possible) if (msgs.has(text)) return report;
    return undefined;
  };
  const proposedIn = (s: PaxosView, bal: Ballot): boolean => {
    const { msgs } = s;
    for (const text of proposalsOf[bal]!) if (msgs.has(text)) return true;
    return false;
  };
  /** Messages are never removed; sending one already sent changes nothing. */
  const send = (s: PaxosView, text: string): PaxosView => {
    if (s.msgs.has(text)) return s;
    const t = s.copy();
    t.msgs.add(text);
    return t;
  };

  return definePackedSpec(layout, {
    name: 'paxos-turing',
    init: (blank) => {
      const s = blank();
      for (const a of acceptors) {
        s.maxBal.set(a, -1);
        s.maxVBal.set(a, -1);
        s.maxVal.set(a, null);
      }
      return [s];
    },
    actions: {
      // Sending 1a again changes nothing: a stuttering step, as in Paxos.tla.
      phase1a: { params: ballots, next: (s, bal) => send(s, asks[bal]!) },
      phase2a: {
        params: proposals,
        next: (s, p, index) => {
          if (proposedIn(s, p.bal)) return undefined;
          const reports = quorumReports(s, p, index);
          return reports !== undefined && choice(reports, p) ? send(s, proposalText(p.bal, p.val)) : undefined;
        },
      },
      // Acceptor acc joins ballot bal and reports its latest vote (1b).
      phase1b: {
        params: joins,
        next: (s, { acc, bal }, index) => {
          if (!(bal > s.maxBal.get(acc) && s.msgs.has(asks[bal]!))) return undefined;
          const t = s.copy();
          t.maxBal.set(acc, bal);
          t.msgs.add(reportText(joinReports[index]!, s.maxVBal.get(acc), s.maxVal.get(acc)));
          return t;
        },
      },
      // Acceptor acc votes for val in ballot bal (2b); voting again for the same changes nothing.
      phase2b: {
        params: votes,
        next: (s, { acc, bal, val }, index) => {
          if (!(bal >= s.maxBal.get(acc) && s.msgs.has(proposalText(bal, val)))) return undefined;
          const t = s.copy();
          t.maxBal.set(acc, bal);
          t.maxVBal.set(acc, bal);
          t.maxVal.set(acc, val);
          t.msgs.add(voteTexts[index]!);
          return t;
        },
      },
    },
    properties: ({ always, refines, sometimes }) => [
      // Every field holds a value of its type by construction of the layout (see `invariant.ts`).
      always('TypeOK', () => true),
      always('Inv', (s) => inv(u, s)),
      always('Agreement', (s) => chosen(u, new VotingReading(s)).length <= 1),
      refines('ImplementsVoting', votingSpec(u, 'votes'), votingMapping(acceptors, voteTexts)), // V!Spec
      // Not vacuous: the invariants would also hold if no value could ever be chosen.
      sometimes('ValueChosen', (s) => chosen(u, new VotingReading(s)).length > 0),
    ],
    // Permutations(Acceptor) \cup Permutations(Value): each renaming moves words' bits.
    symmetry: config.symmetric ? layoutPermutations(layout, { acceptors, values }) : undefined,
  });
}

/** The text of the report whose vote is (mbal, mval). */
function reportText(reports: readonly ReportText[], mbal: Ballot, mval: MaybeValue): string {
  for (const { text, report } of reports) if (report.mbal === mbal && report.mval === mval) return text;
  throw new Error(`paxos-turing: no 1b message for the vote (${mbal}, ${mval})`);
}

/**
 * V == INSTANCE Voting: maxBal kept, the votes read off the 2b messages. Most steps cast no vote
 * and raise no ballot, so the mapping returns its last image when nothing it reads changed (the
 * same object: a stutter the refinement check sees without hashing), and reuses the unchanged
 * part otherwise. A pure function of the state all the same.
 */
function votingMapping(acceptors: readonly string[], voteTexts: readonly string[]) {
  // voteTexts are in the universe's order (the votes come first there), so each look-up finds
  // the next member. `lastCast`: which of them the last image holds.
  const lastCast = voteTexts.map(() => false);
  let last: VotingState = { votes: new Set(), maxBal: {} };
  return (s: PaxosView): VotingState => {
    const { msgs, maxBal } = s;
    let sameVotes = true;
    for (let i = 0; i < voteTexts.length && sameVotes; i++) sameVotes = msgs.has(voteTexts[i]!) === lastCast[i];
    let sameBallots = true;
    for (const a of acceptors) if (maxBal.get(a) !== last.maxBal[a]) sameBallots = false;
    if (sameVotes && sameBallots) return last;
    let votes = last.votes;
    if (!sameVotes) {
      for (let i = 0; i < voteTexts.length; i++) lastCast[i] = msgs.has(voteTexts[i]!);
      votes = new Set(voteTexts.filter((_, i) => lastCast[i]));
    }
    return (last = {
      votes,
      maxBal: sameBallots ? last.maxBal : Object.fromEntries(acceptors.map((a) => [a, maxBal.get(a)])),
    });
  };
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
  },
  variants: PAXOS_VARIANTS,
  build: (c, variant) => paxosSpec(c, variant),
});
