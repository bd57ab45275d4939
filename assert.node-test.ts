/**
 * Kripke from node:test, imported by package name as a user would
 * (`node --import tsx --test assert.node-test.ts`); `assert.test.ts` runs this file, so `npm test`
 * covers it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertSpec, assertTraceReplays, defineSpec } from 'kripke';

const counter = (limit: number) =>
  defineSpec({
    name: 'counter',
    init: () => [{ x: 0 }],
    actions: { inc: { next: (s) => (s.x < 5 ? { x: s.x + 1 } : undefined) } },
    properties: ({ always }) => [always('small', (s) => s.x < limit)],
    terminal: (s) => s.x === 5,
  });

test('a correct spec passes, exhaustively and with random walks', () => {
  assertSpec(counter(6));
  assertSpec(counter(6), { engine: 'random', seed: 3, runs: 50 });
});

test('a violation throws the trace and its reproduce line', () => {
  assert.throws(
    () => assertSpec(counter(2), { engine: 'random', seed: 3 }),
    (e: Error) =>
      e.message.includes("always property 'small' is violated after 2 steps") &&
      e.message.includes("reproduce: assertTraceReplays(spec, '0/0:0/0:0', { violates: 'small' })"),
  );
});

test('a saved path replays as a regression test', () => {
  assertTraceReplays(counter(2), '0/0:0/0:0', { violates: 'small' });
});
