/**
 * Where each shipped protocol lives, by name, without loading any of them. The CLI, its engine
 * thread and every parallel worker load only the protocol they check (all of them together are a
 * third of the modules a check would otherwise load at start-up). `model/index.ts` holds the same
 * protocols loaded, for `kripke list` and library users; `catalogue.test.ts` keeps the two equal.
 */
import { ownModule } from '../checker/own-modules.ts';
import { unknownName } from '../spec/errors.ts';
import { isProtocol, type Protocol } from '../spec/protocol.ts';

export interface CatalogueEntry {
  /** The protocol's name, as `kripke check <name>` takes it. */
  readonly name: string;
  /** Its module, relative to this folder, as in the sources. */
  readonly module: string;
  /** The export that holds the protocol. */
  readonly exportName: string;
}

export const catalogue: readonly CatalogueEntry[] = [
  { name: 'die-hard', module: './die-hard/die-hard.ts', exportName: 'dieHard' },
  { name: 'transaction-commit', module: './transaction-commit/tcommit.ts', exportName: 'transactionCommit' },
  { name: 'two-phase-commit', module: './transaction-commit/two-phase.ts', exportName: 'twoPhaseCommit' },
  { name: 'peterson', module: './peterson/peterson.ts', exportName: 'peterson' },
  { name: 'paxos-turing', module: './paxos-turing/paxos.ts', exportName: 'paxosTuring' },
  { name: 'voting', module: './paxos-turing/voting.ts', exportName: 'voting' },
  { name: 'paxos-commit', module: './paxos-commit/paxos-commit.ts', exportName: 'paxosCommit' },
  { name: 'lamport-mutex', module: './lamport-mutex/lamport-mutex.ts', exportName: 'lamportMutex' },
  { name: 'boulanger', module: './boulanger/boulanger.ts', exportName: 'boulanger' },
  { name: 'credit-flow', module: './credit-flow/credit-flow.ts', exportName: 'creditFlow' },
  { name: 'ewd840', module: './ewd840/ewd840.ts', exportName: 'ewd840' },
  {
    name: 'dining-philosophers',
    module: './dining-philosophers/dining-philosophers.ts',
    exportName: 'diningPhilosophers',
  },
  { name: 'allocator', module: './allocator/allocator.ts', exportName: 'allocator' },
  { name: 'replicated-log', module: './replicated-log/replicated-log.ts', exportName: 'replicatedLog' },
  { name: 'paxos', module: './paxos/paxos.ts', exportName: 'paxos' },
  { name: 'raft', module: './raft/raft.ts', exportName: 'raft' },
  { name: 'round-robin', module: './load-balancing/round-robin.ts', exportName: 'roundRobin' },
  { name: 'least-connections', module: './load-balancing/least-connections.ts', exportName: 'leastConnections' },
  { name: 'consistent-hashing', module: './load-balancing/consistent-hashing.ts', exportName: 'consistentHashing' },
  { name: 'kube-scheduler', module: './scheduling/kube-scheduler.ts', exportName: 'kubeScheduler' },
  { name: 'omega', module: './scheduling/omega.ts', exportName: 'omega' },
  { name: 'autoscaler', module: './scheduling/autoscaler.ts', exportName: 'autoscaler' },
];

/** The entry of a shipped protocol; an unknown name is an error listing the known ones. */
export function catalogueEntry(name: string): CatalogueEntry {
  const found = catalogue.find((entry) => entry.name === name);
  if (!found)
    throw unknownName(
      'model',
      name,
      catalogue.map((entry) => entry.name),
    );
  return found;
}

export function isShippedModel(name: string): boolean {
  return catalogue.some((entry) => entry.name === name);
}

/** The URL of a protocol's module: the `.ts` source here, its compiled `.js` in the package. */
export function protocolModule(entry: CatalogueEntry): URL {
  return ownModule(entry.module, import.meta.url);
}

/** Loads one shipped protocol, and only its own modules. */
export async function loadProtocol(name: string): Promise<Protocol> {
  const entry = catalogueEntry(name);
  const module: Record<string, unknown> = await import(protocolModule(entry).href);
  const protocol = module[entry.exportName];
  if (!isProtocol(protocol) || protocol.name !== name)
    throw new Error(`model/catalogue.ts: ${entry.module} has no protocol '${name}' in export '${entry.exportName}'`);
  return protocol;
}
