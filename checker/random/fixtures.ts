/** Tiny specs for the random engine's tests (engine tests never import `model/`). */
import { defineSpec } from '../../spec/define.ts';

interface Counter {
  readonly x: number;
}

/** Counts up and down in [0, 50]; `below10` fails after ten increments, at the earliest. */
export function counterSpec() {
  return defineSpec({
    name: 'counter',
    init: (): Counter[] => [{ x: 0 }],
    actions: {
      inc: { next: (s) => (s.x < 50 ? { x: s.x + 1 } : undefined) },
      dec: { next: (s) => (s.x > 0 ? { x: s.x - 1 } : undefined) },
      add: { params: [2, 3], next: (s, n) => (s.x + n <= 50 ? { x: s.x + n } : undefined) },
      reset: { next: () => ({ x: 0 }) },
    },
    properties: ({ always, sometimes }) => [always('below10', (s) => s.x < 10), sometimes('five', (s) => s.x === 5)],
  });
}

/** Increments to 3 and stops there: a deadlock, unless `terminal` says 3 is a legal end. */
export function stopsAtThreeSpec(terminalAtThree: boolean) {
  return defineSpec({
    name: 'stops-at-three',
    init: (): Counter[] => [{ x: 0 }],
    actions: { inc: { next: (s) => (s.x < 3 ? { x: s.x + 1 } : undefined) } },
    ...(terminalAtThree ? { terminal: (s: Counter) => s.x === 3 } : {}),
  });
}

/** `jump` adds 2 once x ≥ 3, which breaks the action property `smallSteps`. */
export function jumpSpec() {
  return defineSpec({
    name: 'jump',
    init: (): Counter[] => [{ x: 0 }],
    actions: {
      inc: { next: (s) => ({ x: (s.x + 1) % 8 }) },
      jump: { next: (s) => (s.x >= 3 ? { x: s.x + 2 } : undefined) },
    },
    properties: ({ alwaysStep }) => [alwaysStep('smallSteps', (before, after) => after.x - before.x < 2)],
  });
}

/** An action that throws in state x = 2. */
export function throwingSpec() {
  return defineSpec({
    name: 'throwing',
    init: (): Counter[] => [{ x: 0 }],
    actions: {
      inc: {
        next: (s) => {
          if (s.x === 2) throw new Error('boom at two');
          return { x: s.x + 1 };
        },
      },
    },
  });
}

/** Two initial states and a constraint: walks stop when x leaves [0, 4]. */
export function boundedSpec() {
  return defineSpec({
    name: 'bounded',
    init: (): Counter[] => [{ x: 0 }, { x: 1 }],
    actions: { inc: { next: (s) => ({ x: s.x + 1 }) } },
    constraint: (s) => s.x <= 4,
    properties: ({ always }) => [always('belowSix', (s) => s.x < 6)],
  });
}
