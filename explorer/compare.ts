/**
 * Two traces side by side, step by step: the fields in which their states differ, highlighted in
 * both trees, and the first step where they diverge named. The right trace is another path, or
 * the left trace's actions replayed under another model (a variant, other settings), matched by
 * action name and parameter value, as far as they stay enabled there.
 */
import { formatPath, type ActionPath, type PathStep } from '../checker/path.ts';
import { stepLabel } from '../counterexamples/actor-labels.ts';
import { type Change, diffStates, formatChangePath, sameValue } from '../counterexamples/diff.ts';
import { buildTrace, type Trace } from '../counterexamples/trace.ts';
import type { CompareRequest, CompareResult, CompareRow, ModelKey, StepSummary } from './api-types.ts';
import type { ModelSession } from './session.ts';
import type { Sessions } from './sessions.ts';
import { valueTree } from './value-tree.ts';

export async function compareTraces(sessions: Sessions, request: CompareRequest): Promise<CompareResult> {
  const leftSession = await sessions.get(request.left.key);
  const left = buildTrace(leftSession.spec, leftSession.stateAt(request.left.path).path);
  const rightSession = await sessions.get(request.right.key);
  const { path: rightPath, stop }: Replay =
    'replay' in request.right
      ? replayActions(rightSession, left)
      : { path: rightSession.stateAt(request.right.path).path, stop: undefined };
  const right = buildTrace(rightSession.spec, rightPath);
  const rows = Array.from({ length: Math.max(left.steps.length, right.steps.length) }, (_, i) => row(left, right, i));
  const differing = rows.find((r) => r.differences.length > 0 || !r.left || !r.right || r.left.label !== r.right.label);
  const found = differing && { step: differing.index, message: describe(differing) };
  return {
    leftTitle: title(leftSession.info.key, leftSession.info.variant, left),
    rightTitle: title(rightSession.info.key, rightSession.info.variant, right),
    rows,
    divergence: stop && (!found || stop.step <= found.step) ? stop : found,
    rightPath: formatPath(rightPath),
  };
}

/** `stop.step` is the index of the state the step would have led to (as compare rows count). */
interface Replay {
  readonly path: ActionPath;
  readonly stop: { step: number; message: string } | undefined;
}

/** The left trace's steps taken in the right model while each is enabled there. */
function replayActions(session: ModelSession, left: Trace): Replay {
  const { spec, successors } = session;
  let state = successors.initialStates()[left.path.init];
  const steps: PathStep[] = [];
  const under = session.info.variant ? `under variant ${session.info.variant}` : `in ${spec.name}`;
  if (state === undefined)
    return {
      path: { init: 0, steps },
      stop: { step: 0, message: `${spec.name} has no initial state #${left.path.init}` },
    };
  for (const [i, step] of left.steps.slice(1).entries()) {
    const taken = step.action!;
    const action = spec.actions.find((a) => a.name === taken.name);
    const param = action?.domain(state).findIndex((p) => sameValue(p, taken.param)) ?? -1;
    const next = action && param >= 0 ? successors.successor(state, action.index, param) : undefined;
    if (action === undefined || next === undefined) {
      const label = stepLabel(taken, 80, left.formatMessage);
      return {
        path: { init: left.path.init, steps },
        stop: { step: i + 1, message: `state ${i + 2}: ${label} is not enabled ${under}` },
      };
    }
    steps.push({ action: action.index, param });
    state = next;
  }
  return { path: { init: left.path.init, steps }, stop: undefined };
}

function row(left: Trace, right: Trace, index: number): CompareRow {
  const a = left.steps[index],
    b = right.steps[index];
  const changes = a && b ? diffStates(a.shown, b.shown) : [];
  return {
    index,
    left: a && summary(left, index),
    right: b && summary(right, index),
    differences: changes.map((c) => formatChangePath(c.path)),
    leftState: a && valueTree(a.shown, changes.map(swap)),
    rightState: b && valueTree(b.shown, changes),
  };
}

/** The left tree marks its fields with the right trace's values as "before", and vice versa. */
function swap(change: Change): Change {
  return { path: change.path, before: change.after, after: change.before };
}

function summary(trace: Trace, index: number): StepSummary {
  const step = trace.steps[index]!;
  return {
    index,
    label: step.action ? stepLabel(step.action, 80, trace.formatMessage) : 'initial state',
    action: step.action?.name,
    color: undefined,
    changes: step.changes.length,
  };
}

function describe(r: CompareRow): string {
  const state = `state ${r.index + 1}`;
  if (!r.left || !r.right) return `${state}: only the ${r.left ? 'left' : 'right'} trace goes on`;
  if (r.left.label !== r.right.label)
    return `${state}: the left trace takes ${r.left.label}, the right ${r.right.label}`;
  const shown = r.differences.slice(0, 4).join(', ');
  return `${state}: the states differ in ${shown}${r.differences.length > 4 ? ` and ${r.differences.length - 4} more` : ''}`;
}

function title(key: ModelKey, variant: string | undefined, trace: Trace): string {
  const settings = Object.entries(key.settings)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  return `${key.model}${variant ? ` · ${variant}` : ''}${settings ? ` · ${settings}` : ''} · ${trace.steps.length - 1} steps`;
}
