/**
 * Paxos Commit written against views of a packed layout (`definePackedSpec`, `spec/views.ts`):
 * the actions read like the object model's — `s.aState.get(ins).get(acc).mbal`,
 * `t.msgs.add(messages.phase2b(acc, ins, bal, val))`, `s.copy()` — while the checker copies,
 * hashes and stores words. The actions' names, order and domains and the properties are
 * `definition.ts`'s, as for the other two representations; the same counts (PaxosCommit.cfg:
 * 1,321,761 distinct, 16,959,159 generated, depth 28, as TLC): `--set views=true`.
 *
 * The layout is made of standard fields only: a word per RM state, a record per acceptor and
 * instance (its ballots as integers bounded by Ballot, its vote's value as one of three), and
 * `msgs` as a set over every message the constants allow (`messageUniverse`). Decoded, a state
 * reads exactly as the object model's `PaxosCommitState`. The set finds its members by identity,
 * so the messages an action sends are the universe's own objects, looked up in tables built
 * once from it (`MessageTable`); no message is built while checking.
 */
import {
  arrayOf,
  definePackedSpec,
  int,
  KripkeError,
  oneOf,
  packedLayout,
  record,
  setOf,
  type StateViewOf,
} from '../../spec/index.ts';
import { paxosCommitActions, paxosCommitDomains, paxosCommitProperties, RM_STATES } from './definition.ts';
import {
  ABORT,
  COMMIT,
  everyAcceptorAnswered,
  type Message,
  messageUniverse,
  type Phase1a,
  type Phase1b,
  type Phase2a,
  type Phase2b,
  proposal,
  type Value,
} from './messages.ts';
import type { Decision, PaxosCommitConstants, RmState } from './paxos-commit.ts';

export function paxosCommitViewLayout({ RM, ACCEPTOR, BALLOT }: PaxosCommitConstants, msgs: readonly Message[]) {
  const maxBallot = BALLOT[BALLOT.length - 1]!;
  return packedLayout({
    rmState: arrayOf(RM, oneOf(RM_STATES)),
    /** `aState[ins][ac]`: acceptor ac's state in the Paxos instance of resource manager ins. */
    aState: arrayOf(
      RM,
      arrayOf(
        ACCEPTOR,
        record({
          mbal: int({ max: maxBallot }),
          /** The ballot of the last vote, -1 for none. */
          bal: int({ min: -1, max: maxBallot }),
          val: oneOf(['none', 'prepared', 'aborted'] as const),
        }),
      ),
    ),
    /** Every message ever sent. */
    msgs: setOf(msgs),
  });
}

/**
 * The universe's messages by their fields, in arrays indexed by position (of the RM, acceptor,
 * ballot, value), filled once from the universe: `phase2b(acc, ins, bal, val)` returns the
 * universe's object, which `msgs` finds by identity. A message outside the universe is an error
 * naming it.
 */
class MessageTable {
  private readonly rm: Map<string, number>;
  private readonly acc: Map<string, number>;
  private readonly p1a: Phase1a[] = [];
  private readonly p1b: Phase1b[] = [];
  private readonly p2a: Phase2a[] = [];
  private readonly p2b: Phase2b[] = [];
  private readonly ballots: number;
  constructor({ RM, ACCEPTOR, BALLOT }: PaxosCommitConstants, universe: readonly Message[]) {
    this.rm = new Map(RM.map((r, i) => [r, i]));
    this.acc = new Map(ACCEPTOR.map((a, i) => [a, i]));
    this.ballots = BALLOT.length;
    for (const m of universe) {
      switch (m.type) {
        case 'phase1a':
          this.p1a[this.key1a(m.ins, m.bal)] = m;
          break;
        case 'phase1b':
          this.p1b[this.key1b(m.ins, m.mbal, m.bal, m.val, m.acc)] = m;
          break;
        case 'phase2a':
          this.p2a[this.key2a(m.ins, m.bal, m.val)] = m;
          break;
        case 'phase2b':
          this.p2b[this.key2b(m.acc, m.ins, m.bal, m.val)] = m;
          break;
      }
    }
  }
  phase1a(ins: string, bal: number): Phase1a {
    return this.p1a[this.key1a(ins, bal)] ?? this.missing('phase1a', { ins, bal });
  }
  phase1b(ins: string, mbal: number, bal: number, val: Value | 'none', acc: string): Phase1b {
    return this.p1b[this.key1b(ins, mbal, bal, val, acc)] ?? this.missing('phase1b', { ins, mbal, bal, val, acc });
  }
  phase2a(ins: string, bal: number, val: Value): Phase2a {
    return this.p2a[this.key2a(ins, bal, val)] ?? this.missing('phase2a', { ins, bal, val });
  }
  phase2b(acc: string, ins: string, bal: number, val: Value): Phase2b {
    return this.p2b[this.key2b(acc, ins, bal, val)] ?? this.missing('phase2b', { acc, ins, bal, val });
  }
  // Keys: positions combined in mixed radix. A name not among the constants, a ballot outside
  // Ballot or a value other than the two gives no key (NaN), hence no message.
  private ballot(b: number): number {
    return b >= 0 && b < this.ballots ? b : Number.NaN;
  }
  private value(v: Value): number {
    return v === 'prepared' ? 0 : v === 'aborted' ? 1 : Number.NaN;
  }
  private at(names: Map<string, number>, name: string): number {
    return names.get(name) ?? Number.NaN;
  }
  private key1a(ins: string, bal: number): number {
    return this.at(this.rm, ins) * this.ballots + this.ballot(bal);
  }
  private key2a(ins: string, bal: number, val: Value): number {
    return this.key1a(ins, bal) * 2 + this.value(val);
  }
  private key2b(acc: string, ins: string, bal: number, val: Value): number {
    return this.at(this.acc, acc) * this.rm.size * this.ballots * 2 + this.key2a(ins, bal, val);
  }
  /** The reported vote as 0 (none) or 1 + its (ballot, value) position, as in `lastVotes`. */
  private key1b(ins: string, mbal: number, bal: number, val: Value | 'none', acc: string): number {
    const vote = val === 'none' ? (bal === -1 ? 0 : Number.NaN) : 1 + this.ballot(bal) * 2 + this.value(val);
    return (this.key1a(ins, mbal) * this.acc.size + this.at(this.acc, acc)) * (1 + 2 * this.ballots) + vote;
  }
  private missing(type: string, fields: Record<string, unknown>): never {
    throw new KripkeError(
      'invalid-value',
      `paxos-commit: the message ${JSON.stringify({ type, ...fields })} is not in the message universe of these constants`,
      { model: 'paxos-commit', field: 'msgs' },
    );
  }
}

