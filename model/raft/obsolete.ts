/**
 * Messages a server will ignore for good, which the actor layer discards at once (see
 * `Behaviour.obsolete`): a stale message left in flight doubles the states (delivered or not)
 * without ever changing a server. Each rule is monotone — terms only grow, a vote is cast once per
 * term, a server never becomes candidate or leader again in a term it has left those roles in,
 * and a leader's `match` only grows — so once obsolete, a message stays obsolete.
 */
import type { Envelope } from '../../spec/index.ts';
import type { ElectionRules } from './election.ts';
import type { RaftMessage, Server } from './types.ts';

export function obsoleteMessage(rules: ElectionRules) {
  return (s: Server, { from, msg }: Envelope<RaftMessage>): boolean => {
    if (msg.term > s.term) return false; // the receiver will adopt the term
    // Without the term check a server votes in any term, so an old requestVote still counts.
    if (msg.term < s.term) return msg.type !== 'requestVote' || rules.checkTerm;
    switch (msg.type) {
      case 'requestVote':
        return rules.checkTerm && s.votedFor !== null && s.votedFor !== from; // refused: voted for another
      case 'vote':
        return !msg.granted || s.role !== 'candidate' || s.votes.includes(from);
      case 'append':
        return false;
      case 'appendReply':
        return !msg.success || s.role !== 'leader' || (s.match[from] ?? 0) >= msg.match;
    }
  };
}
