/**
 * Single-decree Paxos over message passing (Lamport, "Paxos Made Simple"), built on the actor
 * layer: proposers p1…pN each want their own value (v1…vN) chosen; acceptors a1…aM vote.
 * Ballots are disjoint per proposer (p_i uses i, i+N, i+2N, …), each proposer starts at most
 * `rounds` ballots, and acceptors may crash and recover from stable storage. The network is
 * duplicating: any message may be delivered late, never, or many times — for safety this covers
 * the unordered and lossy networks too. A value is chosen once a majority voted for it in one
 * ballot (the votes are the `accepted` messages, which stay in the network).
 *
 * Properties:
 * - `agreement`: at most one value is chosen (safety).
 * - `validity`: a chosen value was proposed.
 * - `a value is eventually chosen` (with a single proposer only): under weak fairness of Deliver
 *   and Timeout, the lone proposer gets a value chosen despite an acceptor crash. With several
 *   proposers and bounded ballots, duelling proposers may exhaust their ballots, so it is left out.
 *
 * Variants:
 * - `correct`: the protocol as published.
 * - `volatile-promise`: an acceptor keeps its vote but forgets its promise when it crashes, so
 *   after recovering it votes in a ballot it had promised to ignore.
 * - `ignore-promised-values`: a proposer proposes its own value even when a promise reports an
 *   earlier vote, overwriting a value that may already be chosen.
 */
import {
  defineActorSpec,
  defineProtocol,
  type ActorId,
  type Behaviour,
  type SystemState,
  weak,
} from '../../spec/index.ts';
import { acceptor } from './acceptor.ts';
import { formatPaxosMessage, type PaxosMessage, type PaxosNode } from './messages.ts';
import { proposer } from './proposer.ts';

export type PaxosVariant = 'correct' | 'volatile-promise' | 'ignore-promised-values';
export type PaxosState = SystemState<PaxosNode, PaxosMessage>;

export interface PaxosConfig {
  readonly proposers: number;
  readonly acceptors: number;
  readonly rounds: number;
  readonly crashes: number;
  /** How many acceptors (a1, a2, …) may crash; default: all. */
  readonly crashable?: number;
}

const ids = (prefix: string, n: number): ActorId[] => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

/**
 * The values chosen so far: accepted by a majority of acceptors in one ballot. The network is
 * duplicating, so every vote ever sent (an `accepted` message) stays in it.
 */
export function chosen(s: PaxosState, majority: number): string[] {
  const values = [...votes(s)].filter(([, who]) => who.size >= majority).map(([key]) => key.split('\u0000')[1]!);
  return [...new Set(values)].sort();
}

/** Who voted for each ballot and value (`ballot\0value`). */
function votes(s: PaxosState): Map<string, Set<string>> {
  const voters = new Map<string, Set<string>>();
  for (const { from, msg } of s.network) {
    if (msg.type !== 'accepted') continue;
    const key = `${msg.ballot}\u0000${msg.value}`;
    voters.set(key, (voters.get(key) ?? new Set()).add(from));
  }
  return voters;
}

/** Each value chosen in a ballot, with the acceptors whose votes chose it (for pictures, not the search). */
export function choices(s: PaxosState, majority: number): { value: string; ballot: number; voters: string[] }[] {
  return [...votes(s)]
    .filter(([, who]) => who.size >= majority)
    .map(([key, who]) => {
      const [ballot, value] = key.split('\u0000') as [string, string];
      return { value, ballot: Number(ballot), voters: [...who].sort() };
    })
    .sort((a, b) => a.ballot - b.ballot);
}

/** `v1 chosen in ballot 1 (a2, a3 voted)` for each choice: what the pictures mark and explain. */
function choiceLines(s: PaxosState, majority: number): string[] {
  return choices(s, majority).map((c) => `${c.value} chosen in ballot ${c.ballot} (${c.voters.join(', ')} voted)`);
}

export function paxosSpec(config: PaxosConfig, variant: PaxosVariant = 'correct') {
  const acceptorIds = ids('a', config.acceptors);
  const proposerIds = ids('p', config.proposers);
  const actors: Record<ActorId, Behaviour<PaxosNode, PaxosMessage>> = {};
  proposerIds.forEach((id, index) => {
    actors[id] = proposer({
      proposal: `v${index + 1}`,
      index,
      proposers: config.proposers,
      acceptors: acceptorIds,
      maxRounds: config.rounds,
      respectPromisedValues: variant !== 'ignore-promised-values',
    });
  });
  const durable = variant === 'volatile-promise' ? (['accepted'] as const) : (['promised', 'accepted'] as const);
  for (const id of acceptorIds) actors[id] = acceptor(durable);
  const proposals = new Set(proposerIds.map((_, i) => `v${i + 1}`));
  const majority = Math.floor(config.acceptors / 2) + 1;
  return defineActorSpec<PaxosNode, PaxosMessage>({
    name: 'paxos',
    formatMessage: formatPaxosMessage,
    actors,
    network: { kind: 'duplicating' },
    faults: { crash: 'recover', crashable: acceptorIds.slice(0, config.crashable ?? acceptorIds.length) },
    bounds: { maxCrashes: config.crashes },
    properties: ({ always, eventually }) => [
      always('agreement', (s) => chosen(s, majority).length <= 1, {
        description: 'at most one value is chosen',
        explain: (s) => choiceLines(s, majority).join('\n'),
      }),
      always('validity', (s) => chosen(s, majority).every((v) => proposals.has(v)), {
        description: 'a chosen value was proposed',
      }),
      ...(config.proposers === 1
        ? [eventually('a value is eventually chosen', (s) => chosen(s, majority).length > 0)]
        : []),
    ],
    fairness: [weak('Deliver'), weak('Timeout')],
    milestones: (s) => choiceLines(s, majority),
    // Proposers outside, acceptors between them: every arrow spans only acceptors.
    lanes: [...proposerIds.slice(0, 1), ...acceptorIds, ...proposerIds.slice(1)],
  });
}

export const paxos = defineProtocol({
  name: 'paxos',
  summary: 'Single-decree Paxos over message passing: agreement and validity, acceptors crash and recover',
  config: {
    proposers: { default: 2, doc: 'proposers, each with its own value', min: 1, max: 3 },
    acceptors: { default: 3, doc: 'acceptors (a majority is a quorum)', min: 1, max: 5 },
    rounds: { default: 1, doc: 'ballots each proposer may start', min: 1, max: 3 },
    crashes: { default: 1, doc: 'acceptor crashes (each followed by a possible recovery)', min: 0, max: 3 },
    crashable: { default: 3, doc: 'how many acceptors (a1, a2, …) may crash', min: 0, max: 5 },
  },
  variants: {
    correct: 'the protocol as published',
    'volatile-promise': 'an acceptor forgets its promise when it crashes (only its vote is on stable storage)',
    'ignore-promised-values': 'a proposer ignores the votes reported in promises and proposes its own value',
  },
  build: (c, variant) => paxosSpec(c, variant),
});
