/**
 * A trace as text: the initial state in full, then each step's action with its parameter and
 * the fields it changed (highlighted in a terminal), and for a lasso, where the cycle starts.
 */
import { paintWith } from './ansi.ts';
import { formatValue } from '../checker/format-value.ts';
import { messageLabel, stepLabel } from './actor-labels.ts';
import { type Change, formatChangePath, multisetDelta, setDelta } from './diff.ts';
import { gapSummary, outline } from './outline.ts';
import type { MessageFormat, Trace } from './trace.ts';

export interface TextOptions {
  /** ANSI colours (default: off; the CLI turns them on for a terminal). */
  readonly color?: boolean;
  /** Print every state in full, not just the changes. */
  readonly full?: boolean;
  /**
   * Fold a trace of more states than this as its picture does (first and last states, milestones,
   * the failing state; a line counting the actions of each stretch left out): a terminal should not
   * scroll through 20,000 states. Default: every state.
   */
  readonly foldBeyond?: number;
}

/** The CLI folds a counterexample of more states than this on the terminal (`trace.txt` keeps every one). */
export const TERMINAL_FOLD_BEYOND = 200;

export function renderTraceText(trace: Trace, options: TextOptions = {}): string {
  const paint = paintWith(options.color === true);
  const lines: string[] = [];
  const items = outline(
    trace,
    trace.steps.length - 1,
    options.foldBeyond ?? Number.POSITIVE_INFINITY,
    trace.loop === undefined ? [] : [trace.loop],
  );
  let afterGap = false;
  for (const item of items) {
    if (item.kind === 'gap') {
      const count = item.to - item.from + 1;
      lines.push(
        paint(
          'dim',
          `  ⋮ states ${n(item.from + 1)}–${n(item.to + 1)} not shown (${n(count)} step${count === 1 ? '' : 's'}: ${gapSummary(item.actions)}; trace.txt under --out has every one)`,
        ),
      );
    } else {
      // The first state after a fold is shown whole: its changes alone would not say where things stand.
      renderStep(trace, item.index, options.full === true || afterGap, paint, lines);
    }
    afterGap = item.kind === 'gap';
  }
  lines.push(...loopLines(trace, paint));
  return lines.join('\n');
}

const n = (x: number) => x.toLocaleString('en-US');

/** State `i`: its action and the fields it changed, or (`full`) every field, changed ones highlighted. */
function renderStep(
  trace: Trace,
  i: number,
  full: boolean,
  paint: ReturnType<typeof paintWith>,
  lines: string[],
): void {
  const step = trace.steps[i]!;
  const stutters = trace.loop === trace.steps.length - 1;
  const loopMark =
    trace.loop === i ? paint('magenta', stutters ? '  ◀ stays here forever' : '  ◀ the cycle starts here') : '';
  if (step.action === undefined) {
    lines.push(`${paint('bold', `State ${i + 1}`)} (initial)${loopMark}`);
    lines.push(...fieldLines(step.shown).map((l) => `    ${l}`));
    return;
  }
  lines.push(
    `${paint('bold', `State ${i + 1}`)} ← ${paint('cyan', stepLabel(step.action, 100, trace.formatMessage))}${loopMark}`,
  );
  if (full) {
    const changed = new Set(step.changes.map((c) => String(c.path[0])));
    for (const [key, value] of entries(step.shown)) {
      const line = `${key} = ${formatValue(value)}`;
      lines.push(`    ${changed.has(key) ? paint('yellow', line) : line}`);
    }
    return;
  }
  if (step.changes.length === 0) lines.push(`    ${paint('dim', '(no change: the state repeats)')}`);
  for (const change of step.changes) lines.push(`    ${changeLine(change, paint, trace.formatMessage)}`);
}

/**
 * `rm.r1: "working" → "prepared"`; for a Set, or an array that grew or shrank (a network, a log),
 * the members added and removed: `msgs: + "commit"`.
 */
export function changeLine(change: Change, paint: ReturnType<typeof paintWith>, format?: MessageFormat): string {
  const path = paint('yellow', formatChangePath(change.path));
  const { before, after } = change;
  const delta =
    before instanceof Set && after instanceof Set
      ? setDelta(before, after)
      : Array.isArray(before) && Array.isArray(after)
        ? multisetDelta(before, after)
        : undefined;
  if (delta) {
    const { added, removed } = delta;
    const parts = [
      ...added.map((m) => paint('green', `+ ${memberText(m, format)}`)),
      ...removed.map((m) => paint('red', `− ${memberText(m, format)}`)),
    ];
    return `${path}: ${parts.join('  ')}`;
  }
  return `${path}: ${paint('red', formatValue(before, 60))} → ${paint('green', formatValue(after, 60))}`;
}

/** A member of a changed collection; a message envelope reads `p1→a2: accept(1, "v1")`. */
function memberText(member: unknown, format?: MessageFormat): string {
  if (typeof member === 'object' && member !== null && 'from' in member && 'to' in member && 'msg' in member) {
    const { from, to, msg } = member as { from: unknown; to: unknown; msg: unknown };
    return `${String(from)}→${String(to)}: ${messageLabel(msg, 80, format)}`;
  }
  return formatValue(member, 80);
}

/** How a lasso ends: stuttering in its last state, or the last step returning to the loop's start. */
function loopLines(trace: Trace, paint: ReturnType<typeof paintWith>): string[] {
  if (trace.loop === undefined) return [];
  const last = trace.steps.length;
  if (trace.loop === last - 1) {
    return [
      paint('magenta', `  ↺ state ${last} repeats forever: the system stutters there (it takes no further step)`),
    ];
  }
  return [
    paint(
      'magenta',
      `  ↺ the step into state ${last} loops back: state ${last} is state ${trace.loop + 1} again, ` +
        `and states ${trace.loop + 1}–${last} repeat forever`,
    ),
  ];
}

function entries(state: unknown): [string, unknown][] {
  if (
    typeof state === 'object' &&
    state !== null &&
    !Array.isArray(state) &&
    !(state instanceof Map) &&
    !(state instanceof Set)
  ) {
    return Object.entries(state);
  }
  return [['(state)', state]];
}

function fieldLines(state: unknown): string[] {
  return entries(state).map(([k, v]) => `${k} = ${formatValue(v)}`);
}
