/**
 * The disjoint union of several specs: one spec whose initial states are all of theirs, each
 * tagged with its part's number, and whose actions, properties and fairness are theirs renamed
 * `i:name` and enabled on part i only. A worker thread takes about a second to start, so the
 * equivalence test checks a bundle of random specs in one parallel run, and still reads each
 * part's own figures: its actions' coverage (successors computed, new states found) and its
 * properties' verdicts.
 */
import { defineSpec } from '../../spec/define.ts';
import type { Fairness } from '../../spec/fairness.ts';
import type { StateLayout, Words } from '../../spec/packed.ts';
import {
  always,
  alwaysEventually,
  alwaysStep,
  eventually,
  eventuallyAlways,
  leadsTo,
  type Property,
  sometimes,
} from '../../spec/properties.ts';
import type { ActionDefinition, Spec, SpecFields } from '../../spec/types.ts';

/** How a part's state sits in the union's state. */
export interface Tagging<U, S> {
  partOf(u: U): number;
  inner(u: U): S;
  wrap(part: number, s: S): U;
}

export interface Tagged<S> {
  readonly part: number;
  readonly s: S;
}

/** Object states: `{ part, s }`. */
export const objectTagging: Tagging<Tagged<unknown>, unknown> = {
  partOf: (u) => u.part,
  inner: (u) => u.s,
  wrap: (part, s) => ({ part, s }),
};

/** Packed states carry their part number in a word of the shared layout (`part` field). */
export function packedTagging(part: { get(s: Words): number }): Tagging<Words, Words> {
  return { partOf: (s) => part.get(s), inner: (s) => s, wrap: (_, s) => s };
}

/** The name of part i's action or property in the union. */
export const unionName = (part: number, name: string) => `${part}:${name}`;

export function unionSpec<U, S>(name: string, parts: readonly Spec<S>[], tag: Tagging<U, S>): Spec<U> {
  return defineSpec(unionFields(name, parts, tag));
}

/** The union of packed specs sharing one layout (their part number in a word of it). */
export function packedUnionSpec(
  name: string,
  parts: readonly Spec<Words>[],
  tag: Tagging<Words, Words>,
  layout: StateLayout,
): Spec<Words> {
  return defineSpec({ ...unionFields(name, parts, tag), layout });
}

function unionFields<U, S>(
  name: string,
  parts: readonly Spec<S>[],
  tag: Tagging<U, S>,
): SpecFields<U, Record<string, unknown>> {
  const some = <K extends keyof Spec<S>>(key: K) => parts.some((p) => p[key] !== undefined);
  const at = (u: U) => parts[tag.partOf(u)]!;
  return {
    name,
    init: () => parts.flatMap((p, i) => p.init().map((s) => tag.wrap(i, s))),
    actions: Object.fromEntries(
      parts.flatMap((p, i) => p.actions.map((a) => [unionName(i, a.name), unionAction(a, i, tag)])),
    ),
    properties: parts.flatMap((p, i) => p.properties.map((prop) => unionProperty(prop, i, tag))),
    fairness: parts.flatMap((p, i) =>
      p.fairness.map(
        (f): Fairness => ({ kind: f.kind, members: f.members.map((m) => ({ ...m, action: unionName(i, m.action) })) }),
      ),
    ),
    constraint: some('constraint') ? (u) => at(u).constraint?.(tag.inner(u)) ?? true : undefined,
    view: some('view') ? (u) => [tag.partOf(u), at(u).view?.(tag.inner(u)) ?? tag.inner(u)] : undefined,
    symmetry: some('symmetry')
      ? (u) => {
          const symmetry = at(u).symmetry;
          return symmetry ? tag.wrap(tag.partOf(u), symmetry(tag.inner(u))) : u;
        }
      : undefined,
    terminal: some('terminal') ? (u) => at(u).terminal?.(tag.inner(u)) ?? false : undefined,
  };
}

const NONE: readonly unknown[] = [];

function unionAction<U, S>(
  a: Spec<S>['actions'][number],
  part: number,
  tag: Tagging<U, S>,
): ActionDefinition<U, unknown> {
  return {
    params: (u: U) => (tag.partOf(u) === part ? a.domain(tag.inner(u)) : NONE),
    next: (u, param, index) => {
      const t = a.next(tag.inner(u), param, index);
      return t === undefined ? undefined : tag.wrap(part, t);
    },
  };
}

/** Part i's property, holding trivially (or, for `sometimes` and a trigger, never) in other parts. */
function unionProperty<U, S>(p: Property<S>, part: number, tag: Tagging<U, S>): Property<U> {
  const name = unionName(part, p.name);
  const here = (u: U) => tag.partOf(u) === part;
  const elsewhereOr = (holds: (s: S) => boolean) => (u: U) => !here(u) || holds(tag.inner(u));
  switch (p.kind) {
    case 'always':
      return always(name, elsewhereOr(p.holds));
    case 'sometimes':
      return sometimes(name, (u) => here(u) && p.holds(tag.inner(u)));
    case 'alwaysStep':
      return alwaysStep(
        name,
        (b, a, step) =>
          !here(b) ||
          p.holds(tag.inner(b), tag.inner(a), { ...step, action: step.action.slice(step.action.indexOf(':') + 1) }),
      );
    case 'eventually':
      return eventually(name, elsewhereOr(p.holds));
    case 'alwaysEventually':
      return alwaysEventually(name, elsewhereOr(p.holds));
    case 'eventuallyAlways':
      return eventuallyAlways(name, elsewhereOr(p.holds));
    case 'leadsTo':
      return leadsTo(name, (u) => here(u) && p.from(tag.inner(u)), elsewhereOr(p.to));
    case 'refines':
      throw new Error(`union of specs: part ${part}'s refinement '${p.name}' has no meaning in the other parts`);
  }
}
