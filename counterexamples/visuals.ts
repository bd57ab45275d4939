/**
 * The fixed visual vocabulary shared by every picture of a trace (DOT graph, state graph,
 * sequence chart, HTML report). VISUALS.md explains what each one means; change both together.
 */
import { sameValue } from './diff.ts';
import { FONTS } from './fonts.ts';
import type { Trace } from './trace.ts';

export const VISUALS = {
  /** Fill of the initial state's header. */
  initialFill: '#d6e6f5',
  /** Fill of a field (or nested path) that the step into this state changed. */
  changedFill: '#fff1a8',
  /** Fill and mark of a field the failing property's predicate read (`Trace.why`). */
  readFill: '#ffd9c7',
  readMark: '◆',
  /** A milestone of the model (`Spec.milestones`): `★ v1 chosen in ballot 1`. */
  milestone: '#1b5e20',
  /** Border and header of the state that violates the property. */
  violation: '#c62828',
  violationFill: '#fbe3e3',
  /** The lasso: the loop-back edge and the box around the cycle. */
  cycle: '#6a1b9a',
  /** Ordinary states and text. */
  ink: '#263238',
  muted: '#78909c',
  border: '#b0bec5',
  /** The fonts Graphviz measures with; the SVG names stacks that fit (`fonts.ts`). */
  font: FONTS.sans,
  /** Field names and values: monospace, so text widths agree between Graphviz and any viewer. */
  valueFont: FONTS.mono,
  /** Values longer than this are collapsed with an ellipsis (changed values get more room). */
  valueWidth: 40,
  changedValueWidth: 64,
  /** A record or map of at most this many entries that does not fit on a line gets a row per entry. */
  expandEntries: 8,
} as const;

/** One colour per action name, in order of first appearance; colour-blind-safe first. */
export const ACTION_PALETTE: readonly string[] = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#d55e00',
  '#56b4e9',
  '#cc79a7',
  '#8c564b',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
];

/** Action name → colour, stable for a given trace (first appearance order). */
export function actionColors(trace: Pick<Trace, 'steps'>): Map<string, string> {
  const colors = new Map<string, string>();
  for (const step of trace.steps) {
    const name = step.action?.name;
    if (name !== undefined && !colors.has(name)) colors.set(name, ACTION_PALETTE[colors.size % ACTION_PALETTE.length]!);
  }
  return colors;
}

/** Where a lasso's cycle starts, when the trace is one. */
export function cycleStart(trace: Pick<Trace, 'loop' | 'steps'>): number | undefined {
  const loop = trace.loop;
  return loop !== undefined && loop >= 0 && loop < trace.steps.length ? loop : undefined;
}

/**
 * How a lasso closes. `repeat`: the last state is state `loop` again (what the liveness engine
 * produces), so pictures fold it into that state and draw the last step as the loop-back edge.
 * `stutter`: `loop` is the last state itself, which stays put forever. `jump`: the last state
 * steps back to state `loop` (a trace from elsewhere that omits the closing step).
 */
export type LassoClose = 'repeat' | 'stutter' | 'jump';

export interface Lasso {
  readonly start: number;
  readonly close: LassoClose;
  /** The index of the last state drawn as a node of its own. */
  readonly lastDrawn: number;
}

export function lassoOf(trace: Pick<Trace, 'loop' | 'steps'>): Lasso | undefined {
  const start = cycleStart(trace);
  if (start === undefined) return undefined;
  const last = trace.steps.length - 1;
  if (start === last) return { start, close: 'stutter', lastDrawn: last };
  if (sameValue(trace.steps[last]!.state, trace.steps[start]!.state))
    return { start, close: 'repeat', lastDrawn: last - 1 };
  return { start, close: 'jump', lastDrawn: last };
}

/** "invariant NotSolved is violated after 6 steps" — the caption every picture carries. */
export function propertyCaption(trace: Pick<Trace, 'property' | 'instance' | 'loop' | 'steps'>): string {
  const steps = trace.steps.length - 1;
  const after = `after ${steps} step${steps === 1 ? '' : 's'}`;
  if (trace.property === undefined) return `a trace of ${steps} step${steps === 1 ? '' : 's'}`;
  const violated = `'${trace.property}' is violated${trace.instance === undefined ? '' : ` for ${trace.instance}`}`;
  const lasso = lassoOf(trace);
  if (lasso?.close === 'stutter') return `${violated}: the behaviour stays in state ${lasso.start + 1} forever`;
  if (lasso !== undefined) return `${violated}: the cycle back to state ${lasso.start + 1} repeats forever`;
  return `${violated} ${after}`;
}
