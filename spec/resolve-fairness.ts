/**
 * Fairness assumptions checked against the spec before any run and put in the form the liveness
 * engine reads: `allActions` expanded into one member per action, every member naming a real
 * action, and — where the action's domain is fixed (an array) — a parameter that equals one of its
 * values, or a predicate that some value satisfies. A mistake is an error naming the action and
 * listing its domain, so a misspelt argument never silently becomes "this assumption never applies".
 */
import { canonicalKey } from './canonical.ts';
import { KripkeError } from './errors.ts';
import { allActions, type Fairness, type FairMember } from './fairness.ts';
import type { Action } from './types.ts';

/** A member of a resolved group: one action, possibly restricted to some of its parameters. */
export interface ActionInstances {
  readonly action: string;
  readonly param?: unknown;
  readonly where?: (param: never) => boolean;
}

/** A fairness assumption as the engines read it. */
export interface FairnessAssumption {
  readonly kind: 'weak' | 'strong';
  readonly members: readonly ActionInstances[];
  /** True for `weak(allActions)`: shown as `Next` rather than as the list of every action. */
  readonly everyAction: boolean;
}

export function resolveFairness(
  model: string,
  actions: readonly Action<unknown>[],
  given: readonly Fairness[],
): FairnessAssumption[] {
  if (!Array.isArray(given as unknown))
    throw new KripkeError('invalid-spec', 'fairness must be an array (or a function returning one)', { model });
  return given.map((f) => {
    if (
      (f?.kind !== 'weak' && f?.kind !== 'strong') ||
      !Array.isArray(f.members as unknown) ||
      f.members.length === 0
    ) {
      throw new KripkeError(
        'invalid-spec',
        'a fairness assumption must be built with weak(…) or strong(…) and name at least one action',
        { model },
      );
    }
    const members = f.members.flatMap((m) => expand(m, actions));
    for (const m of members) check(model, f.kind, m, actions);
    return { kind: f.kind, members, everyAction: f.members.some((m) => m.action === allActions) };
  });
}

function expand(member: FairMember, actions: readonly Action<unknown>[]): ActionInstances[] {
  const { action } = member;
  if (action !== allActions) return [{ ...member, action }];
  return actions.map((a) => ({ ...member, action: a.name }));
}

function check(model: string, kind: string, member: ActionInstances, actions: readonly Action<unknown>[]): void {
  const action = actions.find((a) => a.name === member.action);
  const where = { model, action: member.action };
  if (action === undefined) {
    throw new KripkeError(
      'invalid-spec',
      `${kind} fairness names unknown action '${member.action}'; actions: ${actions.map((a) => a.name).join(', ')}`,
      where,
    );
  }
  const restricted = 'param' in member || member.where !== undefined;
  if (restricted && action.parameterless) {
    throw new KripkeError(
      'invalid-spec',
      `${kind} fairness of '${action.name}': the action has no parameter, so the assumption cannot name one`,
      where,
    );
  }
  if (!restricted || action.values === undefined) return; // a state-dependent domain is checked after the run
  if (!action.values.some((value) => matches(model, kind, action.name, member, value))) {
    const wanted = 'param' in member ? `parameter ${describe(member.param)}` : 'the predicate';
    throw new KripkeError(
      'invalid-spec',
      `${kind} fairness of '${action.name}': ${wanted} matches no value of the action's domain; ` +
        `domain: ${listDomain(action.values)}`,
      where,
    );
  }
}

/** Whether `value` (a parameter of `action`) is one of the member's instances. */
export function matches(model: string, kind: string, action: string, member: ActionInstances, value: unknown): boolean {
  if ('param' in member) return canonicalKey(member.param) === canonicalKey(value);
  if (member.where === undefined) return true;
  let result: unknown;
  try {
    result = (member.where as (param: unknown) => boolean)(value);
  } catch (e) {
    throw new KripkeError(
      'invalid-spec',
      `${kind} fairness of '${action}': the predicate threw on ${describe(value)}: ${e instanceof Error ? e.message : String(e)}`,
      { model, action },
    );
  }
  if (typeof result !== 'boolean') {
    throw new KripkeError(
      'invalid-spec',
      `${kind} fairness of '${action}': the predicate returned ${typeof result}, not a boolean`,
      { model, action },
    );
  }
  return result;
}

/** The domain as an error lists it: every value, or the first 20 of a long one. */
function listDomain(values: readonly unknown[]): string {
  const shown = values.slice(0, 20).map(describe).join(', ');
  return values.length > 20 ? `${shown}, … (${values.length} values)` : shown;
}

/** A parameter as the error shows it: its canonical text, cut short. */
function describe(value: unknown): string {
  const text = canonicalKey(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
