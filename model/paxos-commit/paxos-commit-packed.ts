/**
 * Paxos Commit with a packed state layout (`spec/packed.ts`): the protocol of `paxos-commit.ts`
 * action for action — the same actions in the same order, each with the same parameters in the
 * same order, and the same properties — with the state as one flat array of small integers: a
 * word per resource manager, a word per acceptor and instance, and `msgs` as a bitset over every
 * message the constants allow (`messageUniverse`). Same states, same counts (PaxosCommit.cfg:
 * 1,321,761 distinct, 16,959,159 generated, depth 28), checked several times faster:
 * `--set packed=true`. Traces show the states decoded into the object model's fields, with its
 * interned message records.
 *
 * Each action precomputes, per parameter, a plan: the universe positions it tests and sets and
 * the words it reads and writes. An action is then a few word reads, one `slice()` and a few
 * writes; no message is built or looked up while checking.
 */
import {
  arrayOf, defineSpec, type Field, type FieldType, KripkeError, oneOf, packedLayout, setOf, type SetField, unknownName, type Words,
} from '../../spec/index.ts';
import { ABORT, COMMIT, lastVotes, type Message, messageUniverse, phase1a, phase1b, phase2a, phase2b, type Value } from './messages.ts';
import type { AcceptorState, Decision, PaxosCommitConstants, RmState } from './paxos-commit.ts';

const RM_STATES: readonly RmState[] = ['working', 'prepared', 'committed', 'aborted'];
const [WORKING, PREPARED, COMMITTED, ABORTED] = [0, 1, 2, 3];
const VALUES: readonly Value[] = ['prepared', 'aborted'];
const NO_DECISIONS: readonly (readonly Decision[])[] = Object.freeze([]);

// ---- an acceptor's state in one word --------------------------------------------------------

/**
 * `mbal << 8 | vote`: vote 0 is "none", 2·bal + 1 and 2·bal + 2 a vote of "prepared" or
 * "aborted" in ballot bal — the vote's position in `lastVotes`, so the phase 1b message reporting
 * it is the first report's universe position plus the vote.
 */
const VOTE_BITS = 8;
const VOTE_MASK = (1 << VOTE_BITS) - 1;
const voteOf = (bal: number, val: Value): number => 2 * bal + 1 + VALUES.indexOf(val);

/** An acceptor's state packed in one word, decoded as the object model's `{ mbal, bal, val }`. */
class AcceptorField implements Field {
  readonly width = 1;
  constructor(readonly offset: number, readonly path: string) {}
  decode(s: Words): AcceptorState {
    const word = s[this.offset]!;
    const vote = word & VOTE_MASK;
    if (vote === 0) return { mbal: word >> VOTE_BITS, bal: -1, val: 'none' };
    return { mbal: word >> VOTE_BITS, bal: (vote - 1) >> 1, val: VALUES[(vote - 1) & 1]! };
  }
}
const acceptorState = (): FieldType<AcceptorField> => ({ width: 1, place: (offset, path) => new AcceptorField(offset, path) });

// ---- plans ----------------------------------------------------------------------------------

/** Where each universe member's bit lives (its word and mask), read off the set field itself. */
function bitsOf(msgs: SetField<Message>, blank: () => number[]): { word: Int32Array; mask: Int32Array } {
  const word = new Int32Array(msgs.universe.length);
  const mask = new Int32Array(msgs.universe.length);
  msgs.universe.forEach((m, i) => {
    const s = blank();
    msgs.add(s, m);
    word[i] = s.findIndex((w) => w !== 0);
    mask[i] = s[word[i]!]!;
  });
  return { word, mask };
}

/**
 * An action's parameters with a plan for each. `planOf(param)` first tries the parameter after
 * the one asked for last (the checker tries them in order, so this is usually it: one read, no
 * look-up), then finds it by identity, then by value (a parameter written out, as in a test),
 * and names the action when the value is not one of its parameters.
 */
function planned<P, Q>(action: string, params: readonly P[], plan: (param: P) => Q): { params: readonly P[]; planOf: (param: P) => Q } {
  const plans = params.map(plan);
  const byIdentity = new Map(params.map((p, i) => [p, i]));
  const byValue = new Map(params.map((p, i) => [JSON.stringify(p), i]));
  const lookUp = (param: P): number => {
    const found = byIdentity.get(param) ?? byValue.get(JSON.stringify(param));
    if (found === undefined) throw unknownName('parameter', JSON.stringify(param), [...byValue.keys()], { model: 'paxos-commit', action });
    return found;
  };
  let expected = 0;
  const planOf = (param: P): Q => {
    const i = params[expected] === param ? expected : lookUp(param);
    expected = i + 1 === params.length ? 0 : i + 1;
    return plans[i]!;
  };
  return { params, planOf };
}

