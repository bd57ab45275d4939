/**
 * Property-based cross-check of the exhaustive engines on small random specs: BFS and DFS, with
 * the table store and the Map store, agree with each other and with a naive reference explorer
 * (states keyed by a canonical string, TLC's counting, state and action constraint rules) on
 * distinct and generated counts and on verdicts, and every BFS counterexample is a shortest path
 * that replays to a violating state.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTrace } from '../counterexamples/trace.ts';
import { defineSpec, type Spec } from '../spec/index.ts';
import { check } from './check.ts';
import type { CheckOptions } from './options.ts';

interface State {
  readonly a: number;
  readonly b: number;
  readonly r: { readonly p: number; readonly q: boolean };
  readonly s: ReadonlySet<number>;
}

/** What an action does with its parameter p (0 ≤ p < params). */
type Effect =
  | { readonly kind: 'add'; readonly to: 'a' | 'b'; readonly amount: number; readonly modulo: number }
  | { readonly kind: 'insert' }
  | { readonly kind: 'remove' }
  | { readonly kind: 'toggle' }
  | { readonly kind: 'copy' };

interface ActionShape {
  readonly effect: Effect;
  readonly params: number;
  /** Enabled only when this variable is below the bound. */
  readonly guard: { readonly on: 'a' | 'b'; readonly below: number } | null;
}

interface SpecShape {
  readonly actions: readonly ActionShape[];
  readonly invariant:
    | { readonly kind: 'sum'; readonly not: number }
    | { readonly kind: 'size'; readonly below: number }
    | { readonly kind: 'flag'; readonly not: number };
  /** A state constraint: a + b at most this (null: none). */
  readonly constraint: number | null;
  /** An action constraint: no step of this action that decreases this variable (null: none). */
  readonly actionConstraint: { readonly action: number; readonly on: 'a' | 'b' } | null;
}

