/**
 * Raft (Ongaro & Ousterhout, "In Search of an Understandable Consensus Algorithm"): leader
 * election and log replication with commitment, and a replicated register on top, built on the
 * actor layer. Servers n1…nN; a leader accepts client writes (`write v1`, …) and reads (`read`)
 * as local steps, each at most once per log, and completes them when they commit. For a
 * compact model a leader sends its whole log in every append (so no nextIndex back-off), the
 * network is unordered (each message delivered at most once, in any order) and a server may
 * crash and recover with its term, vote and log on stable storage.
 *
 * Properties: `election safety`, `log matching`, `leader completeness`, `state machine safety`
 * and `linearizable` (the register's client history against a sequential register).
 *
 * Variants:
 * - `correct`.
 * - `no-term-check`: a server grants its vote to any candidate with an up-to-date log, without
 *   comparing terms or remembering its vote in the term — two leaders in one term.
 * - `figure-8`: a leader commits an entry from an earlier term once a majority holds it (the
 *   scenario of figure 8 of the Raft paper) — a later leader overwrites a committed entry.
 * - `stale-append-truncates`: a follower cuts its log to the length of a delayed, stale append,
 *   losing entries it had acknowledged — a committed entry disappears.
 */
import { defineActorSpec, defineProtocol, linearizable, register, type ActorId, type Behaviour } from '../../spec/index.ts';
import { electionSafety, leaderCompleteness, logMatching, stateMachineSafety } from './properties.ts';
import { INITIAL_VALUE } from './replication.ts';
import { server } from './server.ts';
import type { RaftMessage, RegisterCommand, RegisterEvent, Server } from './types.ts';

export type RaftVariant = 'correct' | 'no-term-check' | 'figure-8' | 'stale-append-truncates';

export interface RaftConfig {
  readonly servers: number;
  readonly maxTerm: number;
  /** Distinct values clients write (v1, v2, …) and how many reads they issue. */
  readonly writes: number;
  readonly reads: number;
  readonly crashes: number;
  /** Election timeouts, in all. */
  readonly elections: number;
  readonly network?: 'duplicating' | 'unordered';
  /** Keep obsolete messages in flight instead of discarding them (only to show that this changes no server state). */
  readonly keepObsolete?: boolean;
}

export function clientOperations(writes: number, reads: number): Map<string, RegisterCommand> {
  const operations = new Map<string, RegisterCommand>();
  for (let i = 1; i <= writes; i++) operations.set(`write v${i}`, { kind: 'write', value: `v${i}` });
  for (let i = 1; i <= reads; i++) operations.set(reads === 1 ? 'read' : `read ${i}`, { kind: 'read' });
  return operations;
}

export function raftSpec(config: RaftConfig, variant: RaftVariant = 'correct') {
  const behaviour = server({
    maxTerm: config.maxTerm,
    checkTerm: variant !== 'no-term-check',
    commitOnlyCurrentTerm: variant !== 'figure-8',
    truncateOnlyConflicts: variant !== 'stale-append-truncates',
    operations: clientOperations(config.writes, config.reads),
    discardObsolete: config.keepObsolete !== true,
  });
  const actors: Record<ActorId, Behaviour<Server, RaftMessage, RegisterEvent>> = {};
  for (let i = 1; i <= config.servers; i++) actors[`n${i}`] = behaviour;
  return defineActorSpec<Server, RaftMessage, RegisterEvent>({
    name: 'raft',
    actors,
    network: { kind: config.network ?? 'duplicating' },
    faults: { crash: 'recover' },
    bounds: { maxCrashes: config.crashes, maxTimeouts: config.elections },
    properties: ({ always }) => [
      always('election safety', electionSafety),
      always('log matching', logMatching),
      always('leader completeness', leaderCompleteness),
      always('state machine safety', stateMachineSafety),
      linearizable('linearizable', (s) => s.history, register(INITIAL_VALUE)),
    ],
  });
}

export const raft = defineProtocol({
  name: 'raft',
  summary: 'Raft leader election and log replication with a linearizable replicated register',
  config: {
    servers: { default: 3, doc: 'servers', min: 1, max: 5 },
    maxTerm: { default: 2, doc: 'the highest term an election may start', min: 1, max: 6 },
    writes: { default: 1, doc: 'client writes (distinct values v1, v2, …)', min: 0, max: 3 },
    reads: { default: 0, doc: 'client reads (1 makes the default configuration several times larger)', min: 0, max: 3 },
    crashes: { default: 1, doc: 'server crashes (each may be followed by a recovery)', min: 0, max: 3 },
    elections: { default: 2, doc: 'election timeouts, in all', min: 0, max: 8 },
    network: { default: 'duplicating', doc: 'network semantics', choices: ['duplicating', 'unordered'] },
  },
  variants: {
    correct: 'Raft as published',
    'no-term-check': 'a server votes for any up-to-date candidate, ignoring terms and its earlier vote',
    'figure-8': 'a leader commits an entry from an earlier term by counting replicas (figure 8 of the Raft paper)',
    'stale-append-truncates': 'a follower truncates its log to the length of a stale append',
  },
  build: (c, variant) => raftSpec({ ...c, network: c.network as RaftConfig['network'] }, variant),
});
