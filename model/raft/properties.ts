/**
 * Raft's safety properties (Raft paper, figure 3), over the servers' current states.
 */
import type { SystemState } from '../../spec/index.ts';
import type { Entry, RaftMessage, RegisterEvent, Server } from './types.ts';

export type RaftState = SystemState<Server, RaftMessage, RegisterEvent>;

const servers = (s: RaftState) => Object.values(s.nodes);
const sameEntry = (a: Entry | undefined, b: Entry | undefined) =>
  a !== undefined && b !== undefined && a.term === b.term && a.client === b.client;
const committed = (n: Server) => n.log.slice(0, n.commit);
const isPrefix = (prefix: readonly Entry[], log: readonly Entry[]) => prefix.every((e, i) => sameEntry(e, log[i]));

/** Election safety: at most one leader per term. */
export function electionSafety(s: RaftState): boolean {
  const leaderTerms = servers(s)
    .filter((n) => n.role === 'leader')
    .map((n) => n.term);
  return new Set(leaderTerms).size === leaderTerms.length;
}

/** Log matching: two logs with an entry of the same term at the same index agree up to there. */
export function logMatching(s: RaftState): boolean {
  const all = servers(s);
  return all.every((a) =>
    all.every((b) => a.log.every((e, i) => b.log[i]?.term !== e.term || isPrefix(a.log.slice(0, i + 1), b.log))),
  );
}

/**
 * Leader completeness: a leader holds every entry committed by a server of its term or earlier
 * (a server of a later term may know of commits this stale leader has not seen).
 */
export function leaderCompleteness(s: RaftState): boolean {
  const all = servers(s);
  return all
    .filter((l) => l.role === 'leader')
    .every((leader) => all.every((n) => n.term > leader.term || isPrefix(committed(n), leader.log)));
}

/** State-machine safety: servers never apply different entries at one index, nor lose one. */
export function stateMachineSafety(s: RaftState): boolean {
  const all = servers(s);
  if (all.some((n) => n.commit > n.log.length)) return false;
  return all.every((a) => all.every((b) => committed(a).every((e, i) => i >= b.commit || sameEntry(e, b.log[i]))));
}
