/**
 * Paxos Commit (TLA+ Examples: specifications/transaction_commit/PaxosCommit.tla), Gray and
 * Lamport's non-blocking commit: each resource manager's prepared/aborted decision is chosen by
 * its own instance of Paxos, run by a set of acceptors; the transaction commits when every
 * instance has chosen "prepared".
 *
 * A port action by action. As in the TLA+ spec, `msgs` is the set of all messages ever sent,
 * receipt is not modelled (an action is enabled when the messages it needs have been sent), and
 * leader selection is not modelled. Where an action of the TLA+ spec is an existential
 * (`\E m \in msgs`, `\E MS \in Majority`), the parameter is the witness, so each satisfying
 * choice is one successor — as TLC counts them. Properties: PCTypeOK and TCConsistent (no
 * resource manager commits while another aborts, as TCommit requires).
 *
 * PaxosCommit.cfg (RM = {r1,r2}, three acceptors, majorities = the pairs, Ballot = {0,1}): TLC
 * finds 1,321,761 distinct states, 16,959,159 generated, depth 28.
 *
 * Written against views of a packed layout (`definePackedSpec`, `layout.ts`): the actions read
 * `s.aState.get(ins).get(acc).mbal`, `t.msgs.add(messages.phase2b(acc, ins, bal, val))`,
 * `s.copy()`, while the checker copies, hashes and stores words. The messages an action sends are
 * the universe's own objects, looked up in a table built once (`MessageTable`); no message is
 * built while checking.
 */
import { defineProtocol, definePackedSpec } from '../../spec/index.ts';
import {
  ABORT,
  COMMIT,
  everyAcceptorAnswered,
  type Message,
  MessageTable,
  type Phase1b,
  proposal,
  type Value,
} from './messages.ts';
import {
  type PaxosCommitConfig,
  paxosCommitConstants,
  paxosCommitLayout,
  type PaxosCommitView,
  RM_STATES,
  type RmState,
} from './layout.ts';

export type { PaxosCommitConfig } from './layout.ts';

/** Evidence that instance rm chose a value: every acceptor of `majority` voted it in ballot `bal`. */
export interface Decision {
  readonly rm: string;
  readonly bal: number;
  readonly majority: readonly string[];
}

const VALUES: readonly Value[] = ['prepared', 'aborted'];

type State = PaxosCommitView;

