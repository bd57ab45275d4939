/**
 * Everything the page shows about one state: the trace that led there, the state as a tree (and
 * per-process columns for actor models), the actions, the properties, the pictures (trace graph
 * as DOT for the page's Graphviz, sequence chart as SVG, the neighbourhood) and, when a trace is
 * pinned, its steps. A model that throws at a step yields the view of the state before, with the error.
 */
import { formatPath, type ActionPath } from '../checker/path.ts';
import { renderTraceDot } from '../counterexamples/dot.ts';
import { renderSequenceChart } from '../counterexamples/sequence-chart.ts';
import { buildTrace, type MessageFormat, type Trace } from '../counterexamples/trace.ts';
import { stepLabel } from '../counterexamples/actor-labels.ts';
import { ACTION_PALETTE, actionColors, lassoOf } from '../counterexamples/visuals.ts';
import { KripkeError } from '../spec/errors.ts';
import type { LineRequest, StateRequest, StateView, StepSummary } from './api-types.ts';
import { actionGroups, choiceLabel } from './actions-view.ts';
import { neighbourhood } from './neighbourhood.ts';
import { processTable } from './processes.ts';
import { propertyStatuses } from './properties-view.ts';
import type { ModelSession } from './session.ts';
import { valueTree } from './value-tree.ts';

export function stateView(session: ModelSession, request: StateRequest): StateView {
  const replayed = session.replay(session.parse(request.path));
  const { states, path } = replayed;
  const state = states.at(-1);
  const line = request.line && lineTrace(session, request.line);
  const trace = buildTrace(session.spec, path, pictureInfo(session, path, states, line));
  const colors = pageColors(session, line ?? trace);
  const trail = trailNodes(session, states, path);
  const current = trace.steps.at(-1)!;
  const tree = valueTree(current.shown, current.changes);
  const actions = actionGroups(session, state, path, trail.at(-1));
  const enabled = actions.some((g) => g.choices.some((c) => c.enabled));
  const last = current.action && { action: current.action.name, param: current.action.param };
  return {
    model: session.info,
    path: formatPath(path),
    steps: summaries(trace, colors),
    error: replayed.error,
    state: tree,
    processes: processTable(current.shown, trace.steps.at(-2)?.shown, tree, trace.formatMessage),
    actions: actions.map((g) => ({ ...g, color: colors.get(g.name) ?? g.color })),
    properties: propertyStatuses(session.spec.properties, { states, last }),
    end: enabled || actions.some((g) => g.error) ? undefined : session.spec.terminal?.(state) ? 'terminal' : 'deadlock',
    traceDot: renderTraceDot(trace),
    sequenceSvg: session.info.actor ? renderSequenceChart(trace) : undefined,
    neighbourhood: neighbourhood(session.seen, { node: trail.at(-1), trace: trail, colors }),
    line: line && { steps: summaries(line, colors), loop: line.loop, property: line.property, wrapTo: wrapTo(line) },
  };
}

/** The pinned trace; it must replay entirely (it came from a check, a file or a walk). */
function lineTrace(session: ModelSession, line: LineRequest): Trace {
  const path = session.parse(line.path);
  const info = {
    ...(line.property !== undefined ? { property: line.property } : {}),
    ...(line.loop !== undefined ? { loop: line.loop } : {}),
  };
  if (line.loop !== undefined && !(line.loop >= 0 && line.loop <= path.steps.length)) {
    throw new KripkeError('invalid-trace', `loop ${line.loop} is outside the trace's ${path.steps.length + 1} states`, {
      model: session.spec.name,
    });
  }
  return buildTrace(session.spec, path, info);
}

/**
 * What the trace graph marks: the property when this state violates an invariant (or is the end
 * of the pinned counterexample), and the cycle when this is the whole pinned lasso.
 */
function pictureInfo(session: ModelSession, path: ActionPath, states: readonly unknown[], line: Trace | undefined) {
  const whole = line !== undefined && formatPath(line.path) === formatPath(path);
  if (whole && line.property !== undefined)
    return { property: line.property, ...(line.loop !== undefined ? { loop: line.loop } : {}) };
  const failing = session.spec.properties.find((p) => {
    try {
      return p.kind === 'always' && !p.holds(states.at(-1));
    } catch {
      return false;
    }
  });
  return failing ? { property: failing.name } : {};
}

/**
 * Where stepping past a lasso's end goes: its last state is the cycle's first again (`repeat`), so
 * on to the one after; or the trace omits the closing step (`jump`), so to the first. A state that
 * stutters forever goes nowhere.
 */
function wrapTo(line: Trace): number | undefined {
  const lasso = lassoOf(line);
  if (lasso === undefined || lasso.close === 'stutter') return undefined;
  return lasso.close === 'repeat' ? Math.min(lasso.start + 1, line.steps.length - 1) : lasso.start;
}

/** One colour per action: the trace's (as its graph draws them), then the rest in spec order. */
function pageColors(session: ModelSession, trace: Trace): Map<string, string> {
  const colors = actionColors(trace);
  for (const action of session.spec.actions) {
    if (!colors.has(action.name)) colors.set(action.name, ACTION_PALETTE[colors.size % ACTION_PALETTE.length]!);
  }
  return colors;
}

function summaries(trace: Trace, colors: ReadonlyMap<string, string>): StepSummary[] {
  return trace.steps.map((step, index) => ({
    index,
    label: step.action ? stepLabel(step.action, 80, trace.formatMessage) : 'initial state',
    action: step.action?.name,
    color: step.action ? colors.get(step.action.name) : undefined,
    changes: step.changes.length,
  }));
}

/** Records the trace's states in the seen graph, with the steps between them. */
function trailNodes(session: ModelSession, states: readonly unknown[], path: ActionPath): (number | undefined)[] {
  const nodes = states.map((s, i) =>
    session.seen.add(s, formatPath({ init: path.init, steps: path.steps.slice(0, i) })),
  );
  path.steps.forEach((step, i) => {
    const from = nodes[i],
      to = nodes[i + 1];
    if (from === undefined || to === undefined) return;
    const action = session.spec.actions[step.action]!;
    session.seen.link(
      from,
      to,
      action.name,
      choiceLabel(
        action,
        action.domain(states[i])[step.param],
        session.spec.formatMessage as MessageFormat | undefined,
      ),
    );
  });
  return nodes;
}
