/**
 * Raft log replication and commitment. A leader appends client operations to its log and sends
 * its log to the followers; a follower adopts it (keeping any longer matching suffix); the leader
 * commits the highest index replicated on a majority — only an entry of its own term, whose
 * commitment commits every earlier one (Raft §5.4.2). Committed entries of this leader's term
 * complete their client operations: writes return, reads return the register's value there.
 */
import type { ActorContext, ActorId } from '../../spec/index.ts';
import { adoptTerm, appendToPeers, majorityOf, type RaftReaction } from './election.ts';
import type { Entry, RaftMessage, RegisterCommand, RegisterEvent, Server } from './types.ts';

export const INITIAL_VALUE = 'v0';

export interface ReplicationRules {
  /** The `figure-8` bug: commit any entry replicated on a majority, even from an earlier term. */
  readonly commitOnlyCurrentTerm: boolean;
  /** The `stale-append-truncates` bug: a follower cuts its log to the length of any append. */
  readonly truncateOnlyConflicts: boolean;
}

/** A client operation submitted at a leader (once in the whole run): appended to its log, invoked. */
export function submit(
  s: Server,
  label: string,
  command: RegisterCommand,
  ctx: ActorContext,
  history: readonly RegisterEvent[],
): RaftReaction | undefined {
  if (s.role !== 'leader' || history.some((e) => e.client.startsWith(`${label}@`))) return undefined;
  const client = `${label}@${ctx.self}t${s.term}`;
  const leader: Server = { ...s, log: [...s.log, { term: s.term, command, client }] };
  const invoke: RegisterEvent = { kind: 'invoke', client, op: command };
  return { state: leader, send: appendToPeers(leader, ctx), record: [invoke] };
}

export function onAppend(
  s: Server,
  from: ActorId,
  msg: Extract<RaftMessage, { type: 'append' }>,
  rules: ReplicationRules,
): RaftReaction {
  // A stale leader's append is ignored; that leader learns the new term from the next election.
  if (msg.term < s.term) return { state: s };
  const current = adoptTerm(s, msg.term);
  const log = rules.truncateOnlyConflicts ? merge(current.log, msg.entries) : msg.entries;
  const commit = Math.max(current.commit, Math.min(msg.commit, msg.entries.length));
  return {
    state: { ...current, role: 'follower', log, commit },
    send: [{ to: from, msg: { type: 'appendReply', term: msg.term, success: true, match: msg.entries.length } }],
    setTimers: ['election'],
  };
}

/** The leader's entries, then any longer suffix of ours that does not conflict with them. */
function merge(mine: readonly Entry[], leaders: readonly Entry[]): readonly Entry[] {
  const conflict = leaders.findIndex((e, i) => mine[i] !== undefined && mine[i]!.term !== e.term);
  if (conflict >= 0 || mine.length <= leaders.length) return leaders;
  return [...leaders, ...mine.slice(leaders.length)];
}

export function onAppendReply(
  s: Server,
  from: ActorId,
  msg: Extract<RaftMessage, { type: 'appendReply' }>,
  ctx: ActorContext,
  rules: ReplicationRules,
): RaftReaction | undefined {
  if (msg.term > s.term) return { state: adoptTerm(s, msg.term), setTimers: ['election'] };
  if (s.role !== 'leader' || msg.term !== s.term || !msg.success || (s.match[from] ?? 0) >= msg.match) return undefined;
  const leader: Server = { ...s, match: { ...s.match, [from]: msg.match } };
  const commit = commitIndex(leader, ctx, rules);
  if (commit <= s.commit) return { state: leader };
  return { state: { ...leader, commit }, record: completed(leader, s.commit, commit, ctx.self) };
}

/** The highest index on a majority (the leader counts itself) that this leader may commit. */
function commitIndex(s: Server, ctx: ActorContext, rules: ReplicationRules): number {
  for (let n = s.log.length; n > s.commit; n--) {
    const replicas = 1 + ctx.peers.filter((p) => (s.match[p] ?? 0) >= n).length;
    if (replicas >= majorityOf(ctx) && (!rules.commitOnlyCurrentTerm || s.log[n - 1]!.term === s.term)) return n;
  }
  return s.commit;
}

/** Returns for the operations this leader submitted in this term, committed in (from, to]. */
function completed(s: Server, from: number, to: number, self: ActorId): RegisterEvent[] {
  const events: RegisterEvent[] = [];
  for (let i = from; i < to; i++) {
    const entry = s.log[i]!;
    if (entry.term !== s.term || !entry.client.endsWith(`@${self}t${s.term}`)) continue;
    events.push(
      entry.command.kind === 'write'
        ? { kind: 'return', client: entry.client, ret: { kind: 'write-ok' } }
        : { kind: 'return', client: entry.client, ret: { kind: 'read-ok', value: valueBefore(s.log, i) } },
    );
  }
  return events;
}

/** The register's value after applying entries [0, index). */
export function valueBefore(log: readonly Entry[], index: number): string {
  for (let i = index - 1; i >= 0; i--) {
    const command = log[i]!.command;
    if (command.kind === 'write') return command.value;
  }
  return INITIAL_VALUE;
}
