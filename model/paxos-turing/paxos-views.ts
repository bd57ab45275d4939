/**
 * Paxos (Paxos.tla, MCPaxos) written against views of a packed layout (`definePackedSpec`,
 * `spec/views.ts`): the actions read like `paxos.ts`'s — `s.maxBal.get(acc)`, `s.msgs.has(text)`,
 * `const t = s.copy(); t.maxBal.set(acc, bal); t.msgs.add(report)` — while the checker copies,
 * hashes and stores words: each acceptor's ballots and value a few bits of one word, and `msgs`
 * a set over every message text the constants allow. Decoded, a state reads exactly as the
 * object model's `PaxosState`; the same parameters (`proposals.ts`), the same properties
 * (`properties.ts`), the same counts (MCPaxosSmall: 185,369 distinct, 1,361,380 generated, depth
 * 25, as TLC): `--set views=true`.
 *
 * The message texts an action sends are made once, with the parameters, and looked up by the
 * parameter's position (the `index` each action receives): no text is built while checking.
 */
import {
  bitArrayOf,
  definePackedSpec,
  int,
  layoutPermutations,
  oneOf,
  packedLayout,
  setOf,
  type StateViewOf,
} from '../../spec/index.ts';
import type { PaxosReading } from './invariant.ts';
import { type Ballot, type MaybeValue, msg1a, msg1b, msg2a, parseMessage, voteText } from './messages.ts';
import type { PaxosVariant } from './paxos.ts';
import { paxosProperties } from './properties.ts';
import { paxosDomains, paxosTexts, type Proposal, quorumJoined, type Report, safeToPropose } from './proposals.ts';
import { type Universe, type VotingState, universe } from './voting.ts';

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

/** Paxos's state as words: the fields of `PaxosState`, with the same names. */
export function paxosLayout(u: Universe) {
  const ballot = int({ min: -1, max: u.ballots.length - 1 });
  return packedLayout({
    /** The highest ballot each acceptor has taken part in (-1: none). */
    maxBal: bitArrayOf(u.acceptors, ballot),
    /** <<maxVBal[a], maxVal[a]>>: the acceptor's vote with the highest ballot (-1 and None: none). */
    maxVBal: bitArrayOf(u.acceptors, ballot),
    maxVal: bitArrayOf(u.acceptors, oneOf<MaybeValue>([null, ...u.values])),
    /** Every message ever sent. */
    msgs: setOf(messageTexts(u)),
  });
}

export function paxosViewSpec(
  config: { acceptors: number; values: number; maxBallot: number; symmetric?: boolean },
  variant: PaxosVariant = 'correct',
) {
  const u = universe(config);
  const { acceptors, values, ballots } = u;
  const layout = paxosLayout(u);
  type State = StateViewOf<typeof layout>;
  const { proposals, joins, votes } = paxosDomains(u);
  const { asks, proposalsOf, proposalText } = paxosTexts(u);
  const allReports = messageTexts(u)
    .map((text) => ({ text, report: parseMessage(text)! }))
    .filter((m): m is { text: string; report: Report } => m.report.type === '1b');
  /** The 1b reports acc could have sent in bal (one for each vote it may have cast before), with their texts. */
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
  const quorumReports = (s: State, p: Proposal, index: number): Report[] | undefined => {
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
  const sentOf = (s: State, possible: readonly { text: string; report: Report }[]): Report | undefined => {
    const { msgs } = s;
    for (const { text, report } of possible) if (msgs.has(text)) return report;
    return undefined;
  };
  const proposedIn = (s: State, bal: Ballot): boolean => {
    const { msgs } = s;
    for (const text of proposalsOf[bal]!) if (msgs.has(text)) return true;
    return false;
  };
  const send = (s: State, text: string): State => {
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
    properties: paxosProperties<State>(u, {
      // Every field holds a value of its type by construction: ballots within -1..max, values
      // among None and the values, and msgs a subset of well-typed messages.
      typeOK: () => true,
      reading: (s) => new ViewReading(s),
      mapping: votingMapping(acceptors, voteTexts),
    }),
    // Permutations(Acceptor) \cup Permutations(Value): each renaming moves words' bits.
    symmetry: config.symmetric ? layoutPermutations(layout, { acceptors, values }) : undefined,
  });
}

type PaxosView = StateViewOf<ReturnType<typeof paxosLayout>>;

/** The text of the report whose vote is (mbal, mval). */
function reportText(reports: readonly { text: string; report: Report }[], mbal: Ballot, mval: MaybeValue): string {
  for (const { text, report } of reports) if (report.mbal === mbal && report.mval === mval) return text;
  throw new Error(`paxos-turing: no 1b message for the vote (${mbal}, ${mval})`);
}

/** What Inv reads, off views. */
class ViewReading implements PaxosReading {
  constructor(private readonly s: PaxosView) {}
  maxBalOf(a: string): Ballot {
    return this.s.maxBal.get(a);
  }
  maxVBalOf(a: string): Ballot {
    return this.s.maxVBal.get(a);
  }
  maxValOf(a: string): MaybeValue {
    return this.s.maxVal.get(a);
  }
  sent(text: string): boolean {
    return this.s.msgs.has(text);
  }
  hasVote(text: string): boolean {
    return this.s.msgs.has(text);
  }
  messages(): Iterable<string> {
    return this.s.msgs;
  }
}

/**
 * V == INSTANCE Voting over views: maxBal kept, the votes read off the 2b messages. Like the
 * object model's `votingMapping`, it returns its last image when nothing it reads changed (the
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
