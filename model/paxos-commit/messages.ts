/**
 * The messages of Paxos Commit (PaxosCommit.tla, `Message`). As in the TLA+ spec, `msgs` is the
 * set of every message ever sent, a subset of every message the constants allow: the universe of
 * the layout's `msgs`, which finds a message by identity. So the actions send the universe's own
 * objects, looked up by their fields in a table filled once from it (`MessageTable`).
 */
import { KripkeError } from '../../spec/index.ts';
import type { PaxosCommitConstants } from './layout.ts';

/** A resource manager's decision, as voted on in its instance of Paxos. */
export type Value = 'prepared' | 'aborted';

export interface Phase1a {
  readonly type: 'phase1a';
  readonly ins: string;
  readonly bal: number;
}
export interface Phase1b {
  readonly type: 'phase1b';
  readonly ins: string;
  readonly mbal: number;
  /** The ballot the acceptor last voted in, or -1. */
  readonly bal: number;
  readonly val: Value | 'none';
  readonly acc: string;
}
export interface Phase2a {
  readonly type: 'phase2a';
  readonly ins: string;
  readonly bal: number;
  readonly val: Value;
}
export interface Phase2b {
  readonly type: 'phase2b';
  readonly acc: string;
  readonly ins: string;
  readonly bal: number;
  readonly val: Value;
}
/** The leader's announcement of the transaction's outcome. */
export interface Outcome {
  readonly type: 'Commit' | 'Abort';
}

export type Message = Phase1a | Phase1b | Phase2a | Phase2b | Outcome;

export const COMMIT: Outcome = Object.freeze({ type: 'Commit' });
export const ABORT: Outcome = Object.freeze({ type: 'Abort' });

const VALUES: readonly Value[] = ['prepared', 'aborted'];

/**
 * The votes an acceptor can report in a phase 1b message of ballot `mbal > 0`: none, or a vote in
 * an earlier ballot (having promised no ballot as high as `mbal`, it voted in none), in the
 * order none, (0, prepared), (0, aborted), (1, prepared), …
 */
const lastVotes = (mbal: number): (readonly [bal: number, val: Value | 'none'])[] => [
  [-1, 'none'],
  ...Array.from({ length: mbal }, (_, b) => VALUES.map((v) => [b, v] as const)).flat(),
];

/**
 * Every message the constants allow, in a fixed order, each a frozen object: phase 1a for ballots
 * above 0, phase 1b with the last votes an acceptor can report, phase 2a and 2b with either value,
 * Commit and Abort.
 */
export function messageUniverse({ RM, ACCEPTOR, BALLOT, LEADER_BALLOT }: PaxosCommitConstants): Message[] {
  const all: Message[] = [];
  const add = (m: Message) => all.push(Object.freeze(m));
  for (const ins of RM) for (const bal of LEADER_BALLOT) add({ type: 'phase1a', ins, bal });
  for (const ins of RM) {
    for (const mbal of LEADER_BALLOT) {
      for (const acc of ACCEPTOR)
        for (const [bal, val] of lastVotes(mbal)) add({ type: 'phase1b', ins, mbal, bal, val, acc });
    }
  }
  for (const ins of RM) for (const bal of BALLOT) for (const val of VALUES) add({ type: 'phase2a', ins, bal, val });
  for (const acc of ACCEPTOR)
    for (const ins of RM)
      for (const bal of BALLOT) for (const val of VALUES) add({ type: 'phase2b', acc, ins, bal, val });
  all.push(COMMIT, ABORT);
  return all;
}

/**
 * The universe's messages by their fields, in arrays indexed by position (of the RM, acceptor,
 * ballot, value), filled once from the universe: `phase2b(acc, ins, bal, val)` returns the
 * universe's object, which `msgs` finds by identity. A message outside the universe is an error
 * naming it.
 */
export class MessageTable {
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

/** Phase2a's guard: every acceptor of MS answered. */
export function everyAcceptorAnswered(mset: readonly Phase1b[], MS: readonly string[]): boolean {
  for (const ac of MS) if (!mset.some((m) => m.acc === ac)) return false;
  return true;
}

/** Phase2a's value: the value of the highest-ballot vote reported, or "aborted" when no one voted. */
export function proposal(mset: readonly Phase1b[]): Value {
  let highest: Phase1b | undefined;
  for (const m of mset) if (m.bal > (highest?.bal ?? -1)) highest = m;
  // Votes in one ballot agree, so any message with the highest ballot serves as TLA+'s CHOOSE.
  return highest === undefined ? 'aborted' : (highest.val as Value);
}
