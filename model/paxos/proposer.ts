/**
 * A Paxos proposer. Its `start` timer begins a new ballot (phase 1: prepare to every acceptor);
 * with promises from a majority it proposes the value of the highest vote reported, or its own
 * when there is none (phase 2: accept to every acceptor). Acceptors answer with their votes
 * (`accepted`), which stay in the network and tell which value is chosen.
 * The `ignore-promised-values` bug always proposes its own value.
 */
import type { ActorId, Behaviour, Reaction } from '../../spec/index.ts';
import type { PaxosMessage, PaxosNode, Proposer, Value, Vote } from './messages.ts';

export interface ProposerSetup {
  readonly proposal: Value;
  /** This proposer's position among the proposers, and how many there are: ballots are disjoint. */
  readonly index: number;
  readonly proposers: number;
  readonly acceptors: readonly ActorId[];
  /** How many ballots this proposer may start. */
  readonly maxRounds: number;
  readonly respectPromisedValues: boolean;
}

type ProposerReaction = Reaction<PaxosNode, PaxosMessage> | undefined;

export function proposer(setup: ProposerSetup): Behaviour<PaxosNode, PaxosMessage> {
  const majority = Math.floor(setup.acceptors.length / 2) + 1;
  const toAcceptors = (msg: PaxosMessage) => setup.acceptors.map((to) => ({ to, msg }));
  return {
    onStart: () => ({
      state: {
        role: 'proposer',
        proposal: setup.proposal,
        ballot: 0,
        rounds: 0,
        phase: 'idle',
        promised: [],
        highest: null,
      },
      setTimers: ['start'],
    }),
    onTimeout: (node) => {
      const s = node as Proposer;
      if (s.rounds >= setup.maxRounds) return undefined;
      const ballot = s.rounds * setup.proposers + setup.index + 1;
      const rounds = s.rounds + 1;
      return {
        state: { ...s, ballot, rounds, phase: 'preparing', promised: [], highest: null },
        send: toAcceptors({ type: 'prepare', ballot }),
        setTimers: rounds < setup.maxRounds ? ['start'] : [],
      };
    },
    onMessage: (node, { from, msg }): ProposerReaction => {
      const s = node as Proposer;
      if (msg.type !== 'promise' || msg.ballot !== s.ballot || s.phase !== 'preparing' || s.promised.includes(from))
        return undefined;
      return onPromise(s, from, msg.accepted);
    },
  };

  function onPromise(s: Proposer, from: ActorId, accepted: Vote | null): ProposerReaction {
    const promised = [...s.promised, from].sort();
    const highest = accepted && (!s.highest || accepted.ballot > s.highest.ballot) ? accepted : s.highest;
    if (promised.length < majority) return { state: { ...s, promised, highest } };
    const value = setup.respectPromisedValues && highest ? highest.value : s.proposal;
    return {
      state: { ...s, phase: 'accepting', promised: [], highest: null },
      send: toAcceptors({ type: 'accept', ballot: s.ballot, value }),
    };
  }
}
