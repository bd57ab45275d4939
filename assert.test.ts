import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assertSpec, assertTraceReplays, defineSpec, SpecViolationError } from './index.ts';

const root = dirname(fileURLToPath(import.meta.url));

/** The counter from index.ts's doc comment, with a bound to make it fail or pass. */
function counter(limit: number) {
  return defineSpec({
    name: 'counter',
    init: () => [{ x: 0 }],
    actions: { inc: { next: (s) => (s.x < 5 ? { x: s.x + 1 } : undefined) } },
    properties: ({ always }) => [always('small', (s) => s.x < limit)],
    terminal: (s) => s.x === 5,
  });
}

function thrownBy(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a throw');
}

const TRACE = [
  'State 1 (initial)',
  '    x = 0',
  'State 2 ← inc',
  '    x: 0 → 1',
  'State 3 ← inc',
  '    x: 1 → 2',
  'State 4 ← inc',
  '    x: 2 → 3',
].join('\n');

describe('assertSpec', () => {
  it('returns the result when every property holds', () => {
    expect(assertSpec(counter(6)).status).toBe('pass');
    expect(assertSpec(counter(6), { engine: 'random', seed: 1, runs: 10 }).status).toBe('incomplete');
  });

  it('throws the counterexample as a text trace with the line that reproduces it (exhaustive)', () => {
    expect(thrownBy(() => assertSpec(counter(3)))).toBe(
      [
        "counter: always property 'small' is violated after 3 steps",
        TRACE,
        'path: 0/0:0/0:0/0:0',
        "reproduce: assertTraceReplays(spec, '0/0:0/0:0/0:0', { violates: 'small' })",
      ].join('\n'),
    );
  });

  it('throws the shrunk counterexample and the seed (random)', () => {
    let error: unknown;
    try {
      assertSpec(counter(3), { engine: 'random', seed: 7 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SpecViolationError);
    const message = (error as Error).message;
    expect(message).toContain(
      "counter: always property 'small' is violated after 3 steps (random walk 1 violated it after 3 steps; shrunk to 3)",
    );
    expect(message).toContain(TRACE);
    expect(message).toContain("seed: 7 (rerun the campaign with check(spec, { engine: 'random', seed: 7 }))");
    expect(message).toContain("reproduce: assertTraceReplays(spec, '0/0:0/0:0/0:0', { violates: 'small' })");
    expect((error as SpecViolationError).result.status).toBe('violation');
  });

  it('refuses an incomplete exhaustive check unless told to accept it', () => {
    expect(() => assertSpec(counter(6), { maxDepth: 3 })).toThrow(
      'counter: the check is incomplete (depth bound 3 reached); raise the bound, or pass allowIncomplete: true to accept a partial check',
    );
    expect(assertSpec(counter(6), { maxDepth: 3, allowIncomplete: true }).status).toBe('incomplete');
  });

  it('reports a model error with where it happened', () => {
    const broken = defineSpec({
      name: 'broken',
      init: () => [{ x: 0 }],
      actions: {
        boom: {
          next: (): { x: number } => {
            throw new Error('no');
          },
        },
      },
    });
    expect(() => assertSpec(broken)).toThrow(
      "broken: model error [action-threw] action 'boom' threw: no\n  model: broken\n  action: boom",
    );
  });
});

describe('assertTraceReplays: a saved counterexample as a regression test', () => {
  it('passes while the path still violates the named property', () => {
    const outcome = assertTraceReplays(counter(3), '0/0:0/0:0/0:0', { violates: 'small' });
    expect(outcome.status).toBe('violation');
  });

  it('fails once the bug is fixed, or when the path violates something else', () => {
    expect(() => assertTraceReplays(counter(6), '0/0:0/0:0/0:0', { violates: 'small' })).toThrow(
      "counter: expected path 0/0:0/0:0/0:0 to violate 'small', but it replays without violation (3 steps)",
    );
    expect(() => assertTraceReplays(counter(3), '0/0:0/0:0/0:0', { violates: 'big' })).toThrow(
      "counter: expected path 0/0:0/0:0/0:0 to violate 'big', but it violates 'small' first:",
    );
  });

  it('without `violates`, keeps a fixed bug fixed', () => {
    expect(assertTraceReplays(counter(6), '0/0:0/0:0/0:0')).toEqual({ status: 'clean', steps: 3 });
    expect(() => assertTraceReplays(counter(3), '0/0:0/0:0/0:0')).toThrow(
      "counter: always property 'small' is violated after 3 steps",
    );
  });

  it('names the step of a saved path that no longer fits the model', () => {
    expect(() => assertTraceReplays(counter(9), '0/0:0/0:0/0:0/0:0/0:0/0:0', { violates: 'small' })).toThrow(
      "counter: the saved path 0/0:0/0:0/0:0/0:0/0:0/0:0 no longer fits the model: step 6: action 'inc' with parameter #0 is not enabled in the state before it",
    );
  });
});

describe('from node:test', () => {
  it('runs assert.node-test.ts under node --test: its three tests pass', () => {
    const run = spawnSync(
      process.execPath,
      [
        '--conditions=kripke-source',
        '--import',
        'tsx',
        '--test',
        '--test-reporter=tap',
        join(root, 'assert.node-test.ts'),
      ],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(run.stdout).toMatch(/# pass 3\b/);
    expect(run.stdout).toMatch(/# fail 0\b/);
    expect(run.status).toBe(0);
  });
});
