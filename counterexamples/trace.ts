/**
 * A trace rebuilt from a compact path by replaying the spec: every state, every action with its
 * parameter, and what changed. Each step keeps the state itself (what replay, properties and
 * explanations read) and, apart from it, the form people read (`Spec.display`: for a packed spec,
 * its words decoded into named fields), which renderers show and files save.
 */
import { KripkeError } from '../spec/errors.ts';
import type { Spec } from '../spec/types.ts';
import type { ActionPath } from '../checker/path.ts';
import { Successors } from '../checker/successors.ts';
import { formatValue } from '../checker/format-value.ts';
import { type Change, diffStates } from './diff.ts';
import { type Why, whyItFails } from './why.ts';

export interface TraceAction {
  readonly index: number;
  readonly name: string;
  readonly paramIndex: number;
  /** The parameter value; undefined for an action without parameters. */
  readonly param: unknown;
  /** `rmPrepare(r1)` or `tick` — what people read. */
  readonly label: string;
}

export interface TraceStep<S> {
  /** Absent for the initial state. */
  readonly action: TraceAction | undefined;
  /** The state itself: what replay, properties and explanations read (a packed spec's words). */
  readonly state: S;
  /** The state as people read it (`Spec.display`): what every renderer shows and files save. */
  readonly shown: unknown;
  /** What changed from the step before, between the shown forms. */
  readonly changes: readonly Change[];
  /** The model's milestones (`Spec.milestones`) that became true in this state. */
  readonly milestones?: readonly string[];
}

export interface Trace<S = unknown> {
  readonly model: string;
  readonly path: ActionPath;
  readonly steps: readonly TraceStep<S>[];
  /** The states are a packed layout's words (`Spec.layout`): files keep them beside the shown form. */
  readonly packed: boolean;
  /** The violated property, when the trace is a counterexample. */
  readonly property?: string;
  /** For a family (`forAll`): the failing instance. */
  readonly instance?: string;
  /** For a lasso: the index of the step the last state loops back to. */
  readonly loop?: number;
  /** Actor models: how the model prints one of its messages (`Spec.formatMessage`). */
  readonly formatMessage?: MessageFormat;
  /** Actor models: the sequence chart's lanes, when the model orders them (`Spec.lanes`). */
  readonly lanes?: readonly string[];
  /** Why the trace violates its property: what the property says and what it read. */
  readonly why?: Why;
}

export type MessageFormat = (message: unknown) => string;

export interface TraceInfo {
  readonly property?: string;
  readonly instance?: string;
  readonly loop?: number;
}

export function buildTrace<S>(spec: Spec<S>, path: ActionPath, info: TraceInfo = {}): Trace<S> {
  const successors = new Successors(spec, false);
  const inits = successors.initialStates();
  const first = inits[path.init];
  if (first === undefined) {
    throw new KripkeError(
      'invalid-trace',
      `the trace starts at initial state #${path.init}, but '${spec.name}' has ${inits.length}`,
      { model: spec.name, step: '0' },
    );
  }
  let state: S = first;
  const steps: TraceStep<S>[] = [{ action: undefined, state, shown: spec.display(state), changes: [] }];
  path.steps.forEach((step, i) => {
    const action = spec.actions[step.action];
    const next = successors.successor(state, step.action, step.param);
    if (action === undefined || next === undefined) {
      const name = action ? `action '${action.name}'` : `action #${step.action}`;
      throw new KripkeError(
        'invalid-trace',
        `step ${i + 1}: ${name} with parameter #${step.param} is not enabled in the state before it`,
        { model: spec.name, step: String(i + 1) },
      );
    }
    const param = action.domain(state)[step.param];
    const label = action.parameterless ? action.name : `${action.name}(${formatValue(param, 60)})`;
    const shown = spec.display(next);
    steps.push({
      action: { index: step.action, name: action.name, paramIndex: step.param, param, label },
      state: next,
      shown,
      changes: diffStates(steps.at(-1)!.shown, shown),
    });
    state = next;
  });
  const formatMessage = spec.formatMessage as MessageFormat | undefined;
  const why = info.property === undefined ? undefined : whyOf(spec, steps, info.property, info.loop);
  return {
    model: spec.name,
    path,
    steps: withMilestones(spec, steps),
    packed: spec.layout !== undefined,
    ...info,
    ...(formatMessage ? { formatMessage } : {}),
    ...(spec.lanes ? { lanes: spec.lanes } : {}),
    ...(why ? { why } : {}),
  };
}

function whyOf<S>(
  spec: Spec<S>,
  steps: readonly TraceStep<S>[],
  property: string,
  loop: number | undefined,
): Why | undefined {
  const action = steps.at(-1)?.action;
  const step = action && { action: action.name, param: action.param };
  return whyItFails(
    spec,
    steps.map((s) => s.state),
    steps.map((s) => s.shown),
    property,
    loop,
    step,
  );
}

/** Each step with the milestones that became true in it (a milestone that throws is shown as such). */
function withMilestones<S>(spec: Spec<S>, steps: TraceStep<S>[]): TraceStep<S>[] {
  const facts = spec.milestones;
  if (facts === undefined) return steps;
  let before = new Set<string>();
  return steps.map((step) => {
    let now: Set<string>;
    try {
      now = new Set(facts(step.state));
    } catch (e) {
      now = new Set([`milestones threw: ${e instanceof Error ? e.message : String(e)}`]);
    }
    const fresh = [...now].filter((m) => !before.has(m));
    before = now;
    return fresh.length > 0 ? { ...step, milestones: fresh } : step;
  });
}