/** Phase2a's plan: the phase 1b messages MS's acceptors may have sent for (rm, bal), and the two proposals. */
interface Phase2aPlan {
  readonly prepared: number;
  readonly aborted: number;
  readonly replyAt: Int32Array;
  /** The replying acceptor's bit among MS (every bit: `everyone`). */
  readonly replyFrom: Int32Array;
  /** The ballot of the vote the reply reports (-1: none), and whether it was "prepared". */
  readonly replyBal: Int32Array;
  readonly replyPrepared: Uint8Array;
  readonly everyone: number;
}

// ---- the spec -------------------------------------------------------------------------------

export function paxosCommitPackedSpec(constants: PaxosCommitConstants) {
  const { RM, ACCEPTOR, MAJORITY, BALLOT, LEADER_BALLOT } = constants;
  const layout = packedLayout({
    rmState: arrayOf(RM, oneOf(RM_STATES)),
    /** `aState[ins][ac]`: acceptor ac's state in the Paxos instance of resource manager ins. */
    aState: arrayOf(RM, arrayOf(ACCEPTOR, acceptorState())),
    /** Every message ever sent. */
    msgs: setOf(messageUniverse(RM, ACCEPTOR, BALLOT)),
  });
  const { rmState, aState, msgs } = layout.fields;
  const { word: W, mask: M } = bitsOf(msgs, () => layout.blank());
  /** `sent` and `send` take universe positions; `at` finds one while plans are made. */
  const sent = (s: Words, m: number): boolean => (s[W[m]!]! & M[m]!) !== 0;
  const send = (t: number[], m: number): void => {
    t[W[m]!] = t[W[m]!]! | M[m]!;
  };
  const at = (m: Message): number => msgs.position(m);
  const COMMIT_AT = at(COMMIT);
  const ABORT_AT = at(ABORT);
  const rmWord = (rm: string): number => rmState.at(rm).offset;
  const acceptorWord = (ins: string, acc: string): number => aState.at(ins).at(acc).offset;
  /** Decided(rm, v)'s witness for ballot b and majority MS: the positions of MS's votes. */
  const votesOf = (rm: string, b: number, v: Value, MS: readonly string[]) => Int32Array.from(MS, (acc) => at(phase2b(acc, rm, b, v)));
  const allSent = (s: Words, positions: Int32Array): boolean => {
    for (let i = 0; i < positions.length; i++) if (!sent(s, positions[i]!)) return false;
    return true;
  };
  /** Send(m); the same state when m was sent before. */
  const withMessage = (s: Words, m: number): Words => {
    if (sent(s, m)) return s;
    const t = s.slice();
    send(t, m);
    return t;
  };

  /** rmPrepare and rmChooseToAbort: a working RM votes in ballot 0 of its own instance. */
  const vote = (action: string, val: Value, to: number) => {
    const { params, planOf } = planned(action, RM, (rm) => ({ word: rmWord(rm), vote: at(phase2a(rm, 0, val)) }));
    const next = (s: Words, rm: string): Words | undefined => {
      const p = planOf(rm);
      if (s[p.word] !== WORKING) return undefined;
      const t = s.slice();
      t[p.word] = to;
      send(t, p.vote);
      return t;
    };
    return { params, next };
  };
  /** rmRcvCommitMsg and rmRcvAbortMsg: the RM learns the decision (stuttering when it knew). */
  const learn = (action: string, decision: number, to: number) => {
    const { params, planOf } = planned(action, RM, rmWord);
    const next = (s: Words, rm: string): Words | undefined => {
      if (!sent(s, decision)) return undefined;
      const word = planOf(rm);
      if (s[word] === to) return s;
      const t = s.slice();
      t[word] = to;
      return t;
    };
    return { params, next };
  };

  const phase1aStep = planned('phase1a', LEADER_BALLOT.flatMap((bal) => RM.map((rm) => [bal, rm] as const)), ([bal, rm]) => at(phase1a(rm, bal)));

  const phase2aStep = planned('phase2a',
    LEADER_BALLOT.flatMap((bal) => RM.flatMap((rm) => MAJORITY.map((MS) => [bal, rm, MS] as const))),
    ([bal, rm, MS]): Phase2aPlan => {
      const replies = MS.flatMap((acc, i) => lastVotes(bal).map(([b, v]) => ({ at: at(phase1b(rm, bal, b, v, acc)), from: 1 << i, b, v })));
      return {
        prepared: at(phase2a(rm, bal, 'prepared')),
        aborted: at(phase2a(rm, bal, 'aborted')),
        replyAt: Int32Array.from(replies, (r) => r.at),
        replyFrom: Int32Array.from(replies, (r) => r.from),
        replyBal: Int32Array.from(replies, (r) => r.b),
        replyPrepared: Uint8Array.from(replies, (r) => (r.v === 'prepared' ? 1 : 0)),
        everyone: (1 << MS.length) - 1,
      };
    });
  /** The leader's proposal: the value of the highest vote reported, "aborted" if none (a position; -1 until all of MS replied). */
  const proposal = (s: Words, p: Phase2aPlan): number => {
    let replied = 0, highest = -1, prepared = 0;
    for (let i = 0; i < p.replyAt.length; i++) {
      if (!sent(s, p.replyAt[i]!)) continue;
      replied |= p.replyFrom[i]!;
      if (p.replyBal[i]! > highest) {
        highest = p.replyBal[i]!;
        prepared = p.replyPrepared[i]!;
      }
    }
    if (replied !== p.everyone) return -1;
    return prepared === 1 ? p.prepared : p.aborted;
  };

  /** Decided(rm, "prepared")'s witnesses per RM, in the object model's order (ballot, then majority). */
  const commitWitnesses = RM.map((rm) => BALLOT.flatMap((bal) => MAJORITY.map((majority) =>
    ({ decision: Object.freeze({ rm, bal, majority }) as Decision, votes: votesOf(rm, bal, 'prepared', majority) }))));
  /**
   * Which witnesses hold, as a number: per RM, the sum of 2^i over its witnesses i that hold,
   * in a digit of base 2^(witnesses per RM); -1 when an RM has none. Exact while the digits fit
   * in a double's 53 bits (`EXACT`); it then keys a cache of decideCommit's domains.
   */
  const SPAN = 2 ** (BALLOT.length * MAJORITY.length);
  const EXACT = SPAN ** RM.length <= Number.MAX_SAFE_INTEGER;
  const evidenceKey = (s: Words): number => {
    let key = 0;
    for (let r = 0; r < commitWitnesses.length; r++) {
      const witnesses = commitWitnesses[r]!;
      let held = 0;
      for (let i = 0, bit = 1; i < witnesses.length; i++, bit *= 2) if (allSent(s, witnesses[i]!.votes)) held += bit;
      if (held === 0) return -1;
      key = key * SPAN + held;
    }
    return key;
  };
  /** Every combination of a witness per RM, RM by RM (`commitEvidence` in paxos-commit.ts). */
  const combine = (s: Words): readonly (readonly Decision[])[] => {
    let combinations: Decision[][] = [[]];
    for (const witnesses of commitWitnesses) {
      const shown = witnesses.filter((w) => allSent(s, w.votes)).map((w) => w.decision);
      combinations = combinations.flatMap((prefix) => shown.map((d) => [...prefix, d]));
    }
    return combinations;
  };
  /** decideCommit's domain, shared by every state with the same witnesses (no allocation once seen). */
  const seenEvidence = new Map<number, readonly (readonly Decision[])[]>();
  const commitEvidence = (s: Words): readonly (readonly Decision[])[] => {
    const key = evidenceKey(s);
    if (key < 0) return NO_DECISIONS;
    if (!EXACT) return combine(s);
    let domain = seenEvidence.get(key);
    if (domain === undefined) seenEvidence.set(key, (domain = combine(s)));
    return domain;
  };

  const decideAbortStep = planned('decideAbort',
    RM.flatMap((rm) => BALLOT.flatMap((b) => MAJORITY.map((MS) => [rm, b, MS] as const))),
    ([rm, b, MS]) => votesOf(rm, b, 'aborted', MS));

  const phase1bStep = planned('phase1b',
    ACCEPTOR.flatMap((acc) => RM.flatMap((ins) => LEADER_BALLOT.map((bal) => [acc, ins, bal] as const))),
    ([acc, ins, bal]) => ({
      word: acceptorWord(ins, acc), bal, ask: at(phase1a(ins, bal)),
      /** phase1b(ins, bal, -1, "none", acc): the report of vote v is at firstReply + v. */
      firstReply: at(phase1b(ins, bal, -1, 'none', acc)), votes: lastVotes(bal).length,
    }));

  const phase2bStep = planned('phase2b',
    ACCEPTOR.flatMap((acc) => RM.flatMap((ins) => BALLOT.flatMap((bal) => VALUES.map((val) => [acc, ins, bal, val] as const)))),
    ([acc, ins, bal, val]) => ({
      word: acceptorWord(ins, acc), bal, voted: (bal << VOTE_BITS) | voteOf(bal, val),
      proposal: at(phase2a(ins, bal, val)), vote: at(phase2b(acc, ins, bal, val)),
    }));

  const rmWords = Int32Array.from(rmState.items, (f) => f.offset);
  const acceptorWords = Int32Array.from(aState.items.flatMap((instance) => instance.items), (f) => f.offset);
  const typeOk = typeOkOf(rmWords, acceptorWords, W, M, BALLOT.length - 1);

  return defineSpec({
    name: 'paxos-commit',
    layout,
    init: (): Words[] => {
      const s = layout.blank();
      for (const f of rmState.items) f.set(s, 'working');
      // mbal 0, no vote: the blank word
      return [s];
    },
    actions: {
      rmPrepare: vote('rmPrepare', 'prepared', PREPARED),
      rmChooseToAbort: vote('rmChooseToAbort', 'aborted', ABORTED),
      rmRcvCommitMsg: learn('rmRcvCommitMsg', COMMIT_AT, COMMITTED),
      rmRcvAbortMsg: learn('rmRcvAbortMsg', ABORT_AT, ABORTED),
      phase1a: { params: phase1aStep.params, next: (s, param) => withMessage(s, phase1aStep.planOf(param)) },
      phase2a: {
        params: phase2aStep.params,
        next: (s, param) => {
          const p = phase2aStep.planOf(param);
          if (sent(s, p.prepared) || sent(s, p.aborted)) return undefined;
          const m = proposal(s, p);
          return m < 0 ? undefined : withMessage(s, m);
        },
      },
      decideCommit: { params: commitEvidence, next: (s) => withMessage(s, COMMIT_AT) },
      decideAbort: {
        params: decideAbortStep.params,
        next: (s, param) => (allSent(s, decideAbortStep.planOf(param)) ? withMessage(s, ABORT_AT) : undefined),
      },
      phase1b: {
        params: phase1bStep.params,
        next: (s, param) => {
          const p = phase1bStep.planOf(param);
          const word = s[p.word]!;
          if (!sent(s, p.ask) || !(word >> VOTE_BITS < p.bal)) return undefined;
          const vote = word & VOTE_MASK;
          if (vote >= p.votes) throw new KripkeError('invalid-value', `paxos-commit: ${layout.fieldAt(p.word)} voted in ballot ${p.bal} or later but promised less`);
          const t = s.slice();
          t[p.word] = (p.bal << VOTE_BITS) | vote;
          send(t, p.firstReply + vote);
          return t;
        },
      },
      phase2b: {
        params: phase2bStep.params,
        next: (s, param) => {
          const p = phase2bStep.planOf(param);
          if (!sent(s, p.proposal) || !(s[p.word]! >> VOTE_BITS <= p.bal)) return undefined;
          const t = s.slice();
          t[p.word] = p.voted;
          send(t, p.vote);
          return t;
        },
      },
    },
    properties: ({ always }) => [
      always('PCTypeOK', typeOk),
      // PaxosCommit implements TCommit: no resource manager commits while another aborts.
      always('TCConsistent', (s) => consistent(s, rmWords)),
    ],
  });
}

