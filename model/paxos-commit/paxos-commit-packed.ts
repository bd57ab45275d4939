/**
 * Paxos Commit with a packed state layout (`spec/packed.ts`): the protocol of `paxos-commit.ts`
 * action for action — same action names and order, same parameters in the same order, same
 * properties — with the state as one flat array of small integers: a word per resource manager,
 * three words (mbal, bal, val) per acceptor and instance, and `msgs` as a bitset over every
 * message the constants allow. Same states, same counts (PaxosCommit.cfg: 1,321,761 distinct,
 * 16,959,159 generated, depth 28), checked about three times faster: `--set packed=true`.
 *
 * The message universe holds the interned message records of `messages.ts`, so decoded traces
 * show the same messages as the object model. Each action's parameters are precomputed into a
 * plan (the universe positions it tests and sets, the words it reads and writes), so an action
 * is a few word reads, one `slice()` and a few writes — no message is built or looked up.
 */
import { arrayOf, defineSpec, type Field, int, KripkeError, oneOf, packedLayout, record, setOf, type SetField, type Words } from '../../spec/index.ts';
import { ABORT, COMMIT, type Message, phase1a, phase1b, phase2a, phase2b, type Value } from './messages.ts';
import type { Decision, PaxosCommitConstants, RmState } from './paxos-commit.ts';

const RM_STATES: readonly RmState[] = ['working', 'prepared', 'committed', 'aborted'];
const [WORKING, PREPARED, COMMITTED, ABORTED] = [0, 1, 2, 3];
const VALUES: readonly Value[] = ['prepared', 'aborted'];
/** An acceptor's last vote value; its code is the word stored (none 0, prepared 1, aborted 2). */
const VOTES: readonly (Value | 'none')[] = ['none', ...VALUES];
const NONE = 0;
const NO_DECISIONS: readonly (readonly Decision[])[] = Object.freeze([]);

/**
 * The votes an acceptor can report in a phase 1b message of ballot `mbal`: none, or a vote in an
 * earlier ballot (it promised no ballot above `mbal` before, so voted in none). Their order gives
 * `lastVoteCode`: none 0, (b, prepared) 2b+1, (b, aborted) 2b+2.
 */
const lastVotes = (mbal: number): (readonly [number, Value | 'none'])[] =>
  [[-1, 'none'], ...Array.from({ length: mbal }, (_, b) => VALUES.map((v) => [b, v] as const)).flat()];

/** The position of vote (bal, val) in `lastVotes`; -1 for an inconsistent pair. */
const lastVoteCode = (bal: number, val: number): number => (val === NONE ? (bal === -1 ? 0 : -1) : bal < 0 ? -1 : 2 * bal + val);

/** Every message PaxosCommit.tla's constants allow (the reachable phase 1b reports only), in a fixed order. */
function messageUniverse({ RM, ACCEPTOR, BALLOT, LEADER_BALLOT }: PaxosCommitConstants): Message[] {
  const all: Message[] = [];
  for (const ins of RM) for (const bal of LEADER_BALLOT) all.push(phase1a(ins, bal));
  for (const ins of RM) {
    for (const mbal of LEADER_BALLOT) {
      for (const acc of ACCEPTOR) for (const [bal, val] of lastVotes(mbal)) all.push(phase1b(ins, mbal, bal, val, acc));
    }
  }
  for (const ins of RM) for (const bal of BALLOT) for (const val of VALUES) all.push(phase2a(ins, bal, val));
  for (const acc of ACCEPTOR) for (const ins of RM) for (const bal of BALLOT) for (const val of VALUES) all.push(phase2b(acc, ins, bal, val));
  all.push(COMMIT, ABORT);
  return all;
}

/** Where each universe member's bit lives: its word and mask, read off the set field itself. */
function bitsOf(msgs: SetField<Message>, blank: () => number[]): { word: Int32Array; mask: Int32Array } {
  const { universe } = msgs;
  const word = new Int32Array(universe.length);
  const mask = new Int32Array(universe.length);
  universe.forEach((m, i) => {
    const s = blank();
    msgs.add(s, m);
    word[i] = s.findIndex((w) => w !== 0);
    mask[i] = s[word[i]!]!;
  });
  return { word, mask };
}

