/**
 * The packed state of Paxos Commit (`paxos-commit-packed.ts`): a word per resource manager, a
 * word per acceptor and instance, and `msgs` as a bitset over every message the constants allow
 * (`messageUniverse`). Decoded, a state reads as the object model's `PaxosCommitState`.
 */
import {
  arrayOf,
  type Field,
  type FieldType,
  oneOf,
  packedLayout,
  setOf,
  type SetField,
  type Words,
} from '../../spec/index.ts';
import { type Message, messageUniverse, type Value } from './messages.ts';
import { type PaxosCommitRead, RM_STATES } from './definition.ts';
import type { AcceptorState, PaxosCommitConstants } from './paxos-commit.ts';

export const [WORKING, PREPARED, COMMITTED, ABORTED] = [0, 1, 2, 3];
const VALUES: readonly Value[] = ['prepared', 'aborted'];

// ---- an acceptor's state in one word --------------------------------------------------------

/**
 * `mbal << VOTE_BITS | vote`: vote 0 is "none", 2·bal + 1 and 2·bal + 2 a vote of "prepared" or
 * "aborted" in ballot bal — the vote's position in `lastVotes`, so the phase 1b message that
 * reports it is the first report's universe position plus the vote.
 */
export const VOTE_BITS = 8;
export const VOTE_MASK = (1 << VOTE_BITS) - 1;
export const voteOf = (bal: number, val: Value): number => 2 * bal + 1 + VALUES.indexOf(val);

/** An acceptor's state packed in one word, decoded as the object model's `{ mbal, bal, val }`. */
class AcceptorField implements Field {
  readonly width = 1;
  constructor(
    readonly offset: number,
    readonly path: string,
  ) {}
  decode(s: Words): AcceptorState {
    const word = s[this.offset]!;
    const vote = word & VOTE_MASK;
    if (vote === 0) return { mbal: word >> VOTE_BITS, bal: -1, val: 'none' };
    return { mbal: word >> VOTE_BITS, bal: (vote - 1) >> 1, val: VALUES[(vote - 1) & 1]! };
  }
}
const acceptorState = (): FieldType<AcceptorField> => ({
  width: 1,
  place: (offset, path) => new AcceptorField(offset, path),
});

export type PaxosCommitLayout = ReturnType<typeof paxosCommitLayout>;

export function paxosCommitLayout({ RM, ACCEPTOR, BALLOT }: PaxosCommitConstants) {
  return packedLayout({
    rmState: arrayOf(RM, oneOf(RM_STATES)),
    /** `aState[ins][ac]`: acceptor ac's state in the Paxos instance of resource manager ins. */
    aState: arrayOf(RM, arrayOf(ACCEPTOR, acceptorState())),
    /** Every message ever sent. */
    msgs: setOf(messageUniverse(RM, ACCEPTOR, BALLOT)),
  });
}

// ---- messages by universe position ----------------------------------------------------------

/** `msgs` read and written by universe position (no look-up), as the actions' plans give them. */
export class MessageBits {
  constructor(private readonly msgs: SetField<Message>) {}
  /** The universe position of m (while plans are made). */
  at(m: Message): number {
    return this.msgs.position(m);
  }
  sent(s: Words, m: number): boolean {
    return this.msgs.hasAt(s, m);
  }
  allSent(s: Words, positions: Int32Array): boolean {
    for (let i = 0; i < positions.length; i++) if (!this.msgs.hasAt(s, positions[i]!)) return false;
    return true;
  }
  send(t: number[], m: number): void {
    this.msgs.addAt(t, m);
  }
  /** Send(m) on a copy; the same state when m was sent before. */
  withMessage(s: Words, m: number): Words {
    if (this.msgs.hasAt(s, m)) return s;
    const t = s.slice();
    this.msgs.addAt(t, m);
    return t;
  }
  /** The words of `msgs` and, for each, the bits that stand for a message. */
  usedBits(blank: number[]): { words: Int32Array; bits: Int32Array } {
    this.msgs.universe.forEach((_, i) => this.msgs.addAt(blank, i));
    const words = Int32Array.from({ length: this.msgs.width }, (_, w) => this.msgs.offset + w);
    return { words, bits: Int32Array.from(words, (w) => blank[w]!) };
  }
}

// ---- what the properties read (definition.ts) ----------------------------------------------

/**
 * The RM states by word; and the rest of PCTypeOK: each acceptor's mbal a ballot and its vote
 * none or one in a ballot, no bit of `msgs` outside the universe (whose members are well-typed
 * messages by construction).
 */
export function packedRead(layout: PaxosCommitLayout, bits: MessageBits, maxBallot: number): PaxosCommitRead<Words> {
  const { rmState, aState } = layout.fields;
  const rmWords = Int32Array.from(rmState.items, (f) => f.offset);
  const acceptorWords = Int32Array.from(
    aState.items.flatMap((instance) => instance.items),
    (f) => f.offset,
  );
  const msgs = bits.usedBits(layout.blank());
  const maxVote = voteOf(maxBallot, 'aborted');
  return {
    rm: (s, i) => RM_STATES[s[rmWords[i]!]!],
    typedBeyondFields: (s) => {
      for (let i = 0; i < acceptorWords.length; i++) {
        const word = s[acceptorWords[i]!]!;
        if (!(word >= 0 && word >> VOTE_BITS <= maxBallot && (word & VOTE_MASK) <= maxVote)) return false;
      }
      for (let i = 0; i < msgs.words.length; i++) if ((s[msgs.words[i]!]! & ~msgs.bits[i]!) !== 0) return false;
      return true;
    },
  };
}
