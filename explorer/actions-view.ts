/**
 * The actions at a state, grouped by action: every parameter of its domain, enabled or not, with
 * where it leads, whether it changes nothing, and which invariants or step properties it would
 * break. An action whose code throws here is listed with the error; the others still are.
 * Successors are recorded in the session's seen graph (the neighbourhood picture).
 */
import { formatValue } from '../checker/format-value.ts';
import { formatPath, type ActionPath } from '../checker/path.ts';
import { messageOf } from '../checker/successors.ts';
import { sameValue } from '../counterexamples/diff.ts';
import { stepLabel } from '../counterexamples/actor-labels.ts';
import { ACTION_PALETTE } from '../counterexamples/visuals.ts';
import type { MessageFormat } from '../counterexamples/trace.ts';
import { KripkeError } from '../spec/errors.ts';
import type { Action } from '../spec/types.ts';
import type { ActionGroup, Choice } from './api-types.ts';
import type { ModelSession } from './session.ts';

export function actionGroups(
  session: ModelSession,
  state: unknown,
  path: ActionPath,
  node: number | undefined,
): ActionGroup[] {
  return session.spec.actions.map((action) => {
    const color = ACTION_PALETTE[action.index % ACTION_PALETTE.length]!;
    let domain: readonly unknown[];
    try {
      domain = action.domain(state);
      if (!Array.isArray(domain)) throw new TypeError('params must return an array');
    } catch (e) {
      return { index: action.index, name: action.name, color, choices: [], error: `params threw: ${messageOf(e)}` };
    }
    const choices: Choice[] = [];
    for (let p = 0; p < domain.length; p++) {
      const outcome = choose(session, action, state, domain[p], p, path, node);
      if (typeof outcome === 'string')
        return { index: action.index, name: action.name, color, choices, error: outcome };
      choices.push(outcome);
    }
    return { index: action.index, name: action.name, color, choices };
  });
}

function choose(
  session: ModelSession,
  action: Action<unknown>,
  state: unknown,
  param: unknown,
  p: number,
  path: ActionPath,
  node: number | undefined,
): Choice | string {
  const label = choiceLabel(action, param, session.spec.formatMessage as MessageFormat | undefined);
  let next: unknown;
  try {
    next = session.successors.successor(state, action.index, p);
  } catch (e) {
    return e instanceof KripkeError ? e.message : messageOf(e);
  }
  if (next === undefined) return { param: p, label, enabled: false, noChange: false, target: undefined, violates: [] };
  const target = formatPath({ init: path.init, steps: [...path.steps, { action: action.index, param: p }] });
  const to = session.seen.add(next, target);
  if (node !== undefined && to !== undefined) session.seen.link(node, to, action.name, label);
  return {
    param: p,
    label,
    enabled: true,
    noChange: sameValue(state, next),
    target,
    violates: violated(session, state, next, action.name, param),
  };
}

/** The label of one parameter inside its action's group: `p1→a2: prepare(1)`, `r1`, or the name. */
export function choiceLabel(action: Action<unknown>, param: unknown, format?: MessageFormat): string {
  if (action.parameterless) return action.name;
  const full = stepLabel({ name: action.name, param, label: `${action.name}(${formatValue(param, 60)})` }, 60, format);
  return full.startsWith(`${action.name} `) ? full.slice(action.name.length + 1) : formatValue(param, 80);
}

/**
 * Invariants the step breaks (that hold here and fail after it) and step properties it breaks; a
 * property that throws counts as broken.
 */
function violated(session: ModelSession, before: unknown, after: unknown, action: string, param: unknown): string[] {
  const names: string[] = [];
  for (const property of session.spec.properties) {
    try {
      if (property.kind === 'always' && !property.holds(after) && property.holds(before)) names.push(property.name);
      if (property.kind === 'alwaysStep' && !property.holds(before, after, { action, param }))
        names.push(property.name);
    } catch {
      names.push(property.name);
    }
  }
  return names;
}
