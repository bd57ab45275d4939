/**
 * Paxos Commit with a packed state layout (`spec/packed.ts`, state in `packed-state.ts`): the
 * protocol of `paxos-commit.ts` action for action — the same actions in the same order, each
 * with the same parameters in the same order, and the same properties. Same states, same counts
 * (PaxosCommit.cfg: 1,321,761 distinct, 16,959,159 generated, depth 28), checked several times
 * faster: `--set packed=true`. Traces show the states decoded into the object model's fields,
 * with its interned message records.
 *
 * Each action precomputes a plan per parameter — the universe positions it tests and sets, the
 * words it reads and writes — so an action is a few word reads, one `slice()` and a few writes;
 * no message is built or looked up while checking.
 */
import { defineSpec, KripkeError, unknownName, type Words } from '../../spec/index.ts';
import { ABORT, COMMIT, lastVotes, phase1a, phase1b, phase2a, phase2b, type Value } from './messages.ts';
import {
  ABORTED,
  COMMITTED,
  MessageBits,
  packedRead,
  type PaxosCommitLayout,
  paxosCommitLayout,
  PREPARED,
  VOTE_BITS,
  VOTE_MASK,
  voteOf,
  WORKING,
} from './packed-state.ts';
import {
  paxosCommitActions,
  type PaxosCommitDomains,
  paxosCommitDomains,
  paxosCommitProperties,
  type PaxosCommitSteps,
} from './definition.ts';
import type { Decision, PaxosCommitConstants } from './paxos-commit.ts';

const NO_DECISIONS: readonly (readonly Decision[])[] = Object.freeze([]);

/** What every action's plans are made from. */
interface Packed {
  readonly constants: PaxosCommitConstants;
  readonly domains: PaxosCommitDomains;
  readonly layout: PaxosCommitLayout;
  readonly bits: MessageBits;
}

export function paxosCommitPackedSpec(constants: PaxosCommitConstants) {
  const layout = paxosCommitLayout(constants);
  const bits = new MessageBits(layout.fields.msgs);
  const domains = paxosCommitDomains(constants);
  const packed: Packed = { constants, domains, layout, bits };
  return defineSpec({
    name: 'paxos-commit',
    layout,
    // every RM working; every acceptor with mbal 0 and no vote: the blank words
    init: (): Words[] => [layout.blank()],
    actions: paxosCommitActions<Words>(domains, {
      ...rmSteps(packed),
      ...leaderSteps(packed),
      ...acceptorSteps(packed),
    }),
    properties: paxosCommitProperties(packedRead(layout, bits, constants.BALLOT.length - 1), constants.RM.length),
  });
}

/**
 * An action's parameters with a plan for each, found by the parameter's position (the checker
 * passes it to `next`) or, when `next` is called without one (as in a test), by identity or by
 * value; a value that is not one of the parameters is named with the action.
 */
function planned<P, Q>(
  action: string,
  params: readonly P[],
  plan: (param: P) => Q,
): (param: P, index: number | undefined) => Q {
  const plans = params.map(plan);
  const byIdentity = new Map(params.map((p, i) => [p, i]));
  const byValue = new Map(params.map((p, i) => [JSON.stringify(p), i]));
  const lookUp = (param: P): number => {
    const found = byIdentity.get(param) ?? byValue.get(JSON.stringify(param));
    if (found === undefined)
      throw unknownName('parameter', JSON.stringify(param), [...byValue.keys()], { model: 'paxos-commit', action });
    return found;
  };
  return (param: P, index: number | undefined): Q => plans[index ?? lookUp(param)]!;
}

