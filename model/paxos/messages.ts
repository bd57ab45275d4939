/** Single-decree Paxos: the messages and the local states of proposers and acceptors. */
import type { ActorId } from '../../spec/index.ts';

export type Value = string;

/** A vote: the acceptor accepted `value` in `ballot`. */
export interface Vote {
  readonly ballot: number;
  readonly value: Value;
}

export type PaxosMessage =
  | { readonly type: 'prepare'; readonly ballot: number } // phase 1a
  | { readonly type: 'promise'; readonly ballot: number; readonly accepted: Vote | null } // phase 1b
  | { readonly type: 'accept'; readonly ballot: number; readonly value: Value } // phase 2a
  | { readonly type: 'accepted'; readonly ballot: number; readonly value: Value }; // phase 2b: a vote

export interface Acceptor {
  readonly role: 'acceptor';
  /** The highest ballot promised: no vote in a lower ballot any more. */
  readonly promised: number;
  readonly accepted: Vote | null;
}

export interface Proposer {
  readonly role: 'proposer';
  /** The value this proposer wants chosen. */
  readonly proposal: Value;
  /** Its current ballot (0: none started yet) and how many it has started. */
  readonly ballot: number;
  readonly rounds: number;
  readonly phase: 'idle' | 'preparing' | 'accepting';
  /** Acceptors that promised the current ballot, sorted. */
  readonly promised: readonly ActorId[];
  /** The highest vote reported in those promises; its value must be proposed instead of our own. */
  readonly highest: Vote | null;
}

export type PaxosNode = Acceptor | Proposer;

/** A short, readable line for a message: `prepare(1)`, `promise(2, accepted 1:v1)`. */
export function formatPaxosMessage(msg: PaxosMessage): string {
  switch (msg.type) {
    case 'prepare':
      return `prepare(${msg.ballot})`;
    case 'promise':
      return `promise(${msg.ballot}${msg.accepted ? `, accepted ${msg.accepted.ballot}:${msg.accepted.value}` : ''})`;
    case 'accept':
      return `accept(${msg.ballot}, ${msg.value})`;
    case 'accepted':
      return `accepted(${msg.ballot}, ${msg.value})`;
  }
}
