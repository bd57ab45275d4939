import { describe, expect, it } from 'vitest';
import { check, type CheckResult } from '../../checker/index.ts';
import { tcommitSpec, transactionCommit } from './tcommit.ts';

function counts(result: CheckResult) {
  return {
    status: result.status,
    distinct: result.stats.distinctStates,
    generated: result.stats.generatedStates,
    depth: result.stats.depth,
  };
}

describe('transaction-commit (TCommit.tla; TLC: 34 distinct, 94 generated, depth 7)', () => {
  it('matches TLC with 3 RMs, in strict mode, with the all-decided states terminal', () => {
    expect(counts(check(tcommitSpec(3), { strict: true }))).toEqual({
      status: 'pass',
      distinct: 34,
      generated: 94,
      depth: 7,
    });
  });

  it('explores the same states with BFS and DFS', () => {
    expect(check(tcommitSpec(3), { engine: 'dfs' }).stats.distinctStates).toBe(34);
  });

  it('is registered with a configurable number of RMs', () => {
    const result = check(transactionCommit.instantiate({ rms: '2' }));
    expect(result.status).toBe('pass');
    expect(result.stats.distinctStates).toBe(tcommitDistinct(2));
  });
});

/** TCommit's reachable states counted by hand: every RM working/prepared, or all committed/prepared, or aborted/working/prepared. */
function tcommitDistinct(n: number): number {
  // no RM decided: 2^n; some committed (rest prepared): 2^n - 1; some aborted (rest working or prepared): 3^n - 2^n
  return 2 ** n + (2 ** n - 1) + (3 ** n - 2 ** n);
}
