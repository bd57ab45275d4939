/**
 * The reachable state graph of a small model with a counterexample path drawn on it, to see the
 * neighbourhood of a bug: which other moves were possible along the way. Explores breadth-first
 * with the checker's `Successors` and refuses, with a clear error, beyond a size limit.
 */
import { stepAllowed } from '../checker/action-constraint.ts';
import { formatValue } from '../checker/format-value.ts';
import { Successors } from '../checker/successors.ts';
import { KripkeError } from '../spec/errors.ts';
import type { Spec } from '../spec/types.ts';
import { html } from './dot.ts';
import type { Trace } from './trace.ts';
import { actionColors, lassoOf, propertyCaption, VISUALS as V } from './visuals.ts';

export const DEFAULT_MAX_STATES = 200;
/** States are labelled with their values up to this many states; beyond, with numbers only. */
const LABEL_VALUES_UP_TO = 40;

export interface StateGraph<S> {
  /** The states themselves (a packed spec's words); drawn as `Spec.display` shows them. */
  readonly states: readonly S[];
  readonly initial: readonly number[];
  /** Deduplicated by (from, to, action name). */
  readonly edges: readonly { readonly from: number; readonly to: number; readonly action: string }[];
  /** The node of a (real) state, by its identity (view and symmetry applied). */
  readonly nodeOf: (state: S) => number | undefined;
}

export function exploreStateGraph<S>(spec: Spec<S>, maxStates = DEFAULT_MAX_STATES): StateGraph<S> {
  const successors = new Successors(spec, false);
  const ids = new Map<string, number>();
  const states: S[] = [];
  const keyOf = (state: S) => {
    successors.identify(state, () => ({}));
    return `${successors.hasher.hi}:${successors.hasher.lo}`;
  };
  const add = (state: S): number => {
    const key = keyOf(state);
    const known = ids.get(key);
    if (known !== undefined) return known;
    if (states.length >= maxStates) throw tooLarge(spec.name, maxStates);
    ids.set(key, states.length);
    states.push(state);
    return states.length - 1;
  };
  const initial = [...new Set(successors.initialStates().map(add))];
  const edges = new Map<string, { from: number; to: number; action: string }>();
  for (let from = 0; from < states.length; from++) {
    if (spec.constraint && !spec.constraint(states[from]!)) continue; // outside the boundary: kept, not explored
    const state = states[from]!;
    successors.forEach(state, (next, action, param) => {
      const name = spec.actions[action]!.name;
      if (spec.actionConstraint && !stepAllowed(spec, state, next, { action: name, param: spec.actions[action]!.domain(state)[param] })) return;
      const to = add(next);
      edges.set(`${from}>${to}>${name}`, { from, to, action: name });
    });
  }
  return { states, initial, edges: [...edges.values()], nodeOf: (s) => ids.get(keyOf(s)) };
}

function tooLarge(model: string, max: number): KripkeError {
  return new KripkeError('invalid-config',
    `'${model}' has more than ${max} reachable states: the state-space picture is for small models ` +
    '(choose a smaller configuration with --set, raise the limit with --max-states, or read the trace graph instead)',
    { model, limit: String(max) });
}

/** The reachable graph as DOT, with `trace` (if given) highlighted. */
export function renderStateGraphDot<S>(spec: Spec<S>, trace?: Trace<S>, maxStates = DEFAULT_MAX_STATES): string {
  return stateGraphDot(spec, exploreStateGraph(spec, maxStates), trace);
}

/** The state graph as DOT, or undefined when the model is too large for the picture. */
export function smallStateGraphDot<S>(spec: Spec<S>, trace: Trace<S>, maxStates = DEFAULT_MAX_STATES): string | undefined {
  try {
    return renderStateGraphDot(spec, trace, maxStates);
  } catch (e) {
    if (e instanceof KripkeError && e.where.limit !== undefined) return undefined;
    throw e;
  }
}

