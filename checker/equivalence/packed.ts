/**
 * Random specs on a packed layout (`packedLayout`): every field type — integers, enums of strings
 * and of interned records, bits sharing a word, a set, a queue, an array of integers — changed by
 * a few random actions. All share one layout, whose `part` word says which spec of a bundle a
 * state belongs to (`union.ts`). The reference explorer identifies a state by its decoded fields,
 * not its words.
 */
import { canonicalKey } from '../../spec/canonical.ts';
import { defineSpec } from '../../spec/define.ts';
import { interned } from '../../spec/interned.ts';
import { arrayOf, bitArrayOf, bool, int, oneOf, packedLayout, queueOf, setOf, type Words } from '../../spec/packed.ts';
import type { Part } from './part.ts';
import { fairnessOf, type Measures, propertiesOf, type PropertyShape, terminalOf } from './property-shapes.ts';

const pick = interned((side: string) => ({ side }));
const PICKS = [pick('left'), pick('right')];

export const packedStates = packedLayout({
  part: int(),
  n: int(),
  mode: oneOf(['idle', 'busy', 'done']),
  flags: bitArrayOf(['a', 'b', 'c'], bool()),
  members: setOf([0, 1, 2]),
  queue: queueOf(2, [0, 1, 2]),
  slots: arrayOf([0, 1], int()),
  choice: oneOf(PICKS),
});
const { part, n, mode, flags, members, queue, slots, choice } = packedStates.fields;

export const PACKED_EFFECTS = ['count', 'cycle', 'flag', 'add', 'remove', 'push', 'shift', 'slot', 'choose'] as const;
type Effect = (typeof PACKED_EFFECTS)[number];

export interface PackedShape {
  readonly kind: 'packed';
  readonly mod: number;
  readonly actions: readonly {
    readonly effect: Effect;
    readonly params: number;
    readonly guard: { readonly on: string; readonly below: number } | null;
  }[];
  readonly properties: PropertyShape;
}

export const PACKED_MEASURES: Measures<Words> = {
  n: (s) => n.get(s),
  mode: (s) => mode.getCode(s),
  flags: (s) => flags.items.filter((f) => f.get(s)).length,
  members: (s) => members.size(s),
  queue: (s) => queue.length(s) + slots.at(0).get(s),
};

/** Part number `index` of a bundle (its states' `part` word). */
export function packedPart(shape: PackedShape, index = 0): Part<Words> {
  const actions = Object.fromEntries(
    shape.actions.map((a, i) => [
      `act${i}`,
      {
        params: Array.from({ length: a.params }, (_, p) => p),
        next: (s: Words, p: number) =>
          a.guard === null || PACKED_MEASURES[a.guard.on]!(s) < a.guard.below
            ? apply(shape, a.effect, s, p)
            : undefined,
      },
    ]),
  );
  const names = Object.keys(actions);
  const spec = defineSpec({
    name: 'random-packed',
    layout: packedStates,
    init: () => {
      const s = packedStates.blank();
      part.set(s, index);
      return [s];
    },
    actions,
    properties: propertiesOf(PACKED_MEASURES, shape.properties, names),
    fairness: fairnessOf(
      shape.properties,
      names,
      (p) => p,
      (i) => shape.actions[i]!.params,
    ),
    terminal: terminalOf(PACKED_MEASURES, shape.properties),
  });
  return { kind: 'packed', spec, key: (s) => canonicalKey(packedStates.decode(s)), concrete: true };
}

function apply(shape: PackedShape, effect: Effect, s: Words, p: number): Words | undefined {
  const t = s.slice();
  switch (effect) {
    case 'count':
      n.set(t, (n.get(s) + 1 + p) % shape.mod);
      break;
    case 'cycle':
      mode.setCode(t, (mode.getCode(s) + 1) % 3);
      break;
    case 'flag':
      flags.items[p]!.set(t, !flags.items[p]!.get(s));
      break;
    case 'add':
      members.add(t, p);
      break;
    case 'remove':
      if (!members.has(s, p)) return undefined;
      members.delete(t, p);
      break;
    case 'push':
      if (queue.length(s) === 2) return undefined;
      queue.push(t, p);
      break;
    case 'shift':
      if (queue.length(s) === 0) return undefined;
      queue.shift(t);
      break;
    case 'slot':
      slots.at(p % 2).set(t, (slots.at(p % 2).get(s) + 1) % 3);
      break;
    case 'choose':
      choice.set(t, PICKS[p % 2]!);
      break;
  }
  return t;
}
