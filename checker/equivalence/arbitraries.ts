/**
 * The fast-check arbitraries of the equivalence test's random specs: one per kind, drawing the
 * JSON shape that `random-specs.ts` builds a spec from (kept apart so that worker threads, which
 * only build specs, need not load fast-check).
 */
import fc from 'fast-check';
import { LIVENESS_KINDS } from '../liveness/oracle.ts';
import { ACTOR_MEASURES, type ActorShape } from './actors.ts';
import { PACKED_EFFECTS, PACKED_MEASURES, type PackedShape } from './packed.ts';
import type { Kind } from './part.ts';
import { PLAIN_EFFECTS, PLAIN_MEASURES, type PlainKind, type PlainShape, SMALL_EFFECTS } from './plain.ts';
import type { PropertyShape } from './property-shapes.ts';
import type { Shape } from './random-specs.ts';
import { SYMMETRIC_ACTIONS, SYMMETRIC_MEASURES, type SymmetricShape } from './symmetric.ts';

export function shapeOf(kind: Kind): fc.Arbitrary<Shape> {
  switch (kind) {
    case 'symmetric':
      return symmetricShape();
    case 'actor':
      return actorShape();
    case 'packed':
      return packedShape();
    default:
      return plainShape(kind);
  }
}

interface ShapeBounds {
  readonly measures: readonly string[];
  /** Largest value a measure takes (predicates compare against 0…max). */
  readonly max: number;
  readonly actions: number;
  /** Parameter values fairness may name (0 for none: fairness about whole actions only). */
  readonly params: number;
  /** How likely a liveness property is, 0…1 (1: always one). */
  readonly liveness: number;
}

export function propertyShape(b: ShapeBounds): fc.Arbitrary<PropertyShape> {
  const on = fc.constantFrom(...b.measures);
  const value = fc.integer({ min: 0, max: b.max });
  const predicate = fc.record({ on, is: value });
  const livenessShape = fc.record({ kind: fc.constantFrom(...LIVENESS_KINDS), p: predicate, q: predicate });
  return fc.record({
    invariants: fc.array(fc.record({ on, not: fc.integer({ min: 1, max: b.max + 1 }) }), { maxLength: 2 }),
    step: fc.option(fc.record({ action: fc.nat(b.actions - 1), on, jump: fc.integer({ min: 1, max: 2 }) }), {
      nil: null,
    }),
    reach: fc.option(predicate, { nil: null }),
    terminal: fc.oneof(fc.constant<'any'>('any'), fc.constant<'none'>('none'), predicate),
    liveness:
      b.liveness >= 1
        ? livenessShape
        : fc.oneof(
            { arbitrary: livenessShape, weight: Math.round(b.liveness * 20) },
            { arbitrary: fc.constant(null), weight: Math.round((1 - b.liveness) * 20) },
          ),
    fairness: fc.array(
      fc.record({
        kind: fc.constantFrom<'weak' | 'strong'>('weak', 'strong'),
        action: fc.nat(b.actions - 1),
        param: b.params === 0 ? fc.constant(null) : fc.option(fc.nat(b.params - 1), { nil: null }),
      }),
      { maxLength: 2 },
    ),
  });
}

export function plainShape(kind: PlainKind): fc.Arbitrary<PlainShape> {
  const small = kind === 'liveness';
  const measures = Object.keys(PLAIN_MEASURES);
  const action = fc.record({
    effect: fc.constantFrom(...(small ? SMALL_EFFECTS : PLAIN_EFFECTS)),
    params: fc.integer({ min: 1, max: small ? 2 : 3 }),
    guard: small
      ? fc.constant(null)
      : fc.option(fc.record({ on: fc.constantFrom(...measures), below: fc.integer({ min: 1, max: 3 }) }), {
          nil: null,
          freq: 2,
        }),
  });
  return fc.record({
    kind: fc.constant(kind),
    mod: fc.integer({ min: 2, max: small ? 3 : 4 }),
    actions: fc.array(action, { minLength: small ? 1 : 2, maxLength: small ? 2 : 4 }),
    properties: propertyShape({
      measures,
      max: 3,
      actions: small ? 2 : 4,
      params: small ? 2 : 3,
      liveness: small ? 1 : 0.25,
    }),
    constraint:
      kind === 'constraint'
        ? fc.record({ on: fc.constantFrom(...measures), atMost: fc.integer({ min: 0, max: 2 }) })
        : fc.constant(null),
    view: fc.constantFrom<'drop' | 'tuple'>('drop', 'tuple'),
  });
}

export function symmetricShape(): fc.Arbitrary<SymmetricShape> {
  return fc.record({
    kind: fc.constant('symmetric' as const),
    ids: fc.integer({ min: 2, max: 3 }),
    actions: fc.uniqueArray(fc.constantFrom(...SYMMETRIC_ACTIONS), { minLength: 2, maxLength: 4 }),
    exclusive: fc.boolean(),
    // Fairness about one parameter value is not symmetric: whole actions only.
    properties: propertyShape({
      measures: Object.keys(SYMMETRIC_MEASURES),
      max: 2,
      actions: 4,
      params: 0,
      liveness: 0.5,
    }),
  });
}

export function actorShape(): fc.Arbitrary<ActorShape> {
  return fc
    .record({
      kind: fc.constant('actor' as const),
      nodes: fc.integer({ min: 2, max: 3 }),
      values: fc.integer({ min: 1, max: 2 }),
      to: fc.constantFrom<'first' | 'all'>('first', 'all'),
      ack: fc.boolean(),
      forward: fc.boolean(),
      timer: fc.boolean(),
      network: fc.constantFrom<'unordered' | 'duplicating' | 'fifo'>('unordered', 'duplicating', 'fifo'),
      lossy: fc.boolean(),
      crash: fc.constantFrom<'none' | 'stop' | 'recover'>('none', 'stop', 'recover'),
      durable: fc.boolean(),
      partitions: fc.boolean(),
      duplicates: fc.integer({ min: 0, max: 1 }),
      maxInFlight: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
      // The compiled actions (Deliver, Drop, …) are known only once built: fairness picks by position.
      properties: propertyShape({
        measures: Object.keys(ACTOR_MEASURES),
        max: 3,
        actions: 4,
        params: 0,
        liveness: 0.3,
      }),
    })
    .map(small);
}

/** Keeps a system within a few thousand states: three nodes send one value; a redelivered value a node forgot is not. */
function small(shape: ActorShape): ActorShape {
  const three = shape.nodes === 3;
  return {
    ...shape,
    values: three ? 1 : shape.values,
    partitions: shape.partitions && !three,
    durable: shape.durable || shape.network === 'duplicating',
  };
}

export function packedShape(): fc.Arbitrary<PackedShape> {
  const measures = Object.keys(PACKED_MEASURES);
  return fc.record({
    kind: fc.constant('packed' as const),
    mod: fc.integer({ min: 2, max: 4 }),
    actions: fc.array(
      fc.record({
        effect: fc.constantFrom(...PACKED_EFFECTS),
        params: fc.integer({ min: 1, max: 3 }),
        guard: fc.option(fc.record({ on: fc.constantFrom(...measures), below: fc.integer({ min: 1, max: 3 }) }), {
          nil: null,
          freq: 2,
        }),
      }),
      { minLength: 2, maxLength: 4 },
    ),
    properties: propertyShape({ measures, max: 3, actions: 4, params: 3, liveness: 0.25 }),
  });
}