/** Says where the number comes from: the picture explores the whole model, a check may stop at its first violation. */
function countCaption(states: number): string {
  return `${states} reachable states: the whole model, explored for this picture<br/>(a check that stops at its first violation counts fewer; self-loops not drawn)`;
}

function stateGraphDot<S>(spec: Spec<S>, graph: StateGraph<S>, trace: Trace<S> | undefined): string {
  const path = trace ? trace.steps.map((step, i) => nodeOnPath(spec, graph, step.state, i)) : [];
  const colors = trace ? actionColors(trace) : new Map<string, string>();
  const onPath = new Set(path);
  const violating = trace && trace.property !== undefined && lassoOf(trace) === undefined ? path.at(-1) : undefined;
  const title = trace ? `<br/><font color="${V.violation}">${html(propertyCaption(trace))}</font>` : '';
  const lines = [
    'digraph states {',
    `  graph [label=<<b>${html(spec.name)}</b><br/>${countCaption(graph.states.length)}${title}> labelloc=t fontname="${V.font}" pad=0.3];`,
    `  node [shape=ellipse style=filled fillcolor=white color="${V.border}" fontname="${V.valueFont}" fontsize=9 fontcolor="${V.ink}"];`,
    `  edge [color="#cfd8dc" arrowsize=0.6];`,
    ...graph.states.map((state, i) => `  n${i} [${nodeAttributes(graph, spec.display(state), i, onPath.has(i), i === violating)}];`),
    ...graph.edges.filter((e) => e.from !== e.to && !pathEdge(path, e.from, e.to)).map((e) => `  n${e.from} -> n${e.to};`),
    ...(trace ? pathEdges(trace, path, colors) : []),
    '}',
  ];
  return `${lines.join('\n')}\n`;
}

/** The node of a trace's state; the trace must be the model's own (built or re-executed on it). */
function nodeOnPath<S>(spec: Spec<S>, graph: StateGraph<S>, state: S, step: number): number {
  const node = graph.nodeOf(state);
  if (node === undefined) throw new KripkeError('invalid-trace', `state ${step + 1} of the trace is not a reachable state of '${spec.name}'`, { model: spec.name, step: String(step) });
  return node;
}

function nodeAttributes<S>(graph: StateGraph<S>, state: unknown, i: number, onPath: boolean, violating: boolean): string {
  const text = graph.states.length <= LABEL_VALUES_UP_TO ? `${i + 1}\n${formatValue(state, 40)}` : String(i + 1);
  const fill = violating ? V.violationFill : graph.initial.includes(i) ? V.initialFill : 'white';
  const line = violating ? `color="${V.violation}" penwidth=2.5` : onPath ? `color="${V.ink}" penwidth=2` : '';
  return `label=${quoted(text)} tooltip=${quoted(formatValue(state, 400))} fillcolor="${fill}" ${line}`.trim();
}

function pathEdge(path: readonly number[], from: number, to: number): boolean {
  return path.some((node, i) => i > 0 && path[i - 1] === from && node === to);
}

function pathEdges<S>(trace: Trace<S>, path: readonly number[], colors: Map<string, string>): string[] {
  const lasso = lassoOf(trace);
  const lines = trace.steps.slice(1).map((step, i) => {
    const closing = lasso?.close === 'repeat' && i + 1 === trace.steps.length - 1;
    const color = closing ? V.cycle : colors.get(step.action!.name)!;
    const style = closing ? ' style=dashed' : '';
    return `  n${path[i]} -> n${path[i + 1]} [label=${quoted(` ${i + 1}. ${step.action!.label} `)} color="${color}" fontcolor="${color}" fontname="${V.font}" fontsize=10 penwidth=2.6${style}];`;
  });
  if (lasso?.close === 'jump') {
    lines.push(`  n${path.at(-1)} -> n${path[lasso.start]} [label=" ↺ " color="${V.cycle}" style=dashed penwidth=2.6];`);
  }
  return lines;
}

function quoted(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
