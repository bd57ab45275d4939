/**
 * Random object-state specs: a counter, nested records, an array, a Set of message records, a Map
 * of records and a Map keyed by records, changed by a few random actions. Variants by kind:
 * - `plain`: records in the Set and Map are fresh objects, compared by value before adding;
 * - `interned`: they are `interned` records, compared by identity (`withMember`), as the README
 *   recommends;
 * - `constraint`: plain, with a state constraint that cuts successors;
 * - `view`: plain, with a ghost field every action changes and nothing reads, dropped by the view;
 * - `liveness`: at most two small actions (at most 9 states) and always a liveness property, so
 *   the brute-force oracle can decide it.
 */
import { canonicalKey } from '../../spec/canonical.ts';
import { defineSpec } from '../../spec/define.ts';
import { interned } from '../../spec/interned.ts';
import { withMember, withoutMember } from '../../spec/updates.ts';
import type { Part } from './part.ts';
import { fairnessOf, type Measures, propertiesOf, type PropertyShape, terminalOf } from './property-shapes.ts';

export type PlainKind = 'plain' | 'interned' | 'constraint' | 'view' | 'liveness';

interface Msg {
  readonly to: number;
  readonly v: number;
}
interface Entry {
  readonly v: number;
  readonly seen: readonly number[];
}
export interface PlainState {
  readonly n: number;
  readonly rec: { readonly a: number; readonly inner: { readonly on: boolean; readonly tag: string } };
  readonly list: readonly number[];
  readonly msgs: ReadonlySet<Msg>;
  readonly table: ReadonlyMap<string, Entry>;
  readonly handled: ReadonlyMap<Msg, number>;
  readonly ghost?: number;
}

export const PLAIN_EFFECTS = [
  'count',
  'nest',
  'toggle',
  'push',
  'shift',
  'flip',
  'send',
  'receive',
  'put',
  'drop',
] as const;
type Effect = (typeof PLAIN_EFFECTS)[number];
/** The effects of the `liveness` kind: each keeps its component within 2 or 3 values. */
export const SMALL_EFFECTS: readonly Effect[] = ['count', 'toggle', 'flip'];

interface ActionShape {
  readonly effect: Effect;
  readonly params: number;
  /** Enabled only while this measure is below the bound. */
  readonly guard: { readonly on: string; readonly below: number } | null;
}

export interface PlainShape {
  readonly kind: PlainKind;
  readonly mod: number;
  readonly actions: readonly ActionShape[];
  readonly properties: PropertyShape;
  /** `constraint` kind: states whose measure exceeds `atMost` are checked, not explored. */
  readonly constraint: { readonly on: string; readonly atMost: number } | null;
  /** `view` kind: drop the ghost field, or identify a state by a tuple of its other fields. */
  readonly view: 'drop' | 'tuple';
}

export const PLAIN_MEASURES: Measures<PlainState> = {
  n: (s) => s.n,
  a: (s) => s.rec.a + (s.rec.inner.on ? 3 : 0),
  list: (s) => s.list.length,
  msgs: (s) => s.msgs.size,
  table: (s) => s.table.size + s.handled.size,
};

export function plainPart(shape: PlainShape): Part<PlainState> {
  const records = shape.kind === 'interned' ? internedRecords() : valueRecords();
  const ghost = shape.kind === 'view';
  const actions = Object.fromEntries(shape.actions.map((a, i) => [`act${i}`, plainAction(shape, a, records, ghost)]));
  const names = Object.keys(actions);
  const spec = defineSpec<PlainState, Record<string, any>>({
    name: `random-${shape.kind}`,
    init: () => [
      {
        n: 0,
        rec: { a: 0, inner: { on: false, tag: 'off' } },
        list: [],
        msgs: new Set([records.make(0, 0)]),
        table: new Map(),
        handled: new Map(),
        ...(ghost ? { ghost: 0 } : {}),
      },
    ],
    actions,
    properties: propertiesOf(PLAIN_MEASURES, shape.properties, names),
    fairness: fairnessOf(
      shape.properties,
      names,
      (p) => p,
      (i) => (shape.actions[i]!.effect === 'receive' ? undefined : shape.actions[i]!.params),
    ),
    terminal: terminalOf(PLAIN_MEASURES, shape.properties),
    constraint: shape.constraint
      ? (s) => PLAIN_MEASURES[shape.constraint!.on]!(s) <= shape.constraint!.atMost
      : undefined,
    view: ghost ? viewOf(shape.view) : undefined,
  });
  return {
    kind: shape.kind,
    spec,
    key: (s) => canonicalKey(ghost ? withoutGhost(s) : s),
    concrete: !ghost && shape.constraint === null,
  };
}

