// The README's "In your own test suite", run by vitest (and, with '@jest/globals', by jest).
import { expect, test } from 'vitest';
import { assertSpec, assertTraceReplays, check, defineSpec, type CheckResult } from 'kripke';

interface State {
  readonly x: number;
}

const counter = (limit: number) =>
  defineSpec({
    name: 'counter',
    init: (): State[] => [{ x: 0 }],
    actions: { inc: { next: (s: State) => (s.x < 5 ? { x: s.x + 1 } : undefined) } },
    properties: ({ always }) => [always('small', (s) => s.x < limit)],
    terminal: (s) => s.x === 5,
  });

test('a correct spec passes, exhaustively and with random walks', () => {
  assertSpec(counter(6));
  assertSpec(counter(6), { engine: 'random', seed: 42, runs: 50 });
  const result: CheckResult = check(counter(6));
  expect([result.status, result.stats.distinctStates]).toEqual(['pass', 6]);
});

test('a violation throws the trace and its reproduce line', () => {
  expect(() => assertSpec(counter(2))).toThrow(
    "reproduce: assertTraceReplays(spec, '0/0:0/0:0', { violates: 'small' })",
  );
});

test('a saved path replays', () => {
  assertTraceReplays(counter(2), '0/0:0/0:0', { violates: 'small' });
});
