// A spec module for plain node (CommonJS): counts 0..5; `small` fails at 5 when the limit is 5.
const { defineSpec } = require('kripke/spec');

const counter = (limit) =>
  defineSpec({
    name: 'counter',
    init: () => [{ x: 0 }],
    actions: { inc: { next: (s) => (s.x < 5 ? { x: s.x + 1 } : undefined) } },
    properties: ({ always }) => [always('small', (s) => s.x < limit)],
    terminal: (s) => s.x === 5,
  });
module.exports = { counter, passing: counter(6) };
