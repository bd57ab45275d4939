import { KripkeError } from './errors.ts';
import { type Property, type PropertyConstructors, propertyConstructors } from './properties.ts';
import type { StateLayout, Words } from './packed.ts';
import type {
  Action, ActionDefinition, DefinedState, ParamDomain, Spec, SpecDefinition, SpecFields,
} from './types.ts';

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
    throw new KripkeError('invalid-spec', "'layout' must be a packed layout (packedLayout({ … }) from kripke/spec)", { model: definition.name });
  }
  return resolveSpec(definition, layout, (state) => layout.decode(wordsOf(definition.name, state)));
}

function resolveSpec<S, P extends Record<string, unknown>>(definition: SpecFields<S, P>, layout: StateLayout | undefined, display: (state: S) => unknown): Spec<S> {
  const { name } = definition;
  if (typeof name !== 'string' || name === '') throw new KripkeError('invalid-spec', 'a spec needs a non-empty name');
  const actions = Object.entries(definition.actions as Record<string, ActionDefinition<S, unknown>>).map(
    ([actionName, def], index) => resolveAction(name, actionName, def, index),
  );
  const given = definition.properties ?? [];
  const properties: readonly Property<S>[] =
    typeof given === 'function' ? given(propertyConstructors as unknown as PropertyConstructors<S>) : given;
  if (!Array.isArray(properties)) throw new KripkeError('invalid-spec', 'properties must be an array (or a function returning one)', { model: name });
  requireUnique(name, 'property', properties.map((p) => p.name));
  const fairness = definition.fairness ?? [];
  const actionNames = new Set(actions.map((a) => a.name));
  for (const f of fairness) {
    if (!actionNames.has(f.action)) {
      throw new KripkeError('invalid-spec', `${f.kind} fairness names unknown action '${f.action}'; actions: ${[...actionNames].join(', ')}`, { model: name });
    }
  }
  return {
    name,
    init: definition.init,
    actions,
    properties,
    constraint: definition.constraint,
    view: definition.view,
    terminal: definition.terminal,
    symmetry: definition.symmetry,
    fairness,
    formatMessage: definition.formatMessage,
    layout,
    display,
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
  throw new KripkeError('invalid-value', `'${model}' has a packed layout, but a state to show is not an array of words`, { model });
}

function resolveAction<S>(model: string, name: string, def: ActionDefinition<S, unknown>, index: number): Action<S> {
  if (typeof def?.next !== 'function') {
    throw new KripkeError('invalid-spec', `action '${name}' needs a 'next' function`, { model, action: name });
  }
  const params: ParamDomain<S, unknown> | undefined = def.params;
  if (params !== undefined && typeof params !== 'function' && !Array.isArray(params)) {
    throw new KripkeError('invalid-spec', `action '${name}': 'params' must be an array or a function of the state`, { model, action: name });
  }
  const domain: (state: S) => readonly unknown[] =
    params === undefined ? () => NO_PARAM : typeof params === 'function' ? params : () => params;
  // The engines always pass the parameter's index; tests may call `next(state, param)` directly.
  const next = def.next as (state: S, param: unknown, index?: number) => S | undefined;
  return { index, name, parameterless: params === undefined, domain, next };
}

function requireUnique(model: string, what: string, names: readonly string[]) {
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw new KripkeError('invalid-spec', `two ${what}s are named '${n}'`, { model });
    seen.add(n);
  }
}