/** rmPrepare, rmChooseToAbort (a working RM votes in ballot 0 of its instance), rmRcvCommitMsg, rmRcvAbortMsg. */
function rmSteps({ domains: { RM }, layout, bits }: Packed) {
  const rmWord = (rm: string): number => layout.fields.rmState.at(rm).offset;
  const vote = (action: string, val: Value, to: number) => {
    const planOf = planned(action, RM, (rm) => ({ word: rmWord(rm), vote: bits.at(phase2a(rm, 0, val)) }));
    return (s: Words, rm: string, i?: number): Words | undefined => {
      const p = planOf(rm, i);
      if (s[p.word] !== WORKING) return undefined;
      const t = s.slice();
      t[p.word] = to;
      bits.send(t, p.vote);
      return t;
    };
  };
  /** The RM learns the decision (a stuttering step when it knew). */
  const learn = (action: string, decision: number, to: number) => {
    const planOf = planned(action, RM, rmWord);
    return (s: Words, rm: string, i?: number): Words | undefined => {
      if (!bits.sent(s, decision)) return undefined;
      const word = planOf(rm, i);
      if (s[word] === to) return s;
      const t = s.slice();
      t[word] = to;
      return t;
    };
  };
  return {
    rmPrepare: vote('rmPrepare', 'prepared', PREPARED),
    rmChooseToAbort: vote('rmChooseToAbort', 'aborted', ABORTED),
    rmRcvCommitMsg: learn('rmRcvCommitMsg', bits.at(COMMIT), COMMITTED),
    rmRcvAbortMsg: learn('rmRcvAbortMsg', bits.at(ABORT), ABORTED),
  };
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

/** phase1a, phase2a, decideCommit, decideAbort: what the leaders do. */
function leaderSteps(
  packed: Packed,
): Pick<PaxosCommitSteps<Words>, 'phase1a' | 'phase2a' | 'commitEvidence' | 'decideCommit' | 'decideAbort'> {
  const { domains, bits } = packed;
  const phase1aPlan = planned('phase1a', domains.phase1a, ([bal, rm]) => bits.at(phase1a(rm, bal)));
  const phase2aPlan = planned('phase2a', domains.phase2a, ([bal, rm, MS]): Phase2aPlan => {
    const replies = MS.flatMap((acc, i) =>
      lastVotes(bal).map(([b, v]) => ({ at: bits.at(phase1b(rm, bal, b, v, acc)), from: 1 << i, b, v })),
    );
    return {
      prepared: bits.at(phase2a(rm, bal, 'prepared')),
      aborted: bits.at(phase2a(rm, bal, 'aborted')),
      replyAt: Int32Array.from(replies, (r) => r.at),
      replyFrom: Int32Array.from(replies, (r) => r.from),
      replyBal: Int32Array.from(replies, (r) => r.b),
      replyPrepared: Uint8Array.from(replies, (r) => (r.v === 'prepared' ? 1 : 0)),
      everyone: (1 << MS.length) - 1,
    };
  });
  /** The leader's proposal: the value of the highest vote reported, "aborted" if none (a position; -1 until all of MS replied). */
  const proposal = (s: Words, p: Phase2aPlan): number => {
    let replied = 0,
      highest = -1,
      prepared = 0;
    for (let i = 0; i < p.replyAt.length; i++) {
      if (!bits.sent(s, p.replyAt[i]!)) continue;
      replied |= p.replyFrom[i]!;
      if (p.replyBal[i]! > highest) {
        highest = p.replyBal[i]!;
        prepared = p.replyPrepared[i]!;
      }
    }
    if (replied !== p.everyone) return -1;
    return prepared === 1 ? p.prepared : p.aborted;
  };
  const decideAbortPlan = planned('decideAbort', domains.decideAbort, ([rm, b, MS]) =>
    Int32Array.from(MS, (acc) => bits.at(phase2b(acc, rm, b, 'aborted'))),
  );
  const COMMIT_AT = bits.at(COMMIT),
    ABORT_AT = bits.at(ABORT);
  return {
    phase1a: (s, param, i) => bits.withMessage(s, phase1aPlan(param, i)),
    phase2a: (s, param, i) => {
      const p = phase2aPlan(param, i);
      if (bits.sent(s, p.prepared) || bits.sent(s, p.aborted)) return undefined;
      const m = proposal(s, p);
      return m < 0 ? undefined : bits.withMessage(s, m);
    },
    commitEvidence: commitEvidenceOf(packed),
    decideCommit: (s) => bits.withMessage(s, COMMIT_AT),
    decideAbort: (s, param, i) =>
      bits.allSent(s, decideAbortPlan(param, i)) ? bits.withMessage(s, ABORT_AT) : undefined,
  };
}

/**
 * decideCommit's domain (`commitEvidence` in paxos-commit.ts): for each RM a witness of
 * Decided(rm, "prepared") — a ballot and a majority that voted "prepared" in it — every
 * combination. States with the same witnesses share one domain, so it allocates once.
 */
function commitEvidenceOf({
  constants: { RM, MAJORITY, BALLOT },
  bits,
}: Packed): PaxosCommitSteps<Words>['commitEvidence'] {
  const witnesses = RM.map((rm) =>
    BALLOT.flatMap((bal) =>
      MAJORITY.map((majority) => ({
        decision: Object.freeze({ rm, bal, majority }) as Decision,
        votes: Int32Array.from(majority, (acc) => bits.at(phase2b(acc, rm, bal, 'prepared'))),
      })),
    ),
  );
  // Which witnesses hold, as a number: per RM the sum of 2^i over its witnesses i that hold, a
  // digit in base SPAN; -1 when an RM has none. Exact, so a cache key, while it fits in 53 bits.
  const SPAN = 2 ** (BALLOT.length * MAJORITY.length);
  const EXACT = SPAN ** RM.length <= Number.MAX_SAFE_INTEGER;
  const keyOf = (s: Words): number => {
    let key = 0;
    for (let r = 0; r < witnesses.length; r++) {
      const ofRm = witnesses[r]!;
      let held = 0;
      for (let i = 0, bit = 1; i < ofRm.length; i++, bit *= 2) if (bits.allSent(s, ofRm[i]!.votes)) held += bit;
      if (held === 0) return -1;
      key = key * SPAN + held;
    }
    return key;
  };
  const combine = (s: Words): readonly (readonly Decision[])[] => {
    let combinations: Decision[][] = [[]];
    for (const ofRm of witnesses) {
      const shown = ofRm.filter((w) => bits.allSent(s, w.votes)).map((w) => w.decision);
      combinations = combinations.flatMap((prefix) => shown.map((d) => [...prefix, d]));
    }
    return combinations;
  };
  const seen = new Map<number, readonly (readonly Decision[])[]>();
  return (s: Words): readonly (readonly Decision[])[] => {
    const key = keyOf(s);
    if (key < 0) return NO_DECISIONS;
    if (!EXACT) return combine(s);
    let domain = seen.get(key);
    if (domain === undefined) seen.set(key, (domain = combine(s)));
    return domain;
  };
}

/** phase1b (promise a ballot, reporting the last vote) and phase2b (vote), of acceptor acc in instance ins. */
function acceptorSteps({ domains, layout, bits }: Packed): Pick<PaxosCommitSteps<Words>, 'phase1b' | 'phase2b'> {
  const acceptorWord = (ins: string, acc: string): number => layout.fields.aState.at(ins).at(acc).offset;
  const phase1bPlan = planned('phase1b', domains.phase1b, ([acc, ins, bal]) => ({
    word: acceptorWord(ins, acc),
    bal,
    ask: bits.at(phase1a(ins, bal)),
    votes: lastVotes(bal).length,
    /** phase1b(ins, bal, -1, "none", acc): the report of vote v is at firstReply + v. */
    firstReply: bits.at(phase1b(ins, bal, -1, 'none', acc)),
  }));
  const phase2bPlan = planned('phase2b', domains.phase2b, ([acc, ins, bal, val]) => ({
    word: acceptorWord(ins, acc),
    bal,
    voted: (bal << VOTE_BITS) | voteOf(bal, val),
    proposal: bits.at(phase2a(ins, bal, val)),
    vote: bits.at(phase2b(acc, ins, bal, val)),
  }));
  return {
    phase1b: (s, param, i) => {
      const p = phase1bPlan(param, i);
      const word = s[p.word]!;
      if (!bits.sent(s, p.ask) || !(word >> VOTE_BITS < p.bal)) return undefined;
      const vote = word & VOTE_MASK;
      if (vote >= p.votes)
        throw new KripkeError(
          'invalid-value',
          `paxos-commit: ${layout.fieldAt(p.word)} voted in ballot ${p.bal} or later but promised less`,
        );
      const t = s.slice();
      t[p.word] = (p.bal << VOTE_BITS) | vote;
      bits.send(t, p.firstReply + vote);
      return t;
    },
    phase2b: (s, param, i) => {
      const p = phase2bPlan(param, i);
      if (!bits.sent(s, p.proposal) || !(s[p.word]! >> VOTE_BITS <= p.bal)) return undefined;
      const t = s.slice();
      t[p.word] = p.voted;
      bits.send(t, p.vote);
      return t;
    },
  };
}