const withoutGhost = ({ ghost: _, ...rest }: PlainState) => rest;

function viewOf(form: PlainShape['view']): (s: PlainState) => unknown {
  if (form === 'drop') return withoutGhost;
  return (s) => [s.n, s.rec, s.list, s.msgs, s.table, s.handled];
}

/** How message records are made and compared: interned (by identity) or fresh (by value). */
interface Records {
  make(to: number, v: number): Msg;
  add(set: ReadonlySet<Msg>, m: Msg): ReadonlySet<Msg>;
  /** The Map's own key equal to `m`, or `m` itself. */
  keyOf(map: ReadonlyMap<Msg, number>, m: Msg): Msg;
}

function internedRecords(): Records {
  const msg = interned((to: number, v: number): Msg => ({ to, v }));
  return { make: msg, add: withMember, keyOf: (_, m) => m };
}

function valueRecords(): Records {
  const same = (a: Msg, b: Msg) => a.to === b.to && a.v === b.v;
  return {
    make: (to, v) => ({ to, v }),
    add: (set, m) => ([...set].some((x) => same(x, m)) ? set : new Set([...set, m])),
    keyOf: (map, m) => [...map.keys()].find((k) => same(k, m)) ?? m,
  };
}

function plainAction(shape: PlainShape, a: ActionShape, records: Records, ghost: boolean) {
  const enabled = (s: PlainState) => a.guard === null || PLAIN_MEASURES[a.guard.on]!(s) < a.guard.below;
  const tick = (s: PlainState, t: PlainState | undefined) =>
    t === undefined || !ghost ? t : { ...t, ghost: (s.ghost! + 1) % 2 };
  if (a.effect === 'receive') {
    return {
      params: (s: PlainState) => [...s.msgs],
      next: (s: PlainState, m: Msg) => (enabled(s) ? tick(s, receive(s, m, records)) : undefined),
    };
  }
  return {
    params: Array.from({ length: a.params }, (_, p) => p),
    next: (s: PlainState, p: number) => (enabled(s) ? tick(s, apply(shape, a.effect, s, p, records)) : undefined),
  };
}

function receive(s: PlainState, m: Msg, records: Records): PlainState {
  const handled = new Map(s.handled).set(records.keyOf(s.handled, m), 1);
  return { ...s, msgs: withoutMember(s.msgs, m), handled };
}

function apply(shape: PlainShape, effect: Effect, s: PlainState, p: number, records: Records): PlainState | undefined {
  switch (effect) {
    case 'count':
      return { ...s, n: (s.n + 1 + p) % shape.mod };
    case 'nest':
      return { ...s, rec: { ...s.rec, a: (s.rec.a + p + 1) % 3 } };
    case 'toggle':
      return {
        ...s,
        rec: { ...s.rec, inner: s.rec.inner.on ? { on: false, tag: 'off' } : { on: true, tag: `on${p}` } },
      };
    case 'push':
      return s.list.length < 2 ? { ...s, list: [...s.list, p] } : undefined;
    case 'shift':
      return s.list.length > 0 ? { ...s, list: s.list.slice(1) } : undefined;
    case 'flip':
      return { ...s, list: s.list.length > 0 ? [] : [p] };
    case 'send':
      return { ...s, msgs: records.add(s.msgs, records.make(p % 2, s.n % 2)) };
    case 'receive':
      return undefined; // state-dependent parameters: see plainAction
    case 'put':
      return { ...s, table: put(s, p) };
    case 'drop':
      return s.table.has(`k${p % 2}`)
        ? { ...s, table: new Map([...s.table].filter(([k]) => k !== `k${p % 2}`)) }
        : undefined;
  }
}

function put(s: PlainState, p: number): ReadonlyMap<string, Entry> {
  const key = `k${p % 2}`;
  const seen = new Set(s.table.get(key)?.seen ?? []).add(Math.min(p, 1));
  return new Map(s.table).set(key, { v: s.n % 2, seen: [...seen].sort() });
}
