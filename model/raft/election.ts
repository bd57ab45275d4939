/**
 * Raft leader election: an election timeout starts a new term and asks for votes; a server votes
 * once per term, for a candidate whose log is at least as up to date as its own; a majority makes
 * a leader. Any message from a higher term turns a server into a follower of that term.
 */
import type { ActorContext, ActorId, Reaction } from '../../spec/index.ts';
import type { RaftMessage, RegisterEvent, Server } from './types.ts';

export type RaftReaction = Reaction<Server, RaftMessage, RegisterEvent>;

export interface ElectionRules {
  readonly maxTerm: number;
  /** The `no-term-check` bug: grant any up-to-date candidate, whatever the term and earlier vote. */
  readonly checkTerm: boolean;
  /** The servers that may start an election (a restriction for smaller searches); default all. */
  readonly candidates?: readonly ActorId[] | undefined;
}

const lastTerm = (s: Server) => s.log.at(-1)?.term ?? 0;
export const majorityOf = (ctx: ActorContext) => Math.floor(ctx.actors.length / 2) + 1;

/** A higher term seen: become its follower (this is also how a stale leader steps down). */
export function adoptTerm(s: Server, term: number): Server {
  return term > s.term ? { ...s, role: 'follower', term, votedFor: null, votes: [], match: {} } : s;
}

export function startElection(s: Server, ctx: ActorContext, rules: ElectionRules): RaftReaction | undefined {
  if (s.role === 'leader' || s.term >= rules.maxTerm || (rules.candidates && !rules.candidates.includes(ctx.self)))
    return undefined;
  const term = s.term + 1;
  const msg: RaftMessage = { type: 'requestVote', term, lastIndex: s.log.length, lastTerm: lastTerm(s) };
  return {
    state: { ...s, role: 'candidate', term, votedFor: ctx.self, votes: [ctx.self], match: {} },
    send: ctx.peers.map((to) => ({ to, msg })),
    setTimers: term < rules.maxTerm ? ['election'] : [],
  };
}

export function onRequestVote(
  s: Server,
  from: ActorId,
  msg: Extract<RaftMessage, { type: 'requestVote' }>,
  rules: ElectionRules,
): RaftReaction {
  const upToDate = msg.lastTerm > lastTerm(s) || (msg.lastTerm === lastTerm(s) && msg.lastIndex >= s.log.length);
  if (!rules.checkTerm) {
    const granted = upToDate;
    return {
      state: granted ? { ...s, votedFor: from } : s,
      send: [{ to: from, msg: { type: 'vote', term: msg.term, granted } }],
    };
  }
  const current = adoptTerm(s, msg.term);
  const granted = msg.term === current.term && upToDate && (current.votedFor === null || current.votedFor === from);
  // Only granted votes are sent: a refusal would change nothing at the candidate but its term,
  // which it learns from other messages, and leaving it out keeps the state space small.
  return {
    state: granted ? { ...current, votedFor: from } : current,
    send: granted ? [{ to: from, msg: { type: 'vote', term: current.term, granted } }] : [],
    setTimers: current !== s ? ['election'] : [],
  };
}

export function onVote(
  s: Server,
  from: ActorId,
  msg: Extract<RaftMessage, { type: 'vote' }>,
  ctx: ActorContext,
): RaftReaction | undefined {
  if (msg.term > s.term) return { state: adoptTerm(s, msg.term), setTimers: ['election'] };
  if (s.role !== 'candidate' || msg.term !== s.term || !msg.granted || s.votes.includes(from)) return undefined;
  const votes = [...s.votes, from].sort();
  if (votes.length < majorityOf(ctx)) return { state: { ...s, votes } };
  const leader: Server = { ...s, role: 'leader', votes: [], match: {} };
  return { state: leader, send: appendToPeers(leader, ctx), cancelTimers: ['election'] };
}

/** The leader's whole log to every follower: establishes leadership and repairs their logs. */
export function appendToPeers(s: Server, ctx: ActorContext) {
  const msg: RaftMessage = { type: 'append', term: s.term, entries: s.log, commit: s.commit };
  return ctx.peers.map((to) => ({ to, msg }));
}