export function paxosCommitSpec(config: PaxosCommitConfig = { rms: 2, acceptors: 3, maxBallot: 1 }) {
  const constants = paxosCommitConstants(config);
  const { RM, ACCEPTOR, MAJORITY, BALLOT, LEADER_BALLOT } = constants;
  const layout = paxosCommitLayout(constants);
  const messages = new MessageTable(constants, layout.fields.msgs.universe);

  /** `Send(m)`: msgs' = msgs ∪ {m} (the same state when m was sent before). */
  const send = (s: State, m: Message): State => {
    if (s.msgs.has(m)) return s;
    const t = s.copy();
    t.msgs.add(m);
    return t;
  };
  /** rmPrepare, rmChooseToAbort: a working RM votes val in ballot 0 of its own instance. */
  const vote = (val: Value, to: RmState) => (s: State, rm: string) => {
    if (s.rmState.get(rm) !== 'working') return undefined;
    const t = s.copy();
    t.rmState.set(rm, to);
    t.msgs.add(messages.phase2a(rm, 0, val));
    return t;
  };
  /** rmRcvCommitMsg, rmRcvAbortMsg: the RM learns the decision (a stuttering step when it knew). */
  const learn = (decision: Message, to: RmState) => (s: State, rm: string) => {
    if (!s.msgs.has(decision)) return undefined;
    if (s.rmState.get(rm) === to) return s;
    const t = s.copy();
    t.rmState.set(rm, to);
    return t;
  };

  /** The phase 1b messages for instance rm, ballot bal, from acceptors in MS (Phase2a's `mset`). */
  const phase1bFrom = (s: State, rm: string, bal: number, MS: readonly string[]) => {
    const found: Phase1b[] = [];
    for (const m of s.msgs) {
      if (m.type === 'phase1b' && m.ins === rm && m.mbal === bal && MS.includes(m.acc)) found.push(m);
    }
    return found;
  };
  /** Decided(rm, v), witnessed by ballot b and majority MS: every acceptor of MS voted v in b. */
  const decidedIn = (s: State, rm: string, v: Value, b: number, MS: readonly string[]) => {
    for (const ac of MS) if (!s.msgs.has(messages.phase2b(ac, rm, b, v))) return false;
    return true;
  };
  /** Every witness of Decided(rm, "prepared") the constants allow, made once: a ballot and a majority. */
  const witnesses = RM.map((rm) =>
    BALLOT.flatMap((bal) => MAJORITY.map((majority): Decision => Object.freeze({ rm, bal, majority }))),
  );
  /**
   * decideCommit's domain: the ways to show that every instance chose "prepared", one witness per
   * RM. TLC expands the `\A rm \in RM : Decided(rm, "prepared")` of Decide into one conjunct per
   * RM and enumerates each conjunct's `\E b, MS`, so each combination is one successor.
   */
  const commitEvidence = (s: State): Decision[][] => {
    let combinations: Decision[][] = [[]];
    for (const ofRm of witnesses) {
      const shown = ofRm.filter((w) => decidedIn(s, w.rm, 'prepared', w.bal, w.majority));
      if (shown.length === 0) return [];
      combinations = combinations.flatMap((prefix) => shown.map((w) => [...prefix, w]));
    }
    return combinations;
  };

  // The properties run on every new state: loops, not closures.
  /**
   * PCTypeOK: every RM state one of the four (a word outside their codes reads as undefined). The
   * rest holds by construction: each acceptor's ballots are integers bounded by Ballot (mbal in
   * 0..max, bal in -1..max), its value one of three, and msgs a subset of the universe, whose
   * members are well-typed messages.
   */
  const typeOk = (s: State) => {
    for (let i = 0; i < RM.length; i++) if (!RM_STATES.includes(s.rmState.get(RM[i]!))) return false;
    return true;
  };
  /** TCConsistent: no resource manager committed while another aborted. */
  const consistent = (s: State) => {
    let committed = false,
      aborted = false;
    for (let i = 0; i < RM.length; i++) {
      const state = s.rmState.get(RM[i]!);
      if (state === 'committed') committed = true;
      else if (state === 'aborted') aborted = true;
    }
    return !(committed && aborted);
  };

  return definePackedSpec(layout, {
    name: 'paxos-commit',
    init: (blank) => {
      const s = blank();
      for (const rm of RM) {
        s.rmState.set(rm, 'working');
        for (const ac of ACCEPTOR) {
          const a = s.aState.get(rm).get(ac);
          a.mbal = 0;
          a.bal = -1;
          a.val = 'none';
        }
      }
      return [s];
    },
    actions: {
      /** rm prepares: it votes "prepared" in ballot 0 of its own instance. */
      rmPrepare: { params: RM, next: vote('prepared', 'prepared') },
      /** rm spontaneously aborts, voting "aborted" in ballot 0. */
      rmChooseToAbort: { params: RM, next: vote('aborted', 'aborted') },
      rmRcvCommitMsg: { params: RM, next: learn(COMMIT, 'committed') },
      rmRcvAbortMsg: { params: RM, next: learn(ABORT, 'aborted') },
      /** (bal, rm): a leader starts ballot bal > 0 in instance rm (sending it again is harmless). */
      phase1a: {
        params: LEADER_BALLOT.flatMap((bal) => RM.map((rm) => [bal, rm] as const)),
        next: (s, [bal, rm]) => send(s, messages.phase1a(rm, bal)),
      },
      /**
       * (bal, rm, MS): a leader that heard phase 1b for ballot bal from every acceptor of majority
       * MS proposes the value of the highest vote they reported, or "aborted" if none voted.
       */
      phase2a: {
        params: LEADER_BALLOT.flatMap((bal) => RM.flatMap((rm) => MAJORITY.map((MS) => [bal, rm, MS] as const))),
        next: (s, [bal, rm, MS]) => {
          if (s.msgs.has(messages.phase2a(rm, bal, 'prepared')) || s.msgs.has(messages.phase2a(rm, bal, 'aborted')))
            return undefined;
          const mset = phase1bFrom(s, rm, bal, MS);
          if (!everyAcceptorAnswered(mset, MS)) return undefined;
          return send(s, messages.phase2a(rm, bal, proposal(mset)));
        },
      },
      /** Every instance chose "prepared": announce Commit. */
      decideCommit: { params: commitEvidence, next: (s) => send(s, COMMIT) },
      /** (rm, b, MS): instance rm chose "aborted" (MS voted so in ballot b): announce Abort. */
      decideAbort: {
        params: RM.flatMap((rm) => BALLOT.flatMap((b) => MAJORITY.map((MS) => [rm, b, MS] as const))),
        next: (s, [rm, b, MS]) => (decidedIn(s, rm, 'aborted', b, MS) ? send(s, ABORT) : undefined),
      },
      /** (acc, ins, bal): acceptor acc promises ballot bal > 0 of instance ins, reporting its last vote. */
      phase1b: {
        params: ACCEPTOR.flatMap((acc) => RM.flatMap((ins) => LEADER_BALLOT.map((bal) => [acc, ins, bal] as const))),
        next: (s, [acc, ins, bal]) => {
          const a = s.aState.get(ins).get(acc);
          if (!s.msgs.has(messages.phase1a(ins, bal)) || !(a.mbal < bal)) return undefined;
          const t = s.copy();
          t.aState.get(ins).get(acc).mbal = bal;
          t.msgs.add(messages.phase1b(ins, bal, a.bal, a.val, acc));
          return t;
        },
      },
      /** (acc, ins, bal, val): acceptor acc votes val in ballot bal of instance ins, unless it promised a higher ballot. */
      phase2b: {
        params: ACCEPTOR.flatMap((acc) =>
          RM.flatMap((ins) => BALLOT.flatMap((bal) => VALUES.map((val) => [acc, ins, bal, val] as const))),
        ),
        next: (s, [acc, ins, bal, val]) => {
          if (!s.msgs.has(messages.phase2a(ins, bal, val)) || !(s.aState.get(ins).get(acc).mbal <= bal))
            return undefined;
          const t = s.copy();
          const a = t.aState.get(ins).get(acc);
          a.mbal = bal;
          a.bal = bal;
          a.val = val;
          t.msgs.add(messages.phase2b(acc, ins, bal, val));
          return t;
        },
      },
    },
    properties: ({ always }) => [always('PCTypeOK', typeOk), always('TCConsistent', consistent)],
  });
}

export const paxosCommit = defineProtocol({
  name: 'paxos-commit',
  summary: "Gray and Lamport's Paxos Commit (PaxosCommit.tla): one Paxos instance per resource manager",
  config: {
    rms: { default: 2, doc: 'resource managers r1..rN', min: 1, max: 5 },
    acceptors: { default: 3, doc: 'acceptors a1..aN (majorities: every minimal majority)', min: 1, max: 5 },
    maxBallot: { default: 1, doc: "Ballot = 0..maxBallot (0 is the resource managers' own ballot)", min: 0, max: 4 },
  },
  variants: { correct: 'PaxosCommit.tla as published' },
  build: (c) => paxosCommitSpec(c),
});
