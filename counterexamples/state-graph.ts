/**
 * The state space around a counterexample: the trace's states and the states within k steps of
 * them (`neighbourhood.ts`), with the path drawn on them, to see which other moves were possible
 * along the way. Works for models of any size; a small model is drawn whole. Its caption states
 * its numbers next to the check's, so "17 states drawn" never reads as "the model has 17 states".
 */
import { formatValue } from '../checker/format-value.ts';
import { KripkeError } from '../spec/errors.ts';
import type { Spec } from '../spec/types.ts';
import { stepLabel } from './actor-labels.ts';
import { html } from './dot.ts';
import { DEFAULT_MAX_NODES, type Neighbourhood, neighbourhood } from './neighbourhood.ts';
import type { Trace } from './trace.ts';
import { actionColors, lassoOf, propertyCaption, VISUALS as V } from './visuals.ts';

export { exploreStateGraph, DEFAULT_MAX_STATES, type StateGraph } from './reachable-graph.ts';
export { DEFAULT_MAX_NODES } from './neighbourhood.ts';

/** States are labelled with their values up to this many drawn states; beyond, the trace's with their numbers only. */
const LABEL_VALUES_UP_TO = 40;

export interface StateGraphOptions {
  /** At most this many states are drawn: the neighbourhood's radius shrinks to fit. */
  readonly maxNodes?: number;
  /** The distinct states the check explored, to state both numbers side by side. */
  readonly explored?: number;
}

/** The neighbourhood of `trace` in `spec`'s state space as DOT; the trace must be the model's own (built or re-executed on it). */
export function renderStateGraphDot<S>(spec: Spec<S>, trace: Trace<S>, options: StateGraphOptions = {}): string {
  const maxNodes = options.maxNodes ?? DEFAULT_MAX_NODES;
  const graph = neighbourhood(
    spec,
    trace.steps.map((s) => s.state),
    maxNodes,
  );
  if (graph.onTrace > maxNodes) throw traceTooLong(spec.name, graph.onTrace, maxNodes);
  const path = trace.steps.map((step) => graph.nodeOf(step.state)!);
  const colors = actionColors(trace);
  const violating = trace.property !== undefined && lassoOf(trace) === undefined ? path.at(-1) : undefined;
  const positions = tracePositions(path);
  const lines = [
    'digraph states {',
    `  graph [label=<<b>${html(spec.name)}</b><br/>${countCaption(graph, options.explored)}<br/><font color="${V.violation}">${html(propertyCaption(trace))}</font>> labelloc=t fontname="${V.font}" pad=0.3];`,
    `  node [shape=ellipse style=filled fillcolor=white color="${V.border}" fontname="${V.valueFont}" fontsize=9 fontcolor="${V.ink}"];`,
    `  edge [color="#cfd8dc" arrowsize=0.6];`,
    ...graph.states.map(
      (state, i) => `  n${i} [${nodeAttributes(graph, spec.display(state), i, positions.get(i), i === violating)}];`,
    ),
    ...graph.edges
      .filter((e) => e.from !== e.to && !pathEdge(path, e.from, e.to))
      .map((e) => `  n${e.from} -> n${e.to};`),
    ...pathEdges(trace, path, colors),
    '}',
  ];
  return `${lines.join('\n')}\n`;
}

/** The state space is drawn around the trace: a trace of more states than the bound has no picture (its trace graph summarises it). */
function traceTooLong(model: string, states: number, max: number): KripkeError {
  return new KripkeError(
    'invalid-trace',
    `the counterexample of '${model}' passes through ${states.toLocaleString('en-US')} distinct states, ` +
      `more than the ${max} a state-space picture draws (kripke render <trace.json> --format states --max-states <n> draws more; or read the trace graph)`,
    { model, limit: String(max) },
  );
}

/**
 * The picture, or undefined when the trace alone has more states than it draws; `skipped` is then
 * told why, so that whoever writes the files can say so.
 */
export function stateGraphDotIfDrawable<S>(
  spec: Spec<S>,
  trace: Trace<S>,
  options: StateGraphOptions = {},
  skipped?: (why: string) => void,
): string | undefined {
  try {
    return renderStateGraphDot(spec, trace, options);
  } catch (e) {
    if (!(e instanceof KripkeError) || e.where.limit === undefined) throw e;
    skipped?.(e.message);
    return undefined;
  }
}

/** What is drawn, and how it relates to what the check explored. */
export function countCaption<S>(graph: Neighbourhood<S>, explored?: number): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const others = graph.states.length - graph.onTrace;
  const trace = `the ${n(graph.onTrace)} states of the counterexample`;
  const check =
    explored === undefined
      ? ''
      : graph.closed
        ? explored < graph.states.length
          ? `<br/>(the check stopped at the violation after ${n(explored)} distinct states)`
          : ''
        : `<br/>the check explored ${n(explored)} distinct states`;
  const drawn = graph.closed
    ? `every reachable state: ${trace} and ${n(others)} others`
    : graph.radius === 0
      ? `${trace} (their other successors are too many to draw)`
      : `${trace} and ${n(others)} states within ${graph.radius} step${graph.radius === 1 ? '' : 's'} of it`;
  const dashed = graph.closed ? '' : '; dashed outline: more successors, not drawn';
  return `${drawn}${check}<br/>(self-loops not drawn${dashed})`;
}

/** Trace node → the states of the trace it is (1-based, as the trace graph numbers them). */
function tracePositions(path: readonly number[]): Map<number, number[]> {
  const positions = new Map<number, number[]>();
  path.forEach((node, i) => positions.set(node, [...(positions.get(node) ?? []), i + 1]));
  return positions;
}

function nodeAttributes<S>(
  graph: Neighbourhood<S>,
  state: unknown,
  i: number,
  positions: number[] | undefined,
  violating: boolean,
): string {
  const number = positions ? positions.join(', ') : '';
  const text = graph.states.length <= LABEL_VALUES_UP_TO ? `${number}\n${formatValue(state, 40)}`.trim() : number;
  const fill = violating ? V.violationFill : graph.initial.has(i) ? V.initialFill : 'white';
  const line = violating ? `color="${V.violation}" penwidth=2.5` : positions ? `color="${V.ink}" penwidth=2` : '';
  const style = graph.open.has(i) ? 'style="filled,dashed"' : '';
  const size = text === '' ? 'width=0.25 height=0.18' : '';
  return `label=${quoted(text)} tooltip=${quoted(formatValue(state, 400))} fillcolor="${fill}" ${line} ${style} ${size}`
    .replace(/ +/g, ' ')
    .trim();
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
    return `  n${path[i]} -> n${path[i + 1]} [label=${quoted(` ${i + 1}. ${stepLabel(step.action!, 60, trace.formatMessage)} `)} color="${color}" fontcolor="${color}" fontname="${V.font}" fontsize=10 penwidth=2.6${style}];`;
  });
  if (lasso?.close === 'jump') {
    lines.push(
      `  n${path.at(-1)} -> n${path[lasso.start]} [label=" ↺ " color="${V.cycle}" style=dashed penwidth=2.6];`,
    );
  }
  return lines;
}

function quoted(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
