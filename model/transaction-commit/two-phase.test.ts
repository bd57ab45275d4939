import { describe, expect, it } from 'vitest';
import { check, type CheckResult } from '../../checker/index.ts';
import { abstractTrace, refinementOf } from '../../counterexamples/refinement.ts';
import { exploreStateGraph } from '../../counterexamples/state-graph.ts';
import { renderTraceText } from '../../counterexamples/text.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import type { Spec, Words } from '../../spec/index.ts';
import { RM_STATES, rmIds } from './rms.ts';
import { twoPhaseCommit, twoPhaseSpec } from './two-phase.ts';
import { twoPhaseLayout } from './two-phase-layout.ts';

const counts = (result: CheckResult) => ({
  status: result.status,
  distinct: result.stats.distinctStates,
  generated: result.stats.generatedStates,
  depth: result.stats.depth,
});

/** Both refinement counterexamples begin so: r1 and r2 prepare, and the TM hears both. */
const bothPrepared = [
  'State 1 (initial)',
  '    rmState = { r1: "working", r2: "working", r3: "working" }',
  '    tmState = "init"',
  '    tmPrepared = {}',
  '    msgs = {}',
  'State 2 ← rmPrepare("r1")',
  '    rmState.r1: "working" → "prepared"',
  '    msgs: + "prepared:r1"',
  'State 3 ← tmRcvPrepared("r1")',
  '    tmPrepared: + "r1"',
  'State 4 ← rmPrepare("r2")',
  '    rmState.r2: "working" → "prepared"',
  '    msgs: + "prepared:r2"',
  'State 5 ← tmRcvPrepared("r2")',
  '    tmPrepared: + "r2"',
];

type Violation = Extract<CheckResult, { status: 'violation' }>;

function violated(result: CheckResult): Violation {
  if (result.status !== 'violation') throw new Error(`expected a violation, got ${result.status}`);
  return result;
}

/** The first violation's trace. */
const traceOf = <S>(spec: Spec<S>, result: CheckResult) => buildTrace(spec, violated(result).violations[0]!.path!);

/** The action labels of the first violation's trace, starting with 'init'. */
const violationLabels = <S>(spec: Spec<S>, result: CheckResult) =>
  traceOf(spec, result).steps.map((step) => step.action?.label ?? 'init');

/** Where the workers load the protocol from. */
const specSource = (settings: Readonly<Record<string, string | number>>, variant = 'correct') => ({
  module: new URL('./two-phase.ts', import.meta.url).href,
  exportName: 'twoPhaseCommit',
  settings,
  variant,
});

/**
 * TwoPhase's reachable states counted by hand. While the TM is undecided, each RM is working,
 * prepared (its message received by the TM or not), or aborted on its own from working: 4^n.
 * Once the TM has committed, every RM was prepared and received, and is prepared or committed:
 * 2^n. Once it has aborted, each RM is working, or prepared or aborted with its Prepared message
 * received or not, or aborted without one: 6^n.
 */
const twoPhaseDistinct = (n: number) => 4 ** n + 2 ** n + 6 ** n;

