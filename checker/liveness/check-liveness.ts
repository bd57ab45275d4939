/**
 * Liveness checking over the explored state graph: build the graph once, then for each liveness
 * property search the region its negation allows for a fair component, and turn the shortest
 * lasso into it into a concrete, replayable counterexample.
 */
import { KripkeError } from '../../spec/errors.ts';
import type { LivenessProperty } from '../../spec/properties.ts';
import type { Spec } from '../../spec/types.ts';
import type { ResolvedOptions } from '../options.ts';
import type { ActionPath } from '../path.ts';
import type { LivenessStatistics, Violation } from '../result.ts';
import { Hasher } from '../fingerprint/index.ts';
import { formatValue } from '../format-value.ts';
import { Successors } from '../successors.ts';
import { buildGraph } from './build-graph.ts';
import type { GraphBuild, Predicate } from './graph-recorder.ts';
import { concretize } from './concrete.ts';
import { FairComponentSearch, type FairComponent } from './fair-components.ts';
import { FairnessMatcher, resolveFairness, type ResolvedFairness } from './fairness.ts';
import { fairnessOnCycle } from './fairness-on-cycle.ts';
import type { StateGraph } from './graph.ts';
import { cycleThrough, type GraphLasso, pathWhileBuilding, PhaseSearch } from './lasso.ts';
import { lassoRefutes } from './refutes.ts';
import { planShapes, type Shape } from './shapes.ts';

export interface LivenessOutcome {
  readonly violations: Violation[];
  readonly stats: LivenessStatistics;
  /** Caveats about the verdict (a state constraint that cut behaviours…). */
  readonly notes: string[];
  readonly incomplete?: string;
  readonly error?: KripkeError;
  /** For an error: the path to the state being expanded when it happened. */
  readonly at?: ActionPath;
}

/** What liveness checking needs before the graph exists: the fairness assumptions and the properties' predicates. */
export interface LivenessPlan {
  readonly fairness: readonly ResolvedFairness[];
  readonly predicates: readonly Predicate[];
  readonly shapes: readonly Shape[];
}

export function planLiveness<S>(spec: Spec<S>, properties: readonly LivenessProperty<S>[]): LivenessPlan {
  return {
    fairness: resolveFairness(spec as Spec<unknown>),
    ...planShapes(properties as readonly LivenessProperty<unknown>[]),
  };
}

/**
 * Checks the plan's properties on the graph `recorded` during the safety search, or, without one,
 * on a graph built by an exploration of its own.
 */
export function checkLiveness<S>(
  spec: Spec<S>,
  options: ResolvedOptions,
  plan: LivenessPlan,
  recorded?: GraphBuild,
): LivenessOutcome {
  const startedAt = performance.now();
  const { fairness, predicates, shapes } = plan;
  const build = recorded ?? buildGraph(spec, options, fairness, predicates);
  const { graph } = build;
  const stats: LivenessStatistics = {
    graphStates: graph.stateCount,
    graphEdges: graph.edgeCount,
    components: 0,
    fairComponents: 0,
    graphBytes: graph.bytes,
    cutSuccessors: build.cutSuccessors,
    excludedSteps: build.excludedSteps,
    elapsedMs: 0,
  };
  const notes = [...constraintNotes(build.cutSuccessors, build.excludedSteps), ...unusedFairnessNotes(graph, fairness)];
  const finish = (extra: Partial<LivenessOutcome>, violations: Violation[] = []): LivenessOutcome => {
    stats.elapsedMs = performance.now() - startedAt;
    stats.components = search?.scc.componentCount ?? 0;
    return { violations, stats, notes, ...extra };
  };
  let search: FairComponentSearch | undefined;
  if (build.error) return finish({ error: build.error.error, at: errorPath(spec, graph, build.error.state) });
  if (build.limitHit) return finish({ incomplete: build.limitHit });
  search = new FairComponentSearch(graph, fairness);
  const violations: Violation[] = [];
  try {
    for (const shape of shapes) {
      if (violations.some((v) => v.property === shape.property.name)) continue; // a family fails once
      const lasso = findLasso(graph, shape, search, stats);
      if (lasso === undefined) continue;
      violations.push(toViolation(spec, graph, shape, lasso, fairness));
      if (!options.continueAfterViolation) break;
    }
  } catch (e) {
    if (!(e instanceof KripkeError)) throw e;
    return finish({ error: e }, violations);
  }
  return finish({}, violations);
}

