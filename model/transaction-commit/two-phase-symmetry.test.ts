import { describe, expect, it } from 'vitest';
import { check, type CheckResult } from '../../checker/index.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import { twoPhaseCommit, twoPhaseSpec } from './two-phase.ts';

const counts = (r: CheckResult) => ({
  status: r.status,
  distinct: r.stats.distinctStates,
  generated: r.stats.generatedStates,
  depth: r.stats.depth,
});

describe('two-phase-commit with symmetric RMs (TLC SYMMETRY Permutations(RM))', () => {
  it('7 RMs: 920 distinct states, 8,410 generated, depth 23, as TLC', () => {
    const result = check(twoPhaseCommit.instantiate({ rms: '7', symmetric: 'true' }));
    expect(result.status).toBe('pass');
    expect(result.stats).toMatchObject({ distinctStates: 920, generatedStates: 8410, depth: 23 });
  });

  it("with views (layoutPermutations), the object model's classes under BFS, DFS and two workers", () => {
    const objects = counts(check(twoPhaseCommit.instantiate({ rms: 5, symmetric: true })));
    expect(objects).toEqual({ status: 'pass', distinct: 314, generated: 2048, depth: 17 });
    const settings = { rms: 5, symmetric: true, views: true };
    const views = twoPhaseCommit.instantiate(settings);
    expect(counts(check(views))).toEqual(objects);
    expect(counts(check(views, { engine: 'dfs' }))).toMatchObject({ distinct: 314, generated: 2048 });
    const specSource = {
      module: new URL('./two-phase.ts', import.meta.url).href,
      exportName: 'twoPhaseCommit',
      settings,
    };
    expect(counts(check(views, { workers: 2, specSource }))).toEqual(objects);
    // and the shortest counterexample of a bug, as without symmetry
    const buggy = check(twoPhaseCommit.instantiate({ ...settings, rms: 3 }, 'commit-on-majority'), {
      properties: ['TCConsistent'],
    });
    const plain = check(twoPhaseSpec(3, 'commit-on-majority', false), { properties: ['TCConsistent'] });
    expect(buggy.status === 'violation' && buggy.violations[0]!.path!.steps.length).toBe(
      plain.status === 'violation' && plain.violations[0]!.path!.steps.length,
    );
  });

  it('counts the same classes with DFS', () => {
    const result = check(twoPhaseSpec(5, 'correct', true), { engine: 'dfs' });
    expect(result.stats.distinctStates).toBe(check(twoPhaseSpec(5, 'correct', true)).stats.distinctStates);
  });

  it('reports a concrete counterexample that replays on the spec without symmetry', () => {
    const result = check(twoPhaseSpec(3, 'commit-on-majority', true), { properties: ['TCConsistent'] });
    expect(result.status).toBe('violation');
    if (result.status !== 'violation') return;
    const violation = result.violations[0]!;
    expect(violation.property).toBe('TCConsistent');
    const trace = buildTrace(twoPhaseSpec(3, 'commit-on-majority', false), violation.path!);
    const last = trace.steps.at(-1)!.state;
    expect(Object.values(last.rmState)).toEqual(expect.arrayContaining(['committed', 'aborted']));
    // The same shortest length as without symmetry: reduction loses no behaviour.
    const plain = check(twoPhaseSpec(3, 'commit-on-majority', false), { properties: ['TCConsistent'] });
    expect(plain.status === 'violation' && plain.violations[0]!.path!.steps.length).toBe(violation.path!.steps.length);
  });
});
