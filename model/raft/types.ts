/** Raft: the log, the messages and a server's local state. */
import type { ActorId, HistoryEvent } from '../../spec/index.ts';

/** A client operation on the replicated register. */
export type RegisterCommand = { readonly kind: 'write'; readonly value: string } | { readonly kind: 'read' };

/** The register's client history: invocations and returns, recorded by the leaders. */
export type RegisterEvent = HistoryEvent<RegisterCommand, { kind: 'write-ok' } | { kind: 'read-ok'; value: string }>;

export interface Entry {
  readonly term: number;
  readonly command: RegisterCommand;
  /** The client operation this entry carries: `write v1@n1t2` (label, leader, term). */
  readonly client: string;
}

export type RaftMessage =
  | { readonly type: 'requestVote'; readonly term: number; readonly lastIndex: number; readonly lastTerm: number }
  | { readonly type: 'vote'; readonly term: number; readonly granted: boolean }
  /** The leader's whole log (so a follower's log is repaired in one message) and its commit index. */
  | { readonly type: 'append'; readonly term: number; readonly entries: readonly Entry[]; readonly commit: number }
  | { readonly type: 'appendReply'; readonly term: number; readonly success: boolean; readonly match: number };

export interface Server {
  readonly role: 'follower' | 'candidate' | 'leader';
  // durable: on stable storage, survive a crash
  readonly term: number;
  readonly votedFor: ActorId | null;
  readonly log: readonly Entry[];
  // volatile
  readonly commit: number;
  /** Candidate: who voted for it. */
  readonly votes: readonly ActorId[];
  /** Leader: the highest log index known replicated on each follower. */
  readonly match: Readonly<Record<ActorId, number>>;
}

const formatEntry = (e: Entry) => `${e.term}:${e.command.kind === 'write' ? e.command.value : 'read'}`;

/** `requestVote(t2, last 1:1)`, `append(t2, [1:v1 2:read], commit 1)`, … */
export function formatRaftMessage(msg: RaftMessage): string {
  switch (msg.type) {
    case 'requestVote':
      return `requestVote(t${msg.term}, last ${msg.lastIndex}:${msg.lastTerm})`;
    case 'vote':
      return `vote(t${msg.term}, ${msg.granted ? 'granted' : 'denied'})`;
    case 'append':
      return `append(t${msg.term}, [${msg.entries.map(formatEntry).join(' ')}], commit ${msg.commit})`;
    case 'appendReply':
      return `appendReply(t${msg.term}, ${msg.success ? `match ${msg.match}` : 'rejected'})`;
  }
}