/** The lasso with the shortest prefix into any fair component of the shape's region, if one exists. */
function findLasso(
  graph: StateGraph,
  shape: Shape,
  search: FairComponentSearch,
  stats: LivenessStatistics,
): GraphLasso | undefined {
  const phases = new PhaseSearch(graph, shape);
  const region = phases.run();
  const accepting = shape.accepting ? (s: number) => shape.accepting!(graph, s) : undefined;
  let best: { component: FairComponent; entry: number; distance: number } | undefined;
  search.search(region, accepting, (component) => {
    stats.fairComponents++;
    for (const s of component.states) {
      const distance = phases.distanceTo(s);
      if (best === undefined || distance < best.distance) best = { component, entry: s, distance };
    }
  });
  if (best === undefined) return undefined;
  const { component, entry } = best;
  const prefix = phases.prefixTo(entry);
  const cycle = cycleThrough(graph, component.states, entry, component.requirements, accepting);
  return { initIndex: prefix.initIndex, prefix: prefix.edges, cycle, entry };
}

function toViolation<S>(
  spec: Spec<S>,
  graph: StateGraph,
  shape: Shape,
  lasso: GraphLasso,
  fairness: readonly ResolvedFairness[],
): Violation {
  const concrete = concretize(spec, graph, lasso);
  const notes: string[] = [];
  if (lasso.cycle.length === 0) {
    notes.push(stutterNote(spec, concrete.last, fairness.length));
  } else {
    notes.push(shape.meaning);
  }
  if (spec.view && lasso.cycle.length > 0) {
    notes.push(
      `states are compared by the spec's view: the last state has the same view as state ${concrete.loop + 1}`,
    );
  }
  if (concrete.turns > 1) {
    notes.push(`under symmetry the cycle was followed ${concrete.turns} times before the concrete state repeated`);
  }
  if (!lassoRefutes(spec, shape.property as LivenessProperty<S>, concrete.path, concrete.loop)) {
    notes.push(
      'caution: on the concrete states this behaviour does not violate the property; ' +
        (spec.symmetry
          ? 'the property is not symmetric, so symmetry reduction cannot decide it'
          : 'the view hides what the property reads'),
    );
  }
  if (fairness.length > 0)
    notes.push(
      fairnessOnCycle(
        spec,
        fairness,
        new FairnessMatcher(fairness, spec as Spec<unknown>),
        concrete.path,
        concrete.loop,
      ),
    );
  if (spec.symmetry && fairness.some((f) => f.restricted)) {
    notes.push(
      'caution: fairness about one action instance is not symmetric; the cycle was judged fair in the symmetry-reduced graph',
    );
  }
  const { instance } = shape.property;
  return {
    property: shape.property.name,
    kind: 'liveness',
    propertyKind: shape.property.kind,
    ...(instance === undefined ? {} : { instance }),
    path: concrete.path,
    loop: concrete.loop,
    note: notes.join('; '),
  };
}

/** The concrete path to the state whose expansion failed, when there is one. */
function errorPath<S>(spec: Spec<S>, graph: StateGraph, state: number | undefined): ActionPath | undefined {
  const lasso = state === undefined ? undefined : pathWhileBuilding(graph, state, state);
  if (lasso === undefined) return undefined;
  try {
    return concretize(spec, graph, lasso).path;
  } catch {
    return undefined; // the error is what matters; a path is a courtesy
  }
}

/** Why stopping is allowed: nothing is enabled (deadlock), or what is enabled is not fair. */
function stutterNote<S>(spec: Spec<S>, state: S, fairnessCount: number): string {
  const successors = new Successors(spec, false);
  const enabled = new Set<string>();
  const hasher = new Hasher();
  const here = hasher.of(state);
  successors.forEach(state, (next, a, p) => {
    if (hasher.of(next) === here) return; // a stutter step, not a real one
    const action = spec.actions[a]!;
    enabled.add(action.parameterless ? action.name : `${action.name}(${formatValue(action.domain(state)[p], 40)})`);
  });
  if (enabled.size === 0)
    return 'the system can stop here forever: no action is enabled (a deadlock is an infinite stutter)';
  return (
    `the system can stop here forever: no fairness assumption forces an action (enabled here: ${[...enabled].join(', ')}` +
    `${fairnessCount === 0 ? '; the spec declares no fairness' : ''})`
  );
}

/** A fairness assumption no reachable step matches is likely a mistake (a misspelt parameter?). */
function unusedFairnessNotes(graph: StateGraph, fairness: readonly ResolvedFairness[]): string[] {
  const used = fairness.map(() => false);
  for (let s = 0; s < graph.stateCount; s++)
    fairness.forEach((_, f) => {
      if (graph.isEnabled(s, f)) used[f] = true;
    });
  return fairness
    .filter((_, f) => !used[f])
    .map((f) => `fairness ${f.label} never applies: no reachable step matches it`);
}

function constraintNotes(cut: number, excluded: number): string[] {
  const count = (n: number, what: string) => `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;
  const what = [
    cut > 0 ? `the state constraint cut ${count(cut, 'successor')}` : '',
    excluded > 0 ? `the action constraint excluded ${count(excluded, 'step')}` : '',
  ].filter((w) => w !== '');
  if (what.length === 0) return [];
  return [
    `${what.join(' and ')}: behaviours that take them were not checked for liveness, so a pass may be vacuous ` +
      '(a lasso reported is still a real, fair behaviour)',
  ];
}
