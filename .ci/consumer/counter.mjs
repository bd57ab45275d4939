// A spec module for plain node (ES module): counts 0..5; `small` fails at 5 when the limit is 5.
import { defineSpec } from 'kripke/spec';

export const counter = (limit) =>
  defineSpec({
    name: 'counter',
    init: () => [{ x: 0 }],
    actions: { inc: { next: (s) => (s.x < 5 ? { x: s.x + 1 } : undefined) } },
    properties: ({ always }) => [always('small', (s) => s.x < limit)],
    terminal: (s) => s.x === 5,
  });
export const passing = counter(6);