const variable = fc.constantFrom<'a' | 'b'>('a', 'b');
const effect: fc.Arbitrary<Effect> = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    to: variable,
    amount: fc.integer({ min: 1, max: 3 }),
    modulo: fc.integer({ min: 2, max: 5 }),
  }),
  fc.constantFrom<Effect>({ kind: 'insert' }, { kind: 'remove' }, { kind: 'toggle' }, { kind: 'copy' }),
);
const shape: fc.Arbitrary<SpecShape> = fc.record({
  actions: fc.array(
    fc.record({
      effect,
      params: fc.integer({ min: 1, max: 3 }),
      guard: fc.option(fc.record({ on: variable, below: fc.integer({ min: 1, max: 4 }) }), { nil: null }),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  invariant: fc.oneof(
    fc.record({ kind: fc.constant('sum' as const), not: fc.integer({ min: 0, max: 8 }) }),
    fc.record({ kind: fc.constant('size' as const), below: fc.integer({ min: 1, max: 4 }) }),
    fc.record({ kind: fc.constant('flag' as const), not: fc.integer({ min: 0, max: 4 }) }),
  ),
  constraint: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
  actionConstraint: fc.option(fc.record({ action: fc.nat(4), on: variable }), { nil: null }),
});

function apply(effect: Effect, s: State, p: number): State {
  switch (effect.kind) {
    case 'add':
      return { ...s, [effect.to]: (s[effect.to] + effect.amount + p) % effect.modulo };
    case 'insert':
      return { ...s, s: new Set(s.s).add(p) };
    case 'remove': {
      const next = new Set(s.s);
      next.delete(p);
      return { ...s, s: next };
    }
    case 'toggle':
      return { ...s, r: { ...s.r, q: !s.r.q } };
    case 'copy':
      return { ...s, r: { ...s.r, p: s.a } };
  }
}

function step(action: ActionShape, s: State, p: number): State | undefined {
  if (action.guard && !(s[action.guard.on] < action.guard.below)) return undefined;
  return apply(action.effect, s, p);
}

function holds(invariant: SpecShape['invariant'], s: State): boolean {
  switch (invariant.kind) {
    case 'sum':
      return s.a + s.b !== invariant.not;
    case 'size':
      return s.s.size < invariant.below;
    case 'flag':
      return !(s.r.q && s.r.p === invariant.not);
  }
}

const INIT: State = { a: 0, b: 0, r: { p: 0, q: false }, s: new Set() };
const inBounds = (shape: SpecShape, s: State) => shape.constraint === null || s.a + s.b <= shape.constraint;
const allowed = (shape: SpecShape, action: number, before: State, after: State) =>
  shape.actionConstraint === null ||
  shape.actionConstraint.action !== action ||
  after[shape.actionConstraint.on] >= before[shape.actionConstraint.on];

function buildSpec(shape: SpecShape): Spec<State> {
  const actions = Object.fromEntries(
    shape.actions.map((action, i) => [
      `act${i}`,
      {
        params: Array.from({ length: action.params }, (_, p) => p),
        next: (s: State, p: number) => step(action, s, p),
      },
    ]),
  );
  return defineSpec({
    name: 'random-spec',
    init: () => [INIT],
    actions,
    properties: ({ always }) => [always('inv', (s) => holds(shape.invariant, s))],
    constraint: shape.constraint === null ? undefined : (s) => inBounds(shape, s),
    actionConstraint:
      shape.actionConstraint === null
        ? undefined
        : (before, after, step) => allowed(shape, Number(step.action.slice(3)), before, after),
  });
}

const key = (s: State) => `${s.a},${s.b},${s.r.p},${s.r.q},${[...s.s].sort().join(' ')}`;

/** The reference: a plain BFS over canonical strings, with TLC's counting and constraint rules (`action-constraint.test.ts`). */
function reference(shape: SpecShape) {
  const distance = new Map<string, number>([[key(INIT), 0]]);
  let frontier = [INIT];
  let generated = 1;
  let firstViolation = holds(shape.invariant, INIT) ? Infinity : 0;
  for (let depth = 1; frontier.length > 0; depth++) {
    const next: State[] = [];
    for (const s of frontier) {
      for (const [index, action] of shape.actions.entries()) {
        for (let p = 0; p < action.params; p++) {
          const t = step(action, s, p);
          if (t === undefined) continue;
          generated++;
          if (!holds(shape.invariant, t)) firstViolation = Math.min(firstViolation, depth);
          if (!allowed(shape, index, s, t) || !inBounds(shape, t) || distance.has(key(t))) continue;
          distance.set(key(t), depth);
          next.push(t);
        }
      }
    }
    frontier = next;
  }
  return { distinct: distance.size, generated, shortestViolation: firstViolation };
}

const CONFIGS: readonly CheckOptions[] = [
  { engine: 'bfs' },
  { engine: 'dfs' },
  { engine: 'bfs', store: 'map' },
  { engine: 'dfs', store: 'map' },
];

describe('engines agree on random small specs (fast-check)', () => {
  it('BFS, DFS and both stores count the same distinct and generated states as a naive explorer', () => {
    fc.assert(
      fc.property(shape, (shape) => {
        const spec = buildSpec(shape);
        const expected = reference(shape);
        for (const options of CONFIGS) {
          const result = check(spec, { ...options, properties: [], checkDeadlock: false });
          expect(result.status).toBe('pass');
          expect({ distinct: result.stats.distinctStates, generated: result.stats.generatedStates }).toEqual({
            distinct: expected.distinct,
            generated: expected.generated,
          });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('all engines give the same verdict, and BFS counterexamples are shortest and replay to a violation', () => {
    fc.assert(
      fc.property(shape, (shape) => {
        const spec = buildSpec(shape);
        const { shortestViolation } = reference(shape);
        for (const options of CONFIGS) {
          const result = check(spec, { ...options, checkDeadlock: false, strict: true });
          expect(result.status).toBe(shortestViolation === Infinity ? 'pass' : 'violation');
          if (result.status !== 'violation') continue;
          const trace = buildTrace(spec, result.violations[0]!.path!);
          expect(holds(shape.invariant, trace.steps.at(-1)!.state)).toBe(false);
          if (options.engine === 'bfs') expect(trace.steps.length - 1).toBe(shortestViolation);
        }
      }),
      { numRuns: 150 },
    );
  });
});
