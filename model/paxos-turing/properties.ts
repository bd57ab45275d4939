/**
 * Paxos's properties, written once for both of its definitions (records and a Set in `paxos.ts`,
 * views of packed words in `paxos-views.ts`): each reads a state through a `PaxosReading`, and
 * the refinement maps it onto a Voting state by the definition's own `mapping`.
 */
import type { PropertyConstructors } from '../../spec/index.ts';
import { invBeyondTypes, type PaxosReading } from './invariant.ts';
import { chosen, type Universe, type VotingState, votingSpec } from './voting.ts';

export interface PaxosProperties<S> {
  /** TypeOK: every field holds a value of its type. */
  readonly typeOK: (s: S) => boolean;
  readonly reading: (s: S) => PaxosReading;
  /** V == INSTANCE Voting: maxBal kept, the votes read off the 2b messages. */
  readonly mapping: (s: S) => VotingState;
}

export function paxosProperties<S>(u: Universe, { typeOK, reading, mapping }: PaxosProperties<S>) {
  return ({ always, refines, sometimes }: PropertyConstructors<S>) => [
    always('TypeOK', typeOK),
    always('Inv', (s) => typeOK(s) && invBeyondTypes(u, reading(s))),
    always('Agreement', (s) => chosen(u, reading(s)).length <= 1),
    refines('ImplementsVoting', votingSpec(u, 'votes'), mapping), // V!Spec
    // Not vacuous: the invariants would also hold if no value could ever be chosen.
    sometimes('ValueChosen', (s) => chosen(u, reading(s)).length > 0),
  ];
}
