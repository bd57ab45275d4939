/**
 * A Paxos acceptor: promises not to vote below the highest ballot it has seen, and votes for a
 * proposal in a ballot it has not promised away. Its promise and its vote are on stable storage
 * (durable) — unless the `volatile-promise` bug forgets the promise on a crash.
 */
import type { Behaviour } from '../../spec/index.ts';
import type { Acceptor, PaxosMessage, PaxosNode } from './messages.ts';

export function acceptor(durable: readonly ('promised' | 'accepted')[]): Behaviour<PaxosNode, PaxosMessage> {
  return {
    onStart: () => ({ state: { role: 'acceptor', promised: 0, accepted: null } }),
    onMessage: (node, { from, msg }) => {
      const s = node as Acceptor;
      if (msg.type === 'prepare' && msg.ballot > s.promised) {
        return {
          state: { ...s, promised: msg.ballot },
          send: [{ to: from, msg: { type: 'promise', ballot: msg.ballot, accepted: s.accepted } }],
        };
      }
      if (msg.type === 'accept' && msg.ballot >= s.promised) {
        return {
          state: { ...s, promised: msg.ballot, accepted: { ballot: msg.ballot, value: msg.value } },
          send: [{ to: from, msg: { type: 'accepted', ballot: msg.ballot, value: msg.value } }],
        };
      }
      return undefined; // a stale request: ignored
    },
    durable: durable as unknown as readonly (keyof PaxosNode & string)[],
  };
}
