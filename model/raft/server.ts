/** A Raft server as an actor: election timeouts, client operations as local steps, messages. */
import type { Behaviour } from '../../spec/index.ts';
import { type ElectionRules, onRequestVote, onVote, startElection } from './election.ts';
import { obsoleteMessage } from './obsolete.ts';
import { onAppend, onAppendReply, type ReplicationRules, submit } from './replication.ts';
import type { RaftMessage, RegisterCommand, RegisterEvent, Server } from './types.ts';

export interface ServerRules extends ElectionRules, ReplicationRules {
  /** The client operations any leader may accept (each at most once per log): label → command. */
  readonly operations: ReadonlyMap<string, RegisterCommand>;
  /** Discard messages the receiver will ignore for good (obsolete.ts); sound, and far fewer states. */
  readonly discardObsolete: boolean;
}

export function server(rules: ServerRules): Behaviour<Server, RaftMessage, RegisterEvent> {
  return {
    onStart: () => ({
      state: { role: 'follower', term: 0, votedFor: null, log: [], commit: 0, votes: [], match: {} },
      setTimers: ['election'],
    }),
    onTimeout: (s, _timer, ctx) => startElection(s, ctx, rules),
    onMessage: (s, { from, msg }, ctx) => {
      switch (msg.type) {
        case 'requestVote':
          return onRequestVote(s, from, msg, rules);
        case 'vote':
          return onVote(s, from, msg, ctx);
        case 'append':
          return onAppend(s, from, msg, rules);
        case 'appendReply':
          return onAppendReply(s, from, msg, ctx, rules);
      }
    },
    localSteps: [...rules.operations.keys()],
    onLocal: (s, label, ctx, history) => submit(s, label, rules.operations.get(label)!, ctx, history),
    obsolete: rules.discardObsolete ? obsoleteMessage(rules) : undefined,
    durable: ['term', 'votedFor', 'log'],
  };
}
