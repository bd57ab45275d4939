import { KripkeError } from './errors.ts';
import { type Fairness, type FairnessConstructors, fairnessConstructors } from './fairness.ts';
import { type Property, type PropertyConstructors, propertyConstructors, type PropertyEntry } from './properties.ts';
import type { StateLayout, Words } from './packed.ts';
import { resolveFairness } from './resolve-fairness.ts';
import type { Action, ActionDefinition, DefinedState, ParamDomain, Spec, SpecDefinition, SpecFields } from './types.ts';

const NO_PARAM: readonly unknown[] = Object.freeze([undefined]);

/**
 * Checks a definition once and resolves it into the form the engines read. The state type and
 * every action's parameter type are inferred: write `init: (): State[] => [...]`, and annotate the
 * state argument of a state-dependent domain (`params: (s: State) => [...s.msgs]`). A definition
 * with a `layout` is a packed spec: its states are `Words`, whatever `init` says.
 */
export function defineSpec<S, P extends Record<string, unknown>, L extends StateLayout | undefined = undefined>(
  definition: SpecDefinition<S, P, L>,
): Spec<DefinedState<S, L>> {
  const layout: unknown = definition.layout;
  if (layout === undefined) return resolveSpec(definition, undefined, (state) => state);
  if (!isStateLayout(layout)) {
    throw new KripkeError('invalid-spec', "'layout' must be a packed layout (packedLayout({ … }) from kripke/spec)", {
      model: definition.name,
    });
  }
  return resolveSpec(definition, layout, (state) => layout.decode(wordsOf(definition.name, state)));
}

function resolveSpec<S, P extends Record<string, unknown>>(
  definition: SpecFields<S, P>,
  layout: StateLayout | undefined,
  display: (state: S) => unknown,
): Spec<S> {
  const { name } = definition;
  if (typeof name !== 'string' || name === '') throw new KripkeError('invalid-spec', 'a spec needs a non-empty name');
  const actions = Object.entries(definition.actions as Record<string, ActionDefinition<S, unknown>>).map(
    ([actionName, def], index) => resolveAction(name, actionName, def, index),
  );
  const given = definition.properties ?? [];
  const entries: readonly PropertyEntry<S>[] =
    typeof given === 'function' ? given(propertyConstructors as unknown as PropertyConstructors<S>) : given;
  const properties = resolveProperties(name, entries);
  const fairnessGiven = definition.fairness ?? [];
  const fairness: readonly Fairness[] =
    typeof fairnessGiven === 'function'
      ? fairnessGiven(fairnessConstructors as unknown as FairnessConstructors<P>)
      : fairnessGiven;
  if (definition.checkDeadlock !== undefined && typeof definition.checkDeadlock !== 'boolean') {
    throw new KripkeError(
      'invalid-spec',
      `checkDeadlock must be true or false, got ${String(definition.checkDeadlock)}`,
      { model: name },
    );
  }
  return {
    name,
    init: definition.init,
    actions,
    properties,
    constraint: definition.constraint,
    actionConstraint: definition.actionConstraint,
    checkDeadlock: definition.checkDeadlock,
    view: definition.view,
    terminal: definition.terminal,
    symmetry: definition.symmetry,
    fairness: resolveFairness(name, actions as readonly Action<unknown>[], fairness),
    formatMessage: definition.formatMessage,
    ...(definition.milestones ? { milestones: definition.milestones } : {}),
    ...(definition.lanes ? { lanes: definition.lanes } : {}),
    layout,
    display: definition.display === undefined ? display : shownBy(name, definition.display),
  };
}

/** The definition's `display` (TLC's ALIAS), its failure named as the model's. */
function shownBy<S>(model: string, display: (state: S) => unknown): (state: S) => unknown {
  return (state) => {
    try {
      return display(state);
    } catch (e) {
      throw new KripkeError('property-threw', `display threw: ${e instanceof Error ? e.message : String(e)}`, {
        model,
      });
    }
  };
}

/** The compiler checks a layout's type; these check it for JavaScript callers, and the states it decodes. */
function isStateLayout(value: unknown): value is StateLayout {
  if (typeof value !== 'object' || value === null) return false;
  const { size, decode, fieldAt } = value as Partial<StateLayout>;
  return Number.isInteger(size) && typeof decode === 'function' && typeof fieldAt === 'function';
}

function wordsOf(model: string, state: unknown): Words {
  if (Array.isArray(state) && state.every(Number.isInteger)) return state;
  throw new KripkeError(
    'invalid-value',
    `'${model}' has a packed layout, but a state to show is not an array of words`,
    { model },
  );
}

function resolveAction<S>(model: string, name: string, def: ActionDefinition<S, unknown>, index: number): Action<S> {
  if (typeof def?.next !== 'function') {
    throw new KripkeError('invalid-spec', `action '${name}' needs a 'next' function`, { model, action: name });
  }
  const params: ParamDomain<S, unknown> | undefined = def.params;
  if (params !== undefined && typeof params !== 'function' && !Array.isArray(params)) {
    throw new KripkeError('invalid-spec', `action '${name}': 'params' must be an array or a function of the state`, {
      model,
      action: name,
    });
  }
  const values = typeof params === 'function' ? undefined : (params ?? NO_PARAM);
  const domain: (state: S) => readonly unknown[] = typeof params === 'function' ? params : () => values!;
  // The engines always pass the parameter's index; tests may call `next(state, param)` directly.
  const next = def.next as (state: S, param: unknown, index?: number) => S | undefined;
  return { index, name, parameterless: params === undefined, domain, values, next };
}

/** Families listed member by member (each under the family's name); names unique across entries. */
function resolveProperties<S>(model: string, entries: readonly PropertyEntry<S>[]): Property<S>[] {
  if (!Array.isArray(entries as unknown))
    throw new KripkeError('invalid-spec', 'properties must be an array (or a function returning one)', { model });
  requireUnique(
    model,
    'properties',
    entries.map((p) => p.name),
  );
  return entries.flatMap((entry) => {
    if (entry.kind !== 'family') return [entry];
    if (entry.members.length === 0) {
      throw new KripkeError(
        'invalid-spec',
        `property '${entry.name}' is a family over no instances (forAll needs at least one)`,
        { model, property: entry.name },
      );
    }
    requireUnique(
      model,
      `instances of '${entry.name}'`,
      entry.members.map((m) => m.instance ?? ''),
    );
    return entry.members;
  });
}

/** `what` in the plural: "two properties are named 'p'". */
function requireUnique(model: string, what: string, names: readonly string[]) {
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw new KripkeError('invalid-spec', `two ${what} are named '${n}'`, { model });
    seen.add(n);
  }
}