/** TPTypeOK on a decoded state: exactly the RMs, each in an RM state, and sets within their universes. */
function typeOK(shown: unknown, rms: readonly string[]): boolean {
  const { rmState, tmState, tmPrepared, msgs } = shown as {
    rmState: Record<string, unknown>;
    tmState: unknown;
    tmPrepared: ReadonlySet<unknown>;
    msgs: ReadonlySet<unknown>;
  };
  const messages = new Set([...rms.map((r) => `prepared:${r}`), 'commit', 'abort']);
  return (
    Object.keys(rmState).join() === rms.join() &&
    rms.every((r) => (RM_STATES as readonly unknown[]).includes(rmState[r])) &&
    ['init', 'committed', 'aborted'].includes(tmState as string) &&
    [...tmPrepared].every((r) => rms.includes(r as string)) &&
    [...msgs].every((m) => messages.has(m as string))
  );
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

  it('matches TLC with 7 RMs: 296,448 distinct, 2,744,706 generated, depth 23', () => {
    expect(counts(check(twoPhaseCommit.instantiate({ rms: 7 })))).toEqual({
      status: 'pass',
      distinct: 296_448,
      generated: 2_744_706,
      depth: 23,
    });
  });

  it("has the 50,816 states TwoPhase.tla's closing note reports for six RMs", () => {
    expect(counts(check(twoPhaseSpec(6)))).toMatchObject({ status: 'pass', distinct: 50816 });
  });

  it('reaches the states counted by hand (4^n + 2^n + 6^n), each decoded state distinct and TPTypeOK', () => {
    for (const n of [1, 2, 3, 4]) expect(check(twoPhaseSpec(n)).stats.distinctStates).toBe(twoPhaseDistinct(n));
    const spec = twoPhaseSpec(5);
    const shown = exploreStateGraph(spec, 100_000).states.map((s) => spec.display(s));
    expect(shown).toHaveLength(twoPhaseDistinct(5)); // 8,832
    expect(new Set(shown.map((s) => JSON.stringify(s, (_, v) => (v instanceof Set ? [...v] : v)))).size).toBe(
      shown.length,
    );
    expect(shown.filter((s) => !typeOK(s, rmIds(5)))).toEqual([]);
  });

  it('gives the same counts with BFS, DFS, two workers and each store', () => {
    const settings = { rms: 5 };
    const spec = twoPhaseCommit.instantiate(settings);
    const bfs = counts(check(spec));
    expect(bfs).toMatchObject({ status: 'pass', distinct: twoPhaseDistinct(5) });
    expect(counts(check(spec, { workers: 2, specSource: specSource(settings) }))).toEqual(bfs);
    expect(counts(check(spec, { store: 'disk' }))).toEqual(bfs);
    expect(check(spec, { engine: 'dfs' }).stats.distinctStates).toBe(bfs.distinct);
    expect(check(spec, { engine: 'dfs', store: 'map' }).stats.distinctStates).toBe(bfs.distinct);
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
    expect(violated(result).violations.map((v) => [v.property, v.kind])).toEqual([['ImplementsTCommit', 'refinement']]);
    const trace = traceOf(spec, result);
    expect(renderTraceText(trace)).toBe(
      [
        ...bothPrepared,
        'State 6 ← tmCommit',
        '    tmState: "init" → "committed"',
        '    msgs: + "commit"',
        'State 7 ← rmRcvCommitMsg("r1")',
        '    rmState.r1: "prepared" → "committed"',
      ].join('\n'),
    );
    expect(trace.steps.at(-1)!.shown).toEqual({
      rmState: { r1: 'committed', r2: 'prepared', r3: 'working' },
      tmState: 'committed',
      tmPrepared: new Set(['r1', 'r2']),
      msgs: new Set(['prepared:r1', 'prepared:r2', 'commit']),
    });
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
    const result = check(spec, { strict: true });
    expect(violated(result).violations[0]!.property).toBe('ImplementsTCommit');
    expect(renderTraceText(traceOf(spec, result))).toBe(
      [
        ...bothPrepared,
        'State 6 ← rmPrepare("r3")',
        '    rmState.r3: "working" → "prepared"',
        '    msgs: + "prepared:r3"',
        'State 7 ← tmRcvPrepared("r3")',
        '    tmPrepared: + "r3"',
        'State 8 ← tmCommit',
        '    tmState: "init" → "committed"',
        '    msgs: + "commit"',
        'State 9 ← rmChooseToAbort("r1")',
        '    rmState.r1: "prepared" → "aborted"',
        'State 10 ← rmRcvCommitMsg("r1")',
        '    rmState.r1: "aborted" → "committed"',
      ].join('\n'),
    );
  });

  it('an initial state that maps to no TCommit initial state is a violation at the initial state (TLC: "Property TCInit is violated by the initial state")', () => {
    const plain = twoPhaseSpec(3);
    const init = plain.init()[0]!.slice();
    twoPhaseLayout(rmIds(3)).fields.rmState.at('r1').set(init, 'prepared');
    const result = check({ ...plain, init: (): Words[] => [init] });
    expect(violated(result).violations.map((v) => [v.property, v.path?.steps.length, v.note])).toEqual([
      ['ImplementsTCommit', 0, "the initial state maps to no initial state of 'transaction-commit'"],
    ]);
  });

  it('every engine finds the refinement violation: DFS, two workers (shortest, as BFS), random walks', () => {
    const spec = twoPhaseCommit.instantiate({}, 'commit-on-majority');
    const runs = [
      check(spec, { engine: 'dfs' }),
      check(spec, { workers: 2, specSource: specSource({}, 'commit-on-majority') }),
      check(spec, { engine: 'random', seed: 1 }),
    ];
    for (const result of runs) expect(violated(result).violations[0]!.property).toBe('ImplementsTCommit');
    expect(violated(runs[1]!).violations[0]!.path!.steps.length).toBe(6);
  });

  it('commit-on-majority, TCConsistent alone: the TM commits while r3 aborts on its own (7 steps)', () => {
    const spec = twoPhaseCommit.instantiate({}, 'commit-on-majority');
    const result = check(spec, { strict: true, properties: ['TCConsistent'] });
    expect(violated(result).violations[0]!.property).toBe('TCConsistent');
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
    expect(violated(result).violations[0]!.property).toBe('TCConsistent');
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

  it('rejects an RM count outside 1..12, and an unknown setting, with a named error', () => {
    expect(() => twoPhaseCommit.instantiate({ rms: '0' })).toThrow(/rms=0: must be at least 1/);
    expect(() => twoPhaseCommit.instantiate({ packed: true })).toThrow(
      "unknown configuration key 'packed'; available: rms, symmetric",
    );
  });
});

describe('two-phase-commit with symmetric RMs (TLC SYMMETRY Permutations(RM))', () => {
  const TLC_7 = { status: 'pass', distinct: 920, generated: 8410, depth: 23 };

  it('7 RMs: 920 distinct states, 8,410 generated, depth 23, as TLC, under BFS, DFS and two workers', () => {
    const settings = { rms: '7', symmetric: 'true' };
    const spec = twoPhaseCommit.instantiate(settings);
    expect(counts(check(spec))).toEqual(TLC_7);
    expect(counts(check(spec, { workers: 2, specSource: specSource(settings) }))).toEqual(TLC_7);
    expect(counts(check(spec, { engine: 'dfs' }))).toMatchObject({ distinct: 920, generated: 8410 });
  });

  it('reports a concrete counterexample of the shortest length, which replays on the spec without symmetry', () => {
    const result = check(twoPhaseSpec(3, 'commit-on-majority', true), { properties: ['TCConsistent'] });
    const violation = violated(result).violations[0]!;
    expect(violation.property).toBe('TCConsistent');
    const trace = buildTrace(twoPhaseSpec(3, 'commit-on-majority', false), violation.path!);
    const last = trace.steps.at(-1)!.shown as { rmState: Record<string, string> };
    expect(Object.values(last.rmState)).toEqual(expect.arrayContaining(['committed', 'aborted']));
    // The same shortest length as without symmetry: reduction loses no behaviour.
    const plain = check(twoPhaseSpec(3, 'commit-on-majority', false), { properties: ['TCConsistent'] });
    expect(violated(plain).violations[0]!.path!.steps.length).toBe(violation.path!.steps.length);
  });
});
