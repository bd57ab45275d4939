/**
 * The equivalence test's comparisons, as lists of differences (empty when every engine agrees).
 *
 * What the engines promise (`bfs.ts`, `dfs.ts`, `parallel-bfs.ts`), and so what is compared:
 * - BFS and parallel BFS: the reference's distinct and generated states, depth (the diameter) and
 *   the shortest counterexample length of every violated safety property (`continue: true`
 *   explores everything and reports each violated property once).
 * - DFS: the same states, the same violated properties and reached goals; its depth is the
 *   deepest point of its search tree (at least the diameter) and its traces need not be shortest.
 * - The liveness graph: one state per distinct state, and the oracle's verdicts where it decides.
 * - Without `continue`, every engine gives the same status; BFS reports a shortest counterexample.
 * - With a depth bound, BFS and parallel BFS explore the reference's bounded space.
 */
import { isLiveness } from '../../spec/properties.ts';
import { check } from '../check.ts';
import type { CheckResult } from '../result.ts';
import { coverageOf, differences, type EngineFigures, figuresOf, names, partVerdicts } from './figures.ts';
import { oracleVerdicts } from './oracle-verdicts.ts';
import type { Part } from './part.ts';
import { partNumber, randomSpecs, type Shape } from './random-specs.ts';
import { explore, type Figures, type Reference, type Verdicts } from './reference.ts';

const FIXTURE = new URL('./random-specs.ts', import.meta.url).href;

export interface AloneOutcome {
  readonly differences: string[];
  /** The BFS run a bundle's part must match (depth-bounded when the bundle is). */
  readonly expected: CheckResult;
  /** Whether that run explored everything (a bundle is exhaustive only if all its parts are). */
  readonly exhaustive: boolean;
  /** Liveness properties the oracle could not decide (region too large, or not a concrete graph). */
  readonly undecided: readonly string[];
}

/** Checks one spec alone: BFS and DFS against the reference explorer and the liveness oracle. */
export function checkAlone(part: Part, maxDepth: number | undefined): AloneOutcome {
  const ref = explore(part);
  const runs = { bfs: check(part.spec, { continue: true }), dfs: check(part.spec, { engine: 'dfs', continue: true }) };
  const failed = errors(runs);
  if (failed.length > 0) return { differences: failed, expected: runs.bfs, exhaustive: true, undecided: [] };
  const bfs = figuresOf(runs.bfs);
  const oracle = oracleVerdicts(part, ref);
  const found = [...fullSearch(part, ref, bfs, figuresOf(runs.dfs), oracle), ...stopping(part, bfs)];
  if (maxDepth === undefined)
    return { differences: found, expected: runs.bfs, exhaustive: true, undecided: oracle.undecided };
  const bounded = check(part.spec, { continue: true, maxDepth });
  const refBounded = explore(part, maxDepth);
  const status = refBounded.status === 'pass' ? verdictOf(refBounded.violations, bfs.liveness) : refBounded.status;
  found.push(
    ...(bounded.status === 'error'
      ? [`bfs (max depth ${maxDepth}): error ${bounded.error.message}`]
      : differences(`bfs vs reference (max depth ${maxDepth})`, { ...safety(refBounded), status }, figuresOf(bounded))),
  );
  return { differences: found, expected: bounded, exhaustive: refBounded.exhaustive, undecided: oracle.undecided };
}

/** BFS and DFS over the whole state space (`continue`) against the reference and the oracle. */
function fullSearch(
  part: Part,
  ref: Reference<unknown>,
  bfs: EngineFigures,
  dfs: EngineFigures,
  oracle: ReturnType<typeof oracleVerdicts>,
): string[] {
  const hasLiveness = part.spec.properties.some(isLiveness);
  const decided = new Map([...bfs.liveness].filter(([name]) => !oracle.undecided.includes(name)));
  const status = verdictOf(ref.violations, bfs.liveness);
  return [
    ...differences('bfs vs reference', { ...safety(ref), status }, bfs),
    ...differences(
      'dfs vs reference',
      { ...counts(ref), violations: names(ref.violations), examples: names(ref.examples), status },
      { ...counts(dfs), violations: names(dfs.violations), examples: names(dfs.examples), status: dfs.status },
    ),
    ...(dfs.depth < ref.depth ? [`dfs: depth ${dfs.depth} is below the diameter ${ref.depth}`] : []),
    ...differences('bfs vs oracle (liveness)', { liveness: oracle.verdicts }, { liveness: decided }),
    ...differences('dfs vs bfs (liveness)', { liveness: bfs.liveness, graphStates: bfs.graphStates }, dfs),
    ...differences('liveness graph vs reference', { graphStates: hasLiveness ? ref.distinct : undefined }, bfs),
  ];
}

