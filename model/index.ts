/**
 * The protocol library: every shipped protocol, by name. `kripke list` shows them.
 */
import { catalogueEntry } from './catalogue.ts';
import type { Protocol } from '../spec/protocol.ts';
import { allocator } from './allocator/allocator.ts';
import { creditFlow } from './credit-flow/credit-flow.ts';
import { dieHard } from './die-hard/die-hard.ts';
import { paxosTuring } from './paxos-turing/paxos.ts';
import { voting } from './paxos-turing/voting.ts';
import { diningPhilosophers } from './dining-philosophers/dining-philosophers.ts';
import { ewd840 } from './ewd840/ewd840.ts';
import { peterson } from './peterson/peterson.ts';
import { replicatedLog } from './replicated-log/replicated-log.ts';
import { transactionCommit } from './transaction-commit/tcommit.ts';
import { twoPhaseCommit } from './transaction-commit/two-phase.ts';
import { paxosCommit } from './paxos-commit/paxos-commit.ts';
import { lamportMutex } from './lamport-mutex/lamport-mutex.ts';
import { boulanger } from './boulanger/boulanger.ts';
import { paxos } from './paxos/paxos.ts';
import { raft } from './raft/raft.ts';
import { consistentHashing } from './load-balancing/consistent-hashing.ts';
import { leastConnections } from './load-balancing/least-connections.ts';
import { roundRobin } from './load-balancing/round-robin.ts';
import { kubeScheduler } from './scheduling/kube-scheduler.ts';
import { omega } from './scheduling/omega.ts';
import { autoscaler } from './scheduling/autoscaler.ts';

export const protocols: readonly Protocol[] = [
  dieHard,
  transactionCommit,
  twoPhaseCommit,
  peterson,
  paxosTuring,
  voting,
  paxosCommit,
  lamportMutex,
  boulanger,
  creditFlow,
  ewd840,
  diningPhilosophers,
  allocator,
  replicatedLog,
  paxos,
  raft,
  roundRobin,
  leastConnections,
  consistentHashing,
  kubeScheduler,
  omega,
  autoscaler,
];

export function findProtocol(name: string): Protocol {
  const entry = catalogueEntry(name); // an unknown name: the error listing the known ones
  const found = protocols.find((p) => p.name === entry.name);
  if (!found) throw new Error(`internal: model/index.ts lacks '${name}', which model/catalogue.ts lists`);
  return found;
}