/** TCConsistent over the RM words: no RM committed while another aborted. */
function consistent(s: Words, rmWords: Int32Array): boolean {
  let committed = false, aborted = false;
  for (let i = 0; i < rmWords.length; i++) {
    const state = s[rmWords[i]!];
    if (state === COMMITTED) committed = true;
    else if (state === ABORTED) aborted = true;
  }
  return !(committed && aborted);
}

/**
 * PCTypeOK on the words: each RM word one of the four states; each acceptor's mbal a ballot and
 * its vote none or one in a ballot; no bit of `msgs` outside the universe, whose members are
 * well-typed messages by construction.
 */
function typeOkOf(rmWords: Int32Array, acceptorWords: Int32Array, W: Int32Array, M: Int32Array, maxBallot: number) {
  const msgWords = Int32Array.from(new Set(W));
  const allowed = Int32Array.from(msgWords, (w) => M.reduce((bits, mask, i) => (W[i] === w ? bits | mask : bits), 0));
  const maxVote = voteOf(maxBallot, 'aborted');
  return (s: Words): boolean => {
    for (let i = 0; i < rmWords.length; i++) if (!(s[rmWords[i]!]! >= 0 && s[rmWords[i]!]! < RM_STATES.length)) return false;
    for (let i = 0; i < acceptorWords.length; i++) {
      const word = s[acceptorWords[i]!]!;
      if (!(word >= 0 && word >> VOTE_BITS <= maxBallot && (word & VOTE_MASK) <= maxVote)) return false;
    }
    for (let i = 0; i < msgWords.length; i++) if ((s[msgWords[i]!]! & ~allowed[i]!) !== 0) return false;
    return true;
  };
}
