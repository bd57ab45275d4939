/**
 * Die Hard's water jugs (TLA+ Examples: specifications/DieHard/DieHard.tla).
 *
 * A 3-gallon and a 5-gallon jug, a tap and a drain: measure exactly 4 gallons. The invariant
 * "the big jug never holds 4" is violated on purpose — its shortest counterexample is the
 * puzzle's solution (7 states, 6 steps, as TLC finds).
 */
import { defineProtocol, defineSpec } from '../../spec/index.ts';

export interface Jugs {
  readonly small: number;
  readonly big: number;
}

/** How much can be poured from a jug holding `from` into one holding `to` with capacity `room`. */
const pourable = (from: number, to: number, capacity: number) => Math.min(from, capacity - to);

export function dieHardSpec(smallCapacity = 3, bigCapacity = 5, goal = 4) {
  return defineSpec({
    name: 'die-hard',
    init: (): Jugs[] => [{ small: 0, big: 0 }],
    actions: {
      fillSmall: { next: (s) => ({ ...s, small: smallCapacity }) },
      fillBig: { next: (s) => ({ ...s, big: bigCapacity }) },
      emptySmall: { next: (s) => ({ ...s, small: 0 }) },
      emptyBig: { next: (s) => ({ ...s, big: 0 }) },
      smallToBig: {
        next: (s) => {
          const amount = pourable(s.small, s.big, bigCapacity);
          return { small: s.small - amount, big: s.big + amount };
        },
      },
      bigToSmall: {
        next: (s) => {
          const amount = pourable(s.big, s.small, smallCapacity);
          return { small: s.small + amount, big: s.big - amount };
        },
      },
    },
    properties: ({ always }) => [
      always('TypeOK', (s) => s.small >= 0 && s.small <= smallCapacity && s.big >= 0 && s.big <= bigCapacity),
      always('NotSolved', (s) => s.big !== goal),
    ],
  });
}

export const dieHard = defineProtocol({
  name: 'die-hard',
  summary: 'The Die Hard jug puzzle: NotSolved fails on purpose; its counterexample is the solution',
  config: {
    small: { default: 3, doc: 'capacity of the small jug', min: 1, max: 100 },
    big: { default: 5, doc: 'capacity of the big jug', min: 1, max: 100 },
    goal: { default: 4, doc: 'gallons to measure in the big jug', min: 0, max: 100 },
  },
  variants: { puzzle: 'the puzzle as in DieHard.tla' },
  build: (c) => dieHardSpec(c.small, c.big, c.goal),
});
