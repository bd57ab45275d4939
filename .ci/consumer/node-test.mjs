// node:test with no loader: assertSpec passes, throws the trace, and a saved path replays.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertSpec, assertTraceReplays } from 'kripke';
import { counter, passing } from './counter.mjs';

test('a correct spec passes, exhaustively and with random walks', () => {
  assertSpec(passing);
  assertSpec(passing, { engine: 'random', seed: 3, runs: 50 });
});

test('a violation throws the reproduce line', () => {
  assert.throws(
    () => assertSpec(counter(2)),
    /reproduce: assertTraceReplays\(spec, '0\/0:0\/0:0', \{ violates: 'small' \}\)/,
  );
});

test('a saved path replays', () => {
  assertTraceReplays(counter(2), '0/0:0/0:0', { violates: 'small' });
});