/** One plan per parameter, found by the parameter's identity (parameters are built once). */
function planned<P, Q>(params: readonly P[], plan: (param: P) => Q): { params: readonly P[]; plans: Map<P, Q> } {
  return { params, plans: new Map(params.map((p) => [p, plan(p)])) };
}

export function paxosCommitPackedSpec(constants: PaxosCommitConstants) {
  const { RM, ACCEPTOR, MAJORITY, BALLOT, LEADER_BALLOT } = constants;
  const layout = packedLayout({
    rmState: arrayOf(RM, oneOf(RM_STATES)),
    /** `aState[ins][ac]`: acceptor ac's state in the Paxos instance of resource manager ins. */
    aState: arrayOf(RM, arrayOf(ACCEPTOR, record({ mbal: int(), bal: int(), val: oneOf(VOTES) }))),
    /** Every message ever sent. */
    msgs: setOf(messageUniverse(constants)),
  });
  const { rmState, aState, msgs } = layout.fields;
  const { word: W, mask: M } = bitsOf(msgs, () => layout.blank());
  const sent = (s: Words, m: number): boolean => (s[W[m]!]! & M[m]!) !== 0;
  const send = (t: number[], m: number): void => {
    t[W[m]!] = t[W[m]!]! | M[m]!;
  };
  /** `sent` and `send` take universe positions; `at` finds one while plans are made. */
  const at = (m: Message): number => msgs.position(m);
  const COMMIT_AT = at(COMMIT);
  const ABORT_AT = at(ABORT);

  const rmWord = (rm: string): number => rmState.at(rm).offset;
  const acceptor = (ins: string, acc: string) => {
    const { mbal, bal, val } = aState.at(ins).at(acc).fields;
    return { mbalWord: mbal.offset, balWord: bal.offset, valWord: val.offset };
  };
  /** The universe positions of the votes of `MS` for value v in ballot b of instance rm (Decided's witness). */
  const votesOf = (rm: string, b: number, v: Value, MS: readonly string[]) => Int32Array.from(MS, (acc) => at(phase2b(acc, rm, b, v)));
  const allSent = (s: Words, positions: Int32Array): boolean => {
    for (let i = 0; i < positions.length; i++) if (!sent(s, positions[i]!)) return false;
    return true;
  };
  const setRm = (s: Words, word: number, to: number): Words => {
    const t = s.slice();
    t[word] = to;
    return t;
  };
  const withMessage = (s: Words, m: number): Words => {
    const t = s.slice();
    send(t, m);
    return t;
  };

  /** RM states in ballot 0: the RM's word and its vote, as in rmPrepare and rmChooseToAbort. */
  const vote = (val: Value, to: number) => {
    const { params, plans } = planned(RM, (rm) => ({ word: rmWord(rm), vote: at(phase2a(rm, 0, val)) }));
    return {
      params,
      next: (s: Words, rm: string) => {
        const p = plans.get(rm)!;
        if (s[p.word] !== WORKING) return undefined;
        const t = s.slice();
        t[p.word] = to;
        send(t, p.vote);
        return t;
      },
    };
  };
  /** rmRcvCommitMsg and rmRcvAbortMsg: the RM learns the decision (stuttering when it knows). */
  const learn = (decision: number, to: number) => {
    const { params, plans } = planned(RM, rmWord);
    return { params, next: (s: Words, rm: string) => (sent(s, decision) ? setRm(s, plans.get(rm)!, to) : undefined) };
  };

  const phase1aStep = planned(LEADER_BALLOT.flatMap((bal) => RM.map((rm) => [bal, rm] as const)), ([bal, rm]) => at(phase1a(rm, bal)));

  const phase2aStep = planned(
    LEADER_BALLOT.flatMap((bal) => RM.flatMap((rm) => MAJORITY.map((MS) => [bal, rm, MS] as const))),
    ([bal, rm, MS]) => {
      const replies = MS.flatMap((acc, slot) => lastVotes(bal).map(([b, v]) => ({ at: at(phase1b(rm, bal, b, v, acc)), slot, b, v })));
      return {
        prepared: at(phase2a(rm, bal, 'prepared')),
        aborted: at(phase2a(rm, bal, 'aborted')),
        /** The phase 1b messages MS's acceptors may have sent for (rm, bal): position, acceptor slot in MS, vote. */
        replyAt: Int32Array.from(replies, (r) => r.at),
        replySlot: Int32Array.from(replies, (r) => r.slot),
        replyBal: Int32Array.from(replies, (r) => r.b),
        replyPrepared: Uint8Array.from(replies, (r) => (r.v === 'prepared' ? 1 : 0)),
        everyone: (1 << MS.length) - 1,
      };
    },
  );
  type Phase2aPlan = ReturnType<typeof phase2aStep.plans.get> & object;
  /** The leader's proposal for a phase 2a plan: a universe position, or -1 when MS has not all answered. */
  const proposal = (s: Words, p: Phase2aPlan): number => {
    let answered = 0, highest = -1, prepared = 0;
    for (let i = 0; i < p.replyAt.length; i++) {
      if (!sent(s, p.replyAt[i]!)) continue;
      answered |= 1 << p.replySlot[i]!;
      if (p.replyBal[i]! > highest) {
        highest = p.replyBal[i]!;
        prepared = p.replyPrepared[i]!;
      }
    }
    if (answered !== p.everyone) return -1;
    return prepared === 1 ? p.prepared : p.aborted;
  };

  /** Decided(rm, "prepared") witnesses per RM, in the object model's order (ballot, then majority). */
  const commitWitnesses = RM.map((rm) => BALLOT.flatMap((bal) => MAJORITY.map((majority) =>
    ({ decision: Object.freeze({ rm, bal, majority }) as Decision, votes: votesOf(rm, bal, 'prepared', majority) }))));
  const anyWitness = (s: Words, witnesses: (typeof commitWitnesses)[number]): boolean => {
    for (let i = 0; i < witnesses.length; i++) if (allSent(s, witnesses[i]!.votes)) return true;
    return false;
  };
  /** decideCommit's domain: one witness per RM, every combination (see `commitEvidence` in paxos-commit.ts). */
  const commitEvidence = (s: Words): readonly (readonly Decision[])[] => {
    for (let r = 0; r < commitWitnesses.length; r++) if (!anyWitness(s, commitWitnesses[r]!)) return NO_DECISIONS;
    let combinations: Decision[][] = [[]];
    for (const witnesses of commitWitnesses) {
      const shown = witnesses.filter((w) => allSent(s, w.votes)).map((w) => w.decision);
      combinations = combinations.flatMap((prefix) => shown.map((d) => [...prefix, d]));
    }
    return combinations;
  };

  const decideAbortStep = planned(
    RM.flatMap((rm) => BALLOT.flatMap((b) => MAJORITY.map((MS) => [rm, b, MS] as const))),
    ([rm, b, MS]) => votesOf(rm, b, 'aborted', MS),
  );

  const phase1bStep = planned(
    ACCEPTOR.flatMap((acc) => RM.flatMap((ins) => LEADER_BALLOT.map((bal) => [acc, ins, bal] as const))),
    ([acc, ins, bal]) => ({ ...acceptor(ins, acc), bal, ask: at(phase1a(ins, bal)), firstReply: at(phase1b(ins, bal, -1, 'none', acc)), votes: lastVotes(bal).length }),
  );
  type Phase1bPlan = ReturnType<typeof phase1bStep.plans.get> & object;
  /** The universe position of acceptor p's phase 1b report of its last vote. */
  const reply = (s: Words, p: Phase1bPlan): number => {
    const code = lastVoteCode(s[p.balWord]!, s[p.valWord]!);
    if (code < 0 || code >= p.votes) {
      throw new KripkeError('invalid-value', `paxos-commit packed: acceptor state ${layout.fieldAt(p.mbalWord)} has no phase 1b message in the universe`);
    }
    return p.firstReply + code;
  };

  const phase2bStep = planned(
    ACCEPTOR.flatMap((acc) => RM.flatMap((ins) => BALLOT.flatMap((bal) => VALUES.map((val) => [acc, ins, bal, val] as const)))),
    ([acc, ins, bal, val]) => ({ ...acceptor(ins, acc), bal, val: VOTES.indexOf(val), proposal: at(phase2a(ins, bal, val)), vote: at(phase2b(acc, ins, bal, val)) }),
  );

  const rmWords = Int32Array.from(rmState.items, (f) => f.offset);
  const typeOk = typeOkOf(rmWords, aState.items.flatMap((instance) => instance.items.map((a) => a.fields)), W, M, BALLOT.length - 1);

  return defineSpec({
    name: 'paxos-commit',
    layout,
    init: (): Words[] => {
      const s = layout.blank();
      for (const f of rmState.items) f.set(s, 'working');
      for (const instance of aState.items) {
        for (const { fields } of instance.items) {
          fields.mbal.set(s, 0);
          fields.bal.set(s, -1);
          fields.val.set(s, 'none');
        }
      }
      return [s];
    },
    actions: {
      rmPrepare: vote('prepared', PREPARED),
      rmChooseToAbort: vote('aborted', ABORTED),
      rmRcvCommitMsg: learn(COMMIT_AT, COMMITTED),
      rmRcvAbortMsg: learn(ABORT_AT, ABORTED),
      phase1a: { params: phase1aStep.params, next: (s, param) => withMessage(s, phase1aStep.plans.get(param)!) },
      phase2a: {
        params: phase2aStep.params,
        next: (s, param) => {
          const p = phase2aStep.plans.get(param)!;
          if (sent(s, p.prepared) || sent(s, p.aborted)) return undefined;
          const m = proposal(s, p);
          return m < 0 ? undefined : withMessage(s, m);
        },
      },
      decideCommit: { params: commitEvidence, next: (s) => withMessage(s, COMMIT_AT) },
      decideAbort: {
        params: decideAbortStep.params,
        next: (s, param) => (allSent(s, decideAbortStep.plans.get(param)!) ? withMessage(s, ABORT_AT) : undefined),
      },
      phase1b: {
        params: phase1bStep.params,
        next: (s, param) => {
          const p = phase1bStep.plans.get(param)!;
          if (!sent(s, p.ask) || !(s[p.mbalWord]! < p.bal)) return undefined;
          const m = reply(s, p);
          const t = s.slice();
          t[p.mbalWord] = p.bal;
          send(t, m);
          return t;
        },
      },
      phase2b: {
        params: phase2bStep.params,
        next: (s, param) => {
          const p = phase2bStep.plans.get(param)!;
          if (!sent(s, p.proposal) || !(s[p.mbalWord]! <= p.bal)) return undefined;
          const t = s.slice();
          t[p.mbalWord] = p.bal;
          t[p.balWord] = p.bal;
          t[p.valWord] = p.val;
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

interface AcceptorFields { readonly mbal: Field; readonly bal: Field; readonly val: Field }

/**
 * PCTypeOK on the words: each RM word one of the four states, each acceptor's mbal a ballot, bal
 * a ballot or -1, val a vote, and no bit of `msgs` outside the universe (every member of the
 * universe is a well-typed message by construction).
 */
function typeOkOf(rmWords: Int32Array, acceptors: readonly AcceptorFields[], W: Int32Array, M: Int32Array, maxBallot: number) {
  const mbalWords = Int32Array.from(acceptors, (a) => a.mbal.offset);
  const balWords = Int32Array.from(acceptors, (a) => a.bal.offset);
  const valWords = Int32Array.from(acceptors, (a) => a.val.offset);
  const msgWords = Int32Array.from(new Set(W));
  const allowed = Int32Array.from(msgWords, (w) => M.reduce((bits, mask, i) => (W[i] === w ? bits | mask : bits), 0));
  return (s: Words): boolean => {
    for (let i = 0; i < rmWords.length; i++) if (!(s[rmWords[i]!]! >= 0 && s[rmWords[i]!]! < RM_STATES.length)) return false;
    for (let i = 0; i < mbalWords.length; i++) {
      const mbal = s[mbalWords[i]!]!, bal = s[balWords[i]!]!, val = s[valWords[i]!]!;
      if (!(mbal >= 0 && mbal <= maxBallot && bal >= -1 && bal <= maxBallot && val >= 0 && val < VOTES.length)) return false;
    }
    for (let i = 0; i < msgWords.length; i++) if ((s[msgWords[i]!]! & ~allowed[i]!) !== 0) return false;
    return true;
  };
}
