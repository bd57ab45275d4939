/** Each way a check's outcome can differ from its expectation, named. */
import { describe, expect, it } from 'vitest';
import type { JobResult } from './job.ts';
import { judge } from './judge.ts';
import type { ResolvedCheck } from './load-checks.ts';

const checked = [
  { name: 'safe', kind: 'always' as const },
  { name: 'live', kind: 'leadsTo' as const },
  { name: 'deadlock', kind: 'deadlock' as const },
];

function result(status: JobResult['status'], violated: string[] = [], reason: string | null = null): JobResult {
  return {
    status,
    reason,
    error: null,
    stats: { distinct: 10, generated: 20, depth: 3, elapsedMs: 5 },
    checked,
    peakRssBytes: null,
    artifacts: [],
    violations: violated.map((property) => ({
      property,
      kind: 'invariant',
      steps: 2,
      path: '0/0:0/0:0',
      loop: null,
      trace: 'State 1 …',
    })),
  };
}

function check(
  verdict: 'pass' | 'violation',
  fails: string[] = [],
  snapshot?: { distinct: number; generated: number; depth: number },
  engine: 'bfs' | 'random' = 'bfs',
): ResolvedCheck {
  return {
    index: 0,
    name: 'c',
    definition: { model: 'm', expect: { verdict: 'pass' } },
    timeLimitMs: 1000,
    expected: { verdict, fails, snapshot },
    job: {
      model: 'm',
      settings: {},
      variant: undefined,
      engine,
      properties: undefined,
      workers: 1,
      checkDeadlock: true,
      liveness: true,
      timeLimitMs: 1000,
    },
  };
}

describe('judge', () => {
  it('accepts a bug variant that fails exactly the expected property, with its snapshot', () => {
    const j = judge(
      check('violation', ['safe'], { distinct: 10, generated: 20, depth: 3 }),
      result('violation', ['safe']),
    );
    expect(j).toMatchObject({
      outcome: 'as-expected',
      verdict: 'violation',
      differences: [],
      snapshot: { distinct: 10, generated: 20, depth: 3 },
    });
    expect(j.properties.map((p) => [p.name, p.expected, p.verdict, p.ok])).toEqual([
      ['safe', 'fail', 'violated', true],
      ['live', 'hold', 'held', true],
      ['deadlock', 'hold', 'held', true],
    ]);
  });

  it('names a property that failed unexpectedly, one that held unexpectedly, and a moved snapshot', () => {
    const j = judge(
      check('violation', ['safe'], { distinct: 9, generated: 20, depth: 4 }),
      result('violation', ['live']),
    );
    expect(j.outcome).toBe('differs');
    expect(j.differences.map((d) => d.message)).toEqual([
      "'safe' holds, expected to be violated",
      "'live' is violated (2 steps), expected to hold",
      'snapshot differs (expected → got): distinct 9 → 10, depth 4 → 3',
    ]);
  });

  it('reports a run stopped by its time limit as incomplete, with no verdict for what it did not reach', () => {
    const j = judge(
      check('pass', [], { distinct: 1, generated: 1, depth: 1 }),
      result('incomplete', [], 'time limit 1000 ms reached'),
    );
    expect(j).toMatchObject({ outcome: 'incomplete', verdict: 'incomplete', snapshot: undefined });
    expect(j.differences.map((d) => d.message)).toEqual([
      'incomplete (time limit 1000 ms reached): 10 states explored, the rest unchecked',
    ]);
    expect(j.properties.every((p) => p.verdict === 'undecided')).toBe(true);
  });

  it('counts an unexpected violation found before the time limit as a difference', () => {
    expect(judge(check('pass'), result('incomplete', ['safe'], 'time limit')).outcome).toBe('differs');
  });

  it('takes a random campaign without violation as a pass', () => {
    expect(
      judge(check('pass', [], undefined, 'random'), result('incomplete', [], 'no violation in 10 walks')),
    ).toMatchObject({ outcome: 'as-expected', verdict: 'pass' });
  });

  it.each([
    ['error', 'model error: boom'],
    ['timeout', 'timed out: boom'],
    ['crashed', 'crashed: boom'],
  ] as const)('reports a run that ended in %s', (status, message) => {
    const j = judge(check('pass'), { ...result(status, [], 'boom'), checked: [] });
    expect(j).toMatchObject({ outcome: status === 'timeout' ? 'incomplete' : 'differs', verdict: status });
    expect(j.differences.map((d) => d.message)).toEqual([message]);
  });
});
