/**
 * Raft (Ongaro & Ousterhout, "In Search of an Understandable Consensus Algorithm"): leader
 * election and log replication with commitment, and a replicated register on top, built on the
 * actor layer. Servers n1…nN; a leader accepts client writes (`write v1`, …) and reads (`read`)
 * as local steps, each at most once per log, and completes them when they commit. For a
 * compact model a leader sends its whole log in every append (so no nextIndex back-off), the
 * network duplicates (a message stays deliverable) unless `network=unordered` (each message
 * delivered at most once, in any order), and a server may crash and recover with its term, vote
 * and log on stable storage. Messages a server will ignore for good (stale terms, votes already
 * counted, …) are discarded at once (obsolete.ts): the servers reach the same states in far fewer
 * system states.
 *
 * Properties: `election safety`, `log matching`, `leader completeness`, `state machine safety`
 * and `linearizable` (the register's client history against a sequential register).
 *
 * Variants:
 * - `correct`.
 * - `no-term-check`: a server grants its vote to any candidate with an up-to-date log, without
 *   comparing terms or remembering its vote in the term — two leaders in one term.
 * - `figure-8`: a leader commits an entry from an earlier term once a majority holds it (the
 *   scenario of figure 8 of the Raft paper) — a later leader lacks a committed entry and would
 *   overwrite it. The story needs four elections and two writes, 18 steps:
 *   `kripke check raft --variant figure-8 --set maxTerm=4 --set elections=4 --set writes=2
 *   --set reads=0 --set crashes=0 --set candidates=2` (248,204 states, about half a minute;
 *   only n1 and n2 campaign). Without `candidates` it is 1,227,657 states; `--set maxInFlight=6`
 *   instead of `candidates=2` needs 134,711.
 * - `stale-append-truncates`: a follower cuts its log to the length of a delayed, stale append,
 *   losing entries it had acknowledged — a committed entry disappears.
 */
import {
  defineActorSpec,
  defineProtocol,
  KripkeError,
  linearizable,
  register,
  type ActorId,
  type Behaviour,
} from '../../spec/index.ts';
import { electionSafety, leaderCompleteness, logMatching, stateMachineSafety } from './properties.ts';
import { INITIAL_VALUE } from './replication.ts';
import { server } from './server.ts';
import { formatRaftMessage, type RaftMessage, type RegisterCommand, type RegisterEvent, type Server } from './types.ts';

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
  /** Restrictions for smaller searches (0 or absent: none). Only servers n1…nk start elections. */
  readonly candidates?: number;
  /** States with more messages in the network are checked but not explored (`duplicating`: a delivered message stays until obsolete). */
  readonly maxInFlight?: number;
  /** Keep obsolete messages in flight instead of discarding them (only to show that this changes no server state). */
  readonly keepObsolete?: boolean;
}

export function clientOperations(writes: number, reads: number): Map<string, RegisterCommand> {
  const operations = new Map<string, RegisterCommand>();
  for (let i = 1; i <= writes; i++) operations.set(`write v${i}`, { kind: 'write', value: `v${i}` });
  for (let i = 1; i <= reads; i++) operations.set(reads === 1 ? 'read' : `read ${i}`, { kind: 'read' });
  return operations;
}

const serverIds = (n: number) => Array.from({ length: n }, (_, i) => `n${i + 1}`);

function candidateIds({ servers, candidates = 0 }: RaftConfig): readonly ActorId[] | undefined {
  if (candidates === 0) return undefined;
  if (candidates > servers) {
    throw new KripkeError(
      'invalid-config',
      `candidates=${candidates}: at most servers=${servers} servers can start elections`,
      { model: 'raft', key: 'candidates' },
    );
  }
  return serverIds(candidates);
}

export function raftSpec(config: RaftConfig, variant: RaftVariant = 'correct') {
  const behaviour = server({
    maxTerm: config.maxTerm,
    checkTerm: variant !== 'no-term-check',
    candidates: candidateIds(config),
    commitOnlyCurrentTerm: variant !== 'figure-8',
    truncateOnlyConflicts: variant !== 'stale-append-truncates',
    operations: clientOperations(config.writes, config.reads),
    discardObsolete: config.keepObsolete !== true,
  });
  const actors: Record<ActorId, Behaviour<Server, RaftMessage, RegisterEvent>> = {};
  for (const id of serverIds(config.servers)) actors[id] = behaviour;
  return defineActorSpec<Server, RaftMessage, RegisterEvent>({
    name: 'raft',
    actors,
    formatMessage: formatRaftMessage,
    network: { kind: config.network ?? 'duplicating' },
    faults: { crash: 'recover' },
    bounds: { maxCrashes: config.crashes, maxTimeouts: config.elections, maxInFlight: config.maxInFlight || undefined },
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
    reads: {
      default: 1,
      doc: 'client reads (0 makes the search about 16 times smaller, and linearizability trivial)',
      min: 0,
      max: 3,
    },
    crashes: { default: 1, doc: 'server crashes (each may be followed by a recovery)', min: 0, max: 3 },
    elections: { default: 2, doc: 'election timeouts, in all', min: 0, max: 8 },
    network: { default: 'duplicating', doc: 'network semantics', choices: ['duplicating', 'unordered'] },
    candidates: {
      default: 0,
      doc: 'only servers n1…nk start elections (0: all) — a restriction for smaller searches',
      min: 0,
      max: 5,
    },
    maxInFlight: {
      default: 0,
      doc: 'states with more messages in the network are not explored (0: unbounded) — a restriction',
      min: 0,
      max: 100,
    },
  },
  variants: {
    correct: 'Raft as published',
    'no-term-check': 'a server votes for any up-to-date candidate, ignoring terms and its earlier vote',
    'figure-8': 'a leader commits an entry from an earlier term by counting replicas (figure 8 of the Raft paper)',
    'stale-append-truncates': 'a follower truncates its log to the length of a stale append',
  },
  build: (c, variant) => raftSpec({ ...c, network: c.network as RaftConfig['network'] }, variant),
});