export function paxosCommitViewSpec(constants: PaxosCommitConstants) {
  const { RM, ACCEPTOR, MAJORITY, BALLOT } = constants;
  const universe = messageUniverse(RM, ACCEPTOR, BALLOT);
  const layout = paxosCommitViewLayout(constants, universe);
  const messages = new MessageTable(constants, universe);
  type State = StateViewOf<typeof layout>;

  /** `Send(m)`: msgs' = msgs ∪ {m} (the same state when m was sent before). */
  const send = (s: State, m: Message): State => {
    if (s.msgs.has(m)) return s;
    const t = s.copy();
    t.msgs.add(m);
    return t;
  };
  const setRm = (s: State, rm: string, to: RmState): State => {
    const t = s.copy();
    t.rmState.set(rm, to);
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
    return s.rmState.get(rm) === to ? s : setRm(s, rm, to);
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
  /** decideCommit's domain: one witness of Decided(rm, "prepared") per RM, every combination. */
  const commitEvidence = (s: State): Decision[][] => {
    let combinations: Decision[][] = [[]];
    for (const ofRm of witnesses) {
      const shown = ofRm.filter((w) => decidedIn(s, w.rm, 'prepared', w.bal, w.majority));
      if (shown.length === 0) return [];
      combinations = combinations.flatMap((prefix) => shown.map((w) => [...prefix, w]));
    }
    return combinations;
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
    actions: paxosCommitActions<State>(paxosCommitDomains(constants), {
      rmPrepare: vote('prepared', 'prepared'),
      rmChooseToAbort: vote('aborted', 'aborted'),
      rmRcvCommitMsg: learn(COMMIT, 'committed'),
      rmRcvAbortMsg: learn(ABORT, 'aborted'),
      phase1a: (s, [bal, rm]) => send(s, messages.phase1a(rm, bal)),
      phase2a: (s, [bal, rm, MS]) => {
        if (s.msgs.has(messages.phase2a(rm, bal, 'prepared')) || s.msgs.has(messages.phase2a(rm, bal, 'aborted')))
          return undefined;
        const mset = phase1bFrom(s, rm, bal, MS);
        if (!everyAcceptorAnswered(mset, MS)) return undefined;
        return send(s, messages.phase2a(rm, bal, proposal(mset)));
      },
      commitEvidence,
      decideCommit: (s) => send(s, COMMIT),
      decideAbort: (s, [rm, b, MS]) => (decidedIn(s, rm, 'aborted', b, MS) ? send(s, ABORT) : undefined),
      phase1b: (s, [acc, ins, bal]) => {
        const a = s.aState.get(ins).get(acc);
        if (!s.msgs.has(messages.phase1a(ins, bal)) || !(a.mbal < bal)) return undefined;
        const t = s.copy();
        t.aState.get(ins).get(acc).mbal = bal;
        t.msgs.add(messages.phase1b(ins, bal, a.bal, a.val, acc));
        return t;
      },
      phase2b: (s, [acc, ins, bal, val]) => {
        if (!s.msgs.has(messages.phase2a(ins, bal, val)) || !(s.aState.get(ins).get(acc).mbal <= bal)) return undefined;
        const t = s.copy();
        const a = t.aState.get(ins).get(acc);
        a.mbal = bal;
        a.bal = bal;
        a.val = val;
        t.msgs.add(messages.phase2b(acc, ins, bal, val));
        return t;
      },
    }),
    properties: paxosCommitProperties<State>(
      {
        rm: (s, i) => s.rmState.get(RM[i]!),
        // The rest of PCTypeOK holds by construction: each acceptor's ballots are integers
        // bounded by Ballot (mbal in 0..max, bal in -1..max), its value one of three, and msgs
        // a subset of the universe, whose members are well-typed messages.
        typedBeyondFields: () => true,
      },
      RM.length,
    ),
  });
}
