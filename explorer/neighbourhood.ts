/**
 * The state-space neighbourhood of the current state as a DOT graph: the predecessors found so
 * far on the left, the successors on the right. A neighbour is labelled with the step between it
 * and the current state, then its place on the current trace or what differs from the current state. Each
 * node names the path that opens it (`targets`), so the page can make the picture clickable.
 */
import { formatValue } from '../checker/format-value.ts';
import { type Change, diffStates, formatChangePath, multisetDelta, setDelta } from '../counterexamples/diff.ts';
import { html } from '../counterexamples/dot.ts';
import { VISUALS as V } from '../counterexamples/visuals.ts';
import type { Neighbourhood } from './api-types.ts';
import type { SeenEdge, SeenGraph } from './seen-graph.ts';

const MAX_SUCCESSORS = 14;
const MAX_PREDECESSORS = 8;

export interface Here {
  readonly node: number | undefined;
  /** The seen-graph node of each state on the current trace, by trace index. */
  readonly trace: readonly (number | undefined)[];
  readonly colors: ReadonlyMap<string, string>;
}

export function neighbourhood(seen: SeenGraph, here: Here): Neighbourhood {
  const { node } = here;
  if (node === undefined)
    return {
      dot: emptyDot('the explorer has recorded too many states to draw more'),
      targets: {},
      predecessors: 0,
      successors: 0,
    };
  const into = seen.predecessors(node).filter((e) => e.from !== node);
  const out = seen.successors(node).filter((e) => e.to !== node);
  const loops = seen.successors(node).length - out.length;
  const targets: Record<string, string> = {};
  const lines = header(here.trace.length, loops);
  const draw = (edges: SeenEdge[], side: 'p' | 's', max: number) => {
    const ends = [...new Set(edges.map((e) => (side === 'p' ? e.from : e.to)))];
    ends.slice(0, max).forEach((other, i) => {
      const id = `${side}${i}`;
      targets[id] = seen.pathOf(other);
      const steps = edges.filter((x) => (side === 'p' ? x.from : x.to) === other);
      lines.push(`  ${id} [${neighbourLabel(seen, node, other, here, steps)}];`);
      for (const e of steps)
        lines.push(
          side === 'p' ? `  ${id} -> here [${edgeColor(e, here)}];` : `  here -> ${id} [${edgeColor(e, here)}];`,
        );
    });
    if (ends.length > max)
      lines.push(`  ${side}more [label="… ${ends.length - max} more" shape=plaintext fontcolor="${V.muted}"];`);
  };
  draw(into, 'p', MAX_PREDECESSORS);
  draw(out, 's', MAX_SUCCESSORS);
  lines.push('}');
  return {
    dot: `${lines.join('\n')}\n`,
    targets,
    predecessors: new Set(into.map((e) => e.from)).size,
    successors: new Set(out.map((e) => e.to)).size,
  };
}

function header(traceLength: number, loops: number): string[] {
  const note = loops > 0 ? `\\n${loops} step${loops === 1 ? '' : 's'} change nothing` : '';
  return [
    'digraph neighbourhood {',
    `  graph [rankdir=LR fontname="${V.font}" nodesep=0.12 ranksep=0.5 pad=0.2];`,
    `  node [shape=box style="rounded,filled" fillcolor=white color="${V.border}" fontname="${V.valueFont}" fontsize=10 fontcolor="${V.ink}"];`,
    `  edge [fontname="${V.font}" fontsize=9 arrowsize=0.6];`,
    `  here [label="State ${traceLength}\\n(here)${note}" fillcolor="${V.changedFill}" color="${V.ink}" penwidth=2 fontname="${V.font}" fontsize=12];`,
  ];
}

/** The steps between the two (in the node: the graph stays narrow), then where it stands or what differs. */
function neighbourLabel(seen: SeenGraph, node: number, other: number, here: Here, steps: readonly SeenEdge[]): string {
  const taken = steps.slice(0, 2).map((e) => truncate(e.label === e.action ? e.label : `${e.action} ${e.label}`, 34));
  if (steps.length > 2) taken.push(`… ${steps.length - 2} more steps`);
  const onTrace = here.trace.indexOf(other);
  if (onTrace >= 0)
    return `label=${quoted([...taken, `State ${onTrace + 1} on this trace`].join('\n'))} fillcolor="${V.initialFill}"`;
  const changes = diffStates(seen.stateOf(node), seen.stateOf(other));
  const lines = changes.slice(0, 3).map((c) => `${formatChangePath(c.path)}: ${changeText(c)}`);
  if (changes.length > 3) lines.push(`… ${changes.length - 3} more`);
  return `label=${quoted([...taken, ...lines].join('\n'))} tooltip=${quoted(seen.pathOf(other))}`;
}

/** A change in a few words: the new value, or for a set or list the members it gains and loses. */
function changeText(change: Change): string {
  const { before, after } = change;
  const delta =
    before instanceof Set && after instanceof Set
      ? setDelta(before, after)
      : Array.isArray(before) && Array.isArray(after)
        ? multisetDelta(before, after)
        : undefined;
  if (delta === undefined) return formatValue(after, 20);
  const one = (sign: string, items: unknown[]) =>
    items.length === 1 ? `${sign}${formatValue(items[0], 20)}` : items.length > 1 ? `${sign}${items.length}` : '';
  return [one('+', delta.added), one('−', delta.removed)].filter(Boolean).join(' ') || 'reordered';
}

function edgeColor(edge: SeenEdge, here: Here): string {
  return `color="${here.colors.get(edge.action) ?? V.muted}" penwidth=1.6`;
}

function emptyDot(why: string): string {
  return `digraph neighbourhood { graph [fontname="${V.font}"]; note [shape=plaintext label=<${html(why)}>]; }\n`;
}

function quoted(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
