import { describe, expect, it } from 'vitest';
import { check, type CheckResult } from '../../checker/index.ts';
import { abstractTrace, refinementOf } from '../../counterexamples/refinement.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import type { Spec } from '../../spec/index.ts';
import { tcommitSpec, transactionCommit } from './tcommit.ts';
import { twoPhaseCommit, twoPhaseSpec } from './two-phase.ts';

function counts(result: CheckResult) {
  return {
    status: result.status,
    distinct: result.stats.distinctStates,
    generated: result.stats.generatedStates,
    depth: result.stats.depth,
  };
}

/** The action labels of the first violation's trace, starting with 'init'. */
function violationLabels<S>(spec: Spec<S>, result: CheckResult): string[] {
  if (result.status !== 'violation') throw new Error(`expected a violation, got ${result.status}`);
  const trace = buildTrace(spec, result.violations[0]!.path!);
  return trace.steps.map((step) => step.action?.label ?? 'init');
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

describe('two-phase-commit (TwoPhase.tla; TLC with 3 RMs: 288 distinct, 1,146 generated, depth 11)', () => {
  it('matches TLC with 3 RMs, in strict mode', () => {
    expect(counts(check(twoPhaseSpec(3), { strict: true }))).toEqual({
      status: 'pass',
      distinct: 288,
      generated: 1146,
      depth: 11,
    });
  });

  it('explores the same states with BFS and DFS, and with either store', () => {
    expect(check(twoPhaseSpec(4), { engine: 'dfs' }).stats.distinctStates).toBe(
      check(twoPhaseSpec(4)).stats.distinctStates,
    );
    expect(check(twoPhaseSpec(3), { engine: 'dfs', store: 'map' }).stats.distinctStates).toBe(288);
  });

  it("has the 50,816 states TwoPhase.tla's closing note reports for six RMs", () => {
    expect(counts(check(twoPhaseSpec(6)))).toMatchObject({ status: 'pass', distinct: 50816 });
  });

  it('checks TCommit consistency, and the refinement of TCommit (TLC, PROPERTY TC!TCSpec: holds)', () => {
    expect(twoPhaseSpec(3).properties.map((p) => [p.name, p.kind])).toEqual([
      ['TPTypeOK', 'always'],
      ['TCConsistent', 'always'],
      ['ImplementsTCommit', 'refines'],
    ]);
    expect(counts(check(twoPhaseSpec(3), { properties: ['ImplementsTCommit'] }))).toEqual({
      status: 'pass',
      distinct: 288,
      generated: 1146,
      depth: 11,
    });
  });

  it('commit-on-majority breaks the refinement in 6 steps, on the trace TLC prints: r1 commits while r3 still works', () => {
    // TLC (TwoPhase with 2 * Cardinality(tmPrepared) > Cardinality(RM), PROPERTY TC!TCSpec): "Action
    // property … of module TCommit is violated" after RMPrepare(r1), TMRcvPrepared(r1), RMPrepare(r2),
    // TMRcvPrepared(r2), TMCommit, RMRcvCommitMsg(r1).
    const spec = twoPhaseCommit.instantiate({}, 'commit-on-majority');
    const result = check(spec, { strict: true });
    expect(result.status === 'violation' && result.violations.map((v) => [v.property, v.kind])).toEqual([
      ['ImplementsTCommit', 'refinement'],
    ]);
    expect(violationLabels(spec, result)).toEqual([
      'init',
      'rmPrepare("r1")',
      'tmRcvPrepared("r1")',
      'rmPrepare("r2")',
      'tmRcvPrepared("r2")',
      'tmCommit',
      'rmRcvCommitMsg("r1")',
    ]);
    const trace = buildTrace(spec, (result as Extract<CheckResult, { status: 'violation' }>).violations[0]!.path!);
    const image = abstractTrace(refinementOf(spec, 'ImplementsTCommit')!, trace);
    expect(image.steps.map((s) => s.counterpart)).toEqual([
      'initial',
      'prepare("r1")',
      'stutter',
      'prepare("r2")',
      'stutter',
      'stutter',
      undefined,
    ]);
    expect(image.firstUnmatched).toBe(6);
  });

  it('abort-after-prepare breaks the refinement in 9 steps, as TLC finds: an aborted RM receives the commit', () => {
    // TLC: violated after 9 steps, the last RMRcvCommitMsg(r1) turning r1 from aborted to committed.
    const spec = twoPhaseCommit.instantiate({}, 'abort-after-prepare');
    const result = check(spec);
    expect(result.status === 'violation' && result.violations[0]!.property).toBe('ImplementsTCommit');
    const labels = violationLabels(spec, result);
    expect(labels).toHaveLength(10);
    expect(labels.slice(-2)).toEqual(['rmChooseToAbort("r1")', 'rmRcvCommitMsg("r1")']);
  });

  it('an initial state that maps to no TCommit initial state is a violation at the initial state (TLC: "Property TCInit is violated by the initial state")', () => {
    const plain = twoPhaseSpec(3);
    const [init] = plain.init();
    const spec = { ...plain, init: () => [{ ...init!, rmState: { ...init!.rmState, r1: 'prepared' as const } }] };
    const result = check(spec);
    expect(
      result.status === 'violation' && result.violations.map((v) => [v.property, v.path?.steps.length, v.note]),
    ).toEqual([['ImplementsTCommit', 0, "the initial state maps to no initial state of 'transaction-commit'"]]);
  });

  it('every engine finds the refinement violation: DFS, two workers (shortest, as BFS), random walks', () => {
    const spec = twoPhaseCommit.instantiate({}, 'commit-on-majority');
    const specSource = {
      module: new URL('./two-phase.ts', import.meta.url).href,
      exportName: 'twoPhaseCommit',
      variant: 'commit-on-majority',
    };
    const runs = [
      check(spec, { engine: 'dfs' }),
      check(spec, { workers: 2, specSource }),
      check(spec, { engine: 'random', seed: 1 }),
    ];
    for (const result of runs)
      expect(result.status === 'violation' && result.violations[0]!.property).toBe('ImplementsTCommit');
    expect(runs[1]!.status === 'violation' && runs[1]!.violations[0]!.path!.steps.length).toBe(6);
  });

  it('commit-on-majority, TCConsistent alone: the TM commits while r3 aborts on its own (7 steps)', () => {
    const spec = twoPhaseCommit.instantiate({}, 'commit-on-majority');
    const result = check(spec, { strict: true, properties: ['TCConsistent'] });
    expect(result.status === 'violation' && result.violations[0]!.property).toBe('TCConsistent');
    expect(violationLabels(spec, result)).toEqual([
      'init',
      'rmPrepare("r1")',
      'tmRcvPrepared("r1")',
      'rmPrepare("r2")',
      'tmRcvPrepared("r2")',
      'tmCommit',
      'rmChooseToAbort("r3")',
      'rmRcvCommitMsg("r1")',
    ]);
  });

  it('abort-after-prepare, TCConsistent alone: a prepared RM aborts after the TM committed (9 steps)', () => {
    const spec = twoPhaseCommit.instantiate({}, 'abort-after-prepare');
    const result = check(spec, { strict: true, properties: ['TCConsistent'] });
    expect(result.status === 'violation' && result.violations[0]!.property).toBe('TCConsistent');
    expect(violationLabels(spec, result)).toEqual([
      'init',
      'rmPrepare("r1")',
      'tmRcvPrepared("r1")',
      'rmPrepare("r2")',
      'tmRcvPrepared("r2")',
      'rmPrepare("r3")',
      'tmRcvPrepared("r3")',
      'tmCommit',
      'rmChooseToAbort("r1")',
      'rmRcvCommitMsg("r2")',
    ]);
  });

  it('rejects an RM count outside 1..12 with a named error', () => {
    expect(() => twoPhaseCommit.instantiate({ rms: '0' })).toThrow(/rms=0: must be at least 1/);
  });
});