/** Without `continue`: the same status from BFS and DFS, and BFS's counterexample is a shortest one. */
function stopping(part: Part, full: EngineFigures): string[] {
  const found: string[] = [];
  for (const engine of ['bfs', 'dfs'] as const) {
    const result = check(part.spec, { engine });
    if (result.status === 'error') return [`${engine} (stopping at a violation): error ${result.error.message}`];
    found.push(...differences(`${engine} (stopping at a violation) status`, { status: full.status }, result));
    if (result.status !== 'violation') continue;
    const first = figuresOf(result);
    const [name, verdict] = [...first.violations, ...first.liveness][0]!;
    const expected = full.violations.get(name) ?? full.liveness.get(name);
    if (expected === undefined)
      found.push(`${engine} (stopping at a violation): reports '${name}', which a full search does not find violated`);
    else if (engine === 'bfs' && verdict !== expected)
      found.push(`bfs (stopping at a violation): '${name}' after ${verdict}, expected ${expected}`);
  }
  return found;
}

/** Checks a bundle as one spec with BFS and with two workers: each part must match its own run. */
export function checkBundle(
  shapes: readonly Shape[],
  parts: readonly Part[],
  alone: readonly AloneOutcome[],
  maxDepth: number | undefined,
): string[] {
  const spec = randomSpecs.instantiate({ shapes: JSON.stringify(shapes) });
  const options = { continue: true, ...(maxDepth === undefined ? {} : { maxDepth }) };
  const specSource = { module: FIXTURE, exportName: 'randomSpecs', settings: { shapes: JSON.stringify(shapes) } };
  const runs = { bfs: check(spec, options), workers: check(spec, { ...options, workers: 2, specSource }) };
  const failed = errors(runs);
  if (failed.length > 0) return failed;
  const bfs = figuresOf(runs.bfs);
  const workers = figuresOf(runs.workers);
  const found = differences(
    'workers=2 vs bfs',
    { ...safety(bfs), status: bfs.status, liveness: bfs.liveness, graphStates: bfs.graphStates },
    workers,
  );
  // Unreachable goals are decided only once the whole bundle is explored. Liveness too, except
  // that after a safety violation with `continue` it runs on the whole graph, ignoring the depth
  // bound: a part's liveness verdicts are compared in unbounded bundles only.
  const exhaustive = alone.every((a) => a.exhaustive);
  const share = (result: CheckResult, figures: EngineFigures, i?: number) => ({
    coverage: coverageOf(result, i),
    violations: partVerdicts(figures.violations, i),
    examples: partVerdicts(figures.examples, i),
    ...(maxDepth === undefined ? { liveness: partVerdicts(figures.liveness, i) } : {}),
  });
  parts.forEach((part, index) => {
    const own = figuresOf(alone[index]!.expected);
    const violations = new Map(
      [...own.violations].filter(([name, v]) => name !== 'deadlock' && (exhaustive || v !== 'unreachable')),
    );
    const expected = share(alone[index]!.expected, { ...own, violations });
    for (const [engine, result, figures] of [
      ['bfs', runs.bfs, bfs],
      ['workers=2', runs.workers, workers],
    ] as const) {
      found.push(
        ...differences(
          `part ${index} (${part.kind}), ${engine} in the bundle vs bfs alone`,
          expected,
          share(result, figures, partNumber(index)),
        ),
      );
    }
  });
  return found;
}

const counts = (f: Figures) => ({ distinct: f.distinct, generated: f.generated });
const safety = (f: Figures) => ({ ...counts(f), depth: f.depth, violations: f.violations, examples: f.examples });
const verdictOf = (safetyViolations: Verdicts, liveness: Verdicts) =>
  safetyViolations.size + liveness.size > 0 ? 'violation' : 'pass';

function errors(runs: Record<string, CheckResult>): string[] {
  return Object.entries(runs).flatMap(([engine, r]) =>
    r.status === 'error' ? [`${engine}: error ${r.error.message}`] : [],
  );
}
