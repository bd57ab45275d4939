/**
 * `definePackedSpec(layout, definition)`: a spec written against object-like views of a packed
 * layout (`views.ts`), checked over its words. Every function of the definition receives views —
 * actions, properties, constraints, display — and returns views; this module turns the definition
 * into the words spec the engines read, so the checker never sees a view.
 */
import { defineSpec } from './define.ts';
import { KripkeError } from './errors.ts';
import { LayoutSymmetry } from './layout-symmetry.ts';
import type { FieldTypes, PackedLayout, Words } from './packed.ts';
import {
  type Property,
  type PropertyConstructors,
  type PropertyEntry,
  propertyConstructors,
  type StepLabel,
} from './properties.ts';
import type { ActionDefinition, Spec, SpecFields } from './types.ts';
import { type Draft, type LayoutViews, type StateView, type ViewRoot, viewsOf } from './views.ts';

/** A definition over views: `init` receives a maker of blank copies. */
export type PackedDefinition<T extends FieldTypes, P extends Record<string, unknown>> = Omit<
  SpecFields<StateView<T>, P>,
  'init' | 'symmetry'
> & {
  readonly init: (blank: () => Draft<T>) => readonly StateView<T>[];
  /** Interchangeable ids (`layoutPermutations(layout, { rms })`), or a function to a representative. */
  readonly symmetry?: LayoutSymmetry | ((state: StateView<T>) => StateView<T>);
};

export function definePackedSpec<T extends FieldTypes, P extends Record<string, unknown>>(
  layout: PackedLayout<T>,
  definition: PackedDefinition<T, P>,
): Spec<Words> {
  const views = viewsOf(layout);
  const { name } = definition;
  const expanded = new ViewCache(views),
    successors = new ViewCache(views);
  /** A state the engines are expanding (actions, parameter domains, a step's first state). */
  const read = (w: Words) => expanded.read(w);
  /** Any other state: successors, whose predicates read the copy the action returned. */
  const readOther = (w: Words) => successors.read(w);
  const words = (value: unknown, where: string): Words => {
    if (views.owns(value)) {
      value.seal();
      successors.remember(value);
      return value.words;
    }
    throw new KripkeError(
      'invalid-value',
      `${where} returned ${describe(value)}, not a state of the layout (return a copy: const t = s.copy(); …; return t)`,
      { model: name },
    );
  };
  /** A function of a state, reading the words through a view (undefined stays undefined). */
  const overState = <R>(f: ((s: StateView<T>) => R) | undefined): ((w: Words) => R) | undefined =>
    f === undefined ? undefined : (w) => f(readOther(w));
  const actions: Record<string, ActionDefinition<Words, unknown>> = {};
  for (const [actionName, action] of Object.entries(
    definition.actions as Record<string, ActionDefinition<StateView<T>, unknown>>,
  )) {
    const { next, params } = action ?? {};
    if (typeof next !== 'function') {
      throw new KripkeError('invalid-spec', `action '${actionName}' needs a 'next' function`, {
        model: name,
        action: actionName,
      });
    }
    const where = `action '${actionName}'`;
    actions[actionName] = {
      ...(params === undefined
        ? {}
        : { params: typeof params === 'function' ? (w: Words) => params(read(w)) : params }),
      next: (w: Words, param: unknown, index: number) => {
        const state = read(w);
        state.hint = index;
        const successor = next(state, param, index);
        return successor === undefined ? undefined : words(successor, where);
      },
    };
  }
  const given = definition.properties ?? [];
  const entries =
    typeof given === 'function' ? given(propertyConstructors as unknown as PropertyConstructors<StateView<T>>) : given;
  const { symmetry, actionConstraint } = definition;
  return defineSpec({
    name,
    layout,
    init: () => definition.init(() => views.blank()).map((s) => words(s, 'init')) as Words[],
    // Built key by key from the definition's actions: the same names, each over words.
    actions: actions as { readonly [K in keyof P]: ActionDefinition<Words, P[K]> },
    properties: entries.map((entry) => entryOverWords(entry, read, readOther)),
    constraint: overState(definition.constraint),
    actionConstraint:
      actionConstraint === undefined
        ? undefined
        : (a: Words, b: Words, step: StepLabel) => actionConstraint(read(a), readOther(b), step),
    checkDeadlock: definition.checkDeadlock,
    display: overState(definition.display),
    view: overState(definition.view),
    terminal: overState(definition.terminal),
    symmetry:
      symmetry === undefined
        ? undefined
        : symmetry instanceof LayoutSymmetry
          ? (w: Words) => symmetry.representative(w)
          : (w: Words) => words(symmetry(readOther(w)), 'symmetry'),
    fairness: definition.fairness,
    milestones: overState(definition.milestones),
    ...(definition.lanes ? { lanes: definition.lanes } : {}),
  });
}

/**
 * Views of words, keeping the last: the engines try every action on a state in turn, so one view
 * serves them all. (A view holds no values, only its words, which never change.) A spec keeps two:
 * one for the state being expanded, one for its successors, which are the copies actions return.
 */
class ViewCache<T extends FieldTypes> {
  private words: Words | undefined;
  private view: (ViewRoot & StateView<T>) | undefined;
  constructor(private readonly views: LayoutViews<T>) {}
  read(words: Words): ViewRoot & StateView<T> {
    if (words !== this.words) {
      this.words = words;
      this.view = this.views.readForStep(words);
    }
    return this.view!;
  }
  remember(view: ViewRoot & StateView<T>): void {
    this.words = view.words;
    this.view = view;
  }
}

type Read<S> = (w: Words) => S;

function entryOverWords<S>(entry: PropertyEntry<S>, before: Read<S>, other: Read<S>): PropertyEntry<Words> {
  if (entry.kind === 'family')
    return { ...entry, members: entry.members.map((m) => propertyOverWords(m, before, other)) };
  return propertyOverWords(entry, before, other);
}

/** The same property with every predicate reading words through a view. */
function propertyOverWords<S>(property: Property<S>, before: Read<S>, other: Read<S>): Property<Words> {
  const on =
    <R>(f: (s: S) => R) =>
    (w: Words) =>
      f(other(w));
  switch (property.kind) {
    case 'always': {
      const { explain, holds, ...rest } = property;
      return { ...rest, holds: on(holds), ...(explain ? { explain: on(explain) } : {}) };
    }
    case 'sometimes':
    case 'eventually':
    case 'alwaysEventually':
    case 'eventuallyAlways':
      return { ...property, holds: on(property.holds) };
    case 'alwaysStep': {
      const { holds } = property;
      return { ...property, holds: (a, b, step) => holds(before(a), other(b), step) };
    }
    case 'leadsTo':
      return { ...property, from: on(property.from), to: on(property.to) };
    case 'refines':
      // Mostly of successors: the check maps the state being expanded once, then each successor.
      return { ...property, map: on(property.map) };
  }
}

function describe(value: unknown): string {
  if (value === null || typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return 'an array';
  return 'an object';
}
