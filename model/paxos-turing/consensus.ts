/**
 * Consensus (Consensus.tla), the spec Voting refines (`Voting.tla`: `C == INSTANCE Consensus WITH
 * chosen <- chosen`): nothing is chosen, then one value is, for good. TLC (MCConsensus, three
 * values): 4 distinct states, 4 generated, depth 2.
 */
import { defineSpec } from '../../spec/index.ts';

export interface ConsensusState {
  readonly chosen: ReadonlySet<string>;
}

export function consensusSpec(values: readonly string[]) {
  return defineSpec({
    name: 'consensus',
    init: (): ConsensusState[] => [{ chosen: new Set() }],
    actions: {
      choose: { params: values, next: (s, v) => (s.chosen.size === 0 ? { chosen: new Set([v]) } : undefined) },
    },
    properties: ({ always }) => [
      always('Inv', (s) => s.chosen.size <= 1 && [...s.chosen].every((v) => values.includes(v))),
    ],
    checkDeadlock: false, // MCConsensus.cfg: CHECK_DEADLOCK FALSE
  });
}
