/**
 * The equivalence test's fixture module: a protocol that builds a bundle of random specs (their
 * disjoint union) from their shapes, given as JSON in its settings. Worker threads rebuild the
 * spec from this module (`specSource`), so every thread checks the very same random specs.
 */
import { defineSpec } from '../../spec/define.ts';
import { defineProtocol } from '../../spec/protocol.ts';
import type { Words } from '../../spec/packed.ts';
import type { Spec } from '../../spec/types.ts';
import { type ActorShape, actorPart } from './actors.ts';
import { type PackedShape, packedPart, packedStates } from './packed.ts';
import type { Kind, Part } from './part.ts';
import { plainPart, type PlainShape } from './plain.ts';
import { symmetricPart, type SymmetricShape } from './symmetric.ts';
import { objectTagging, packedTagging, packedUnionSpec, type Tagged, unionSpec } from './union.ts';

export type Shape = PlainShape | SymmetricShape | ActorShape | PackedShape;

/**
 * Bundles hold specs of one group, chosen so the union keeps each kind's identity path: plain
 * specs are hashed against their parent (no view), reduced ones through a view or symmetry,
 * packed ones word by word. Interned and actor specs are groups of their own.
 */
export const GROUPS = {
  plain: ['plain', 'constraint', 'liveness'],
  interned: ['interned'],
  reduced: ['view', 'symmetric'],
  actor: ['actor'],
  packed: ['packed'],
} as const satisfies Record<string, readonly Kind[]>;
export type Group = keyof typeof GROUPS;

/** Part number `index` of a bundle. */
export function partOf(shape: Shape, index: number): Part {
  switch (shape.kind) {
    case 'symmetric':
      return symmetricPart(shape);
    case 'actor':
      return actorPart(shape);
    case 'packed':
      return packedPart(shape, index);
    default:
      return plainPart(shape);
  }
}

/**
 * Part 0 of every bundle: initial states without successors, enough that parallel BFS hands the
 * other parts' initial states (the last of the first level) to the worker thread. Every random
 * spec then crosses threads at once, and again whenever a later level is rebalanced.
 */
const BALLAST = 40;
/** The bundle's part number of the i-th shape (after the ballast). */
export const partNumber = (i: number) => i + 1;

export function bundleSpec(shapes: readonly Shape[]): Spec<Tagged<unknown>> | Spec<Words> {
  const specs = shapes.map((shape, i) => partOf(shape, partNumber(i)).spec);
  const ballast = Array.from({ length: BALLAST }, (_, i) => i);
  if (shapes.every((s) => s.kind === 'packed')) {
    const words = (): Words[] =>
      ballast.map((i) => {
        const s = packedStates.blank();
        packedStates.fields.n.set(s, i);
        return s;
      });
    const parts = [
      defineSpec({ name: 'ballast', layout: packedStates, init: words, actions: {}, terminal: () => true }),
      ...(specs as Spec<Words>[]),
    ];
    return packedUnionSpec('random-bundle', parts, packedTagging(packedStates.fields.part), packedStates);
  }
  if (shapes.some((s) => s.kind === 'packed')) throw new Error('a bundle mixes packed and object specs');
  const parts: Spec<any>[] = [
    defineSpec({
      name: 'ballast',
      init: () => ballast.map((i) => ({ ballast: i })),
      actions: {},
      terminal: () => true,
    }),
    ...specs,
  ];
  return unionSpec<Tagged<unknown>, unknown>('random-bundle', parts, objectTagging);
}

export const randomSpecs = defineProtocol({
  name: 'random-specs',
  summary: 'a bundle of random specs (the equivalence test fixture)',
  config: { shapes: { default: '[]', doc: "the specs' shapes, as JSON" } },
  variants: { bundle: 'the disjoint union of the specs' },
  build: (c) => bundleSpec(JSON.parse(c.shapes) as Shape[]),
});
