/**
 * The messages of Paxos Commit (PaxosCommit.tla, `Message`). As in the TLA+ spec, `msgs` is the
 * set of every message ever sent, so a message is a value: the constructors below return one
 * shared, frozen object per distinct message (`interned`), which lets a plain `Set` hold them
 * without duplicates and answer `msgs.has(phase2b(…))` by identity.
 */
import { interned, withMember } from '../../spec/index.ts';

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
export interface Decision {
  readonly type: 'Commit' | 'Abort';
}

export type Message = Phase1a | Phase1b | Phase2a | Phase2b | Decision;

export const phase1a = interned((ins: string, bal: number): Phase1a => ({ type: 'phase1a', ins, bal }));

export const phase1b = interned(
  (ins: string, mbal: number, bal: number, val: Value | 'none', acc: string): Phase1b => ({
    type: 'phase1b',
    ins,
    mbal,
    bal,
    val,
    acc,
  }),
);

export const phase2a = interned(
  (ins: string, bal: number, val: Value): Phase2a => ({ type: 'phase2a', ins, bal, val }),
);

export const phase2b = interned(
  (acc: string, ins: string, bal: number, val: Value): Phase2b => ({ type: 'phase2b', acc, ins, bal, val }),
);

export const COMMIT: Decision = Object.freeze({ type: 'Commit' });
export const ABORT: Decision = Object.freeze({ type: 'Abort' });

/** `Send(m)`: msgs' = msgs ∪ {m} (the same set when m was sent before). */
export const send = (msgs: ReadonlySet<Message>, m: Message): ReadonlySet<Message> => withMember(msgs, m);

const VALUES: readonly Value[] = ['prepared', 'aborted'];

/**
 * The votes an acceptor can report in a phase 1b message of ballot `mbal > 0`: none, or a vote in
 * an earlier ballot (having promised no ballot as high as `mbal`, it voted in none), in the
 * order none, (0, prepared), (0, aborted), (1, prepared), …
 */
export const lastVotes = (mbal: number): (readonly [bal: number, val: Value | 'none'])[] => [
  [-1, 'none'],
  ...Array.from({ length: mbal }, (_, b) => VALUES.map((v) => [b, v] as const)).flat(),
];

/**
 * Every message the constants allow, in a fixed order (the universe of a packed `msgs`): phase
 * 1a for ballots above 0, phase 1b with the last votes an acceptor can report, phase 2a and 2b
 * with either value, Commit and Abort.
 */
export function messageUniverse(
  rms: readonly string[],
  acceptors: readonly string[],
  ballots: readonly number[],
): Message[] {
  const leaderBallots = ballots.filter((b) => b > 0);
  const all: Message[] = [];
  for (const ins of rms) for (const bal of leaderBallots) all.push(phase1a(ins, bal));
  for (const ins of rms) {
    for (const mbal of leaderBallots) {
      for (const acc of acceptors)
        for (const [bal, val] of lastVotes(mbal)) all.push(phase1b(ins, mbal, bal, val, acc));
    }
  }
  for (const ins of rms) for (const bal of ballots) for (const val of VALUES) all.push(phase2a(ins, bal, val));
  for (const acc of acceptors)
    for (const ins of rms) for (const bal of ballots) for (const val of VALUES) all.push(phase2b(acc, ins, bal, val));
  all.push(COMMIT, ABORT);
  return all;
}

/** Phase2a's guard: every acceptor of MS answered (the object model and the views share it). */
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
