/**
 * Type-level tests: the state type and each action's parameter type are inferred from the spec,
 * and misuse fails to compile (each `@ts-expect-error` below must stay an error).
 */
import { describe, expectTypeOf, it } from 'vitest';
import { defineSpec } from './define.ts';
import { int, oneOf, packedLayout, type Words } from './packed.ts';
import { always } from './properties.ts';
import type { Spec } from './types.ts';

type RM = 'r1' | 'r2';
const RMS: readonly RM[] = ['r1', 'r2'];
interface State {
  readonly count: number;
  readonly rm: Readonly<Record<RM, 'working' | 'prepared'>>;
  readonly msgs: ReadonlySet<string>;
}
const initial: State = { count: 0, rm: { r1: 'working', r2: 'working' }, msgs: new Set() };

describe('defineSpec types', () => {
  it('infers the state type from init and parameter types from params', () => {
    const spec = defineSpec({
      name: 'typed',
      init: (): State[] => [initial],
      actions: {
        tick: {
          next: (s) => {
            expectTypeOf(s).toEqualTypeOf<State>();
            return { ...s, count: s.count + 1 };
          },
        },
        prepare: {
          params: RMS,
          next: (s, rm) => {
            expectTypeOf(rm).toEqualTypeOf<RM>();
            return { ...s, rm: { ...s.rm, [rm]: 'prepared' } };
          },
        },
        receive: {
          params: (s: State) => [...s.msgs],
          next: (s, m) => {
            expectTypeOf(m).toEqualTypeOf<string>();
            return s;
          },
        },
        // literal unions stay literal in a returned state (no widening to string)
        prepareAll: { next: (s) => (s.count > 0 ? undefined : { ...s, rm: { r1: 'prepared', r2: 'prepared' } }) },
      },
      properties: ({ always: inv }) => [
        inv('small', (s) => {
          expectTypeOf(s).toEqualTypeOf<State>();
          return s.count < 3;
        }),
      ],
    });
    expectTypeOf(spec).toEqualTypeOf<Spec<State>>();
  });

  it('rejects misuse at compile time', () => {
    defineSpec({
      name: 'misuse',
      init: (): State[] => [initial],
      actions: {
        // @ts-expect-error — a successor must be a State (here a field has the wrong type)
        wrongField: { next: (s) => ({ ...s, count: 'one' }) },
        // @ts-expect-error — the parameter is an RM, not a number
        wrongParam: { params: RMS, next: (s, rm: number) => ({ ...s, count: rm }) },
        // @ts-expect-error — an RM state must be one of the declared literals
        wrongLiteral: { next: (s) => ({ ...s, rm: { r1: 'committed', r2: 'working' } }) },
      },
      // @ts-expect-error — predicates see the State: there is no field `counter`
      properties: ({ always: inv }) => [inv('typo', (s) => s.counter > 0)],
    });
    defineSpec({
      name: 'other',
      init: (): State[] => [initial],
      actions: {},
      // @ts-expect-error — a property over another state type does not fit
      properties: [always('n', (s: { n: number }) => s.n > 0)],
    });
  });

  it("types fairness arguments by each action's parameter type", () => {
    defineSpec({
      name: 'fair',
      init: (): State[] => [initial],
      actions: {
        tick: { next: (s) => ({ ...s, count: s.count + 1 }) },
        prepare: { params: RMS, next: (s, rm) => ({ ...s, rm: { ...s.rm, [rm]: 'prepared' } }) },
        receive: { params: (s: State) => [...s.msgs], next: (s) => s },
      },
      fairness: ({ weak, strong, allActions }) => [
        weak('prepare', 'r1'),
        weak('prepare', (rm) => {
          expectTypeOf(rm).toEqualTypeOf<RM>();
          return rm === 'r2';
        }),
        weak('receive', (m) => {
          expectTypeOf(m).toEqualTypeOf<string>();
          return m.length > 0;
        }),
        weak(['tick', 'prepare']),
        strong([{ action: 'prepare', param: 'r2' }, 'tick', { action: 'receive', where: (m) => m.startsWith('x') }]),
        weak(allActions),
        // @ts-expect-error — 'r3' is not an RM
        weak('prepare', 'r3'),
        // @ts-expect-error — a number where the domain holds RMs
        weak('prepare', 1),
        // @ts-expect-error — no action is named 'prepre'
        weak('prepre'),
        // @ts-expect-error — a member naming an unknown action
        weak(['tick', 'tock']),
        // @ts-expect-error — the predicate's parameter is an RM, not a number
        weak('prepare', (rm: number) => rm > 0),
      ],
    });
  });

  it('types action constraints, displays, families and refinements by the state type', () => {
    const abstract = defineSpec({ name: 'abstract', init: (): { n: number }[] => [{ n: 0 }], actions: {} });
    defineSpec({
      name: 'more',
      init: (): State[] => [initial],
      actions: { prepare: { params: RMS, next: (s, rm) => ({ ...s, rm: { ...s.rm, [rm]: 'prepared' } }) } },
      actionConstraint: (before, after, step) => {
        expectTypeOf(before).toEqualTypeOf<State>();
        expectTypeOf(after).toEqualTypeOf<State>();
        return step.action !== 'prepare' || before.count === after.count;
      },
      display: (s) => {
        expectTypeOf(s).toEqualTypeOf<State>();
        return { count: s.count };
      },
      checkDeadlock: false,
      properties: ({ forAll, refines }) => [
        forAll(RMS).always('each RM typed', (s, rm) => {
          expectTypeOf(rm).toEqualTypeOf<RM>();
          return s.rm[rm] !== undefined;
        }),
        forAll([1, 2]).leadsTo(
          'numbers',
          (s, k) => s.count === k,
          (s, k) => s.count > k,
        ),
        refines('counts', abstract, (s) => ({ n: s.count })),
        // @ts-expect-error — the mapping must give a state of the abstract spec
        refines('wrong', abstract, (s) => ({ m: s.count })),
      ],
    });
  });

  const layout = packedLayout({ count: int(), tm: oneOf(['init', 'done']) });
  const { count } = layout.fields;

  it('gives a spec with a layout word states, whatever init is written as', () => {
    const spec = defineSpec({
      name: 'packed',
      layout,
      init: () => [layout.blank()],
      actions: {
        tick: {
          next: (s) => {
            expectTypeOf(s).toEqualTypeOf<Words>();
            const t = s.slice();
            count.set(t, count.get(s) + 1);
            return t;
          },
        },
        add: {
          params: [1, 2],
          next: (s, k) => {
            expectTypeOf(k).toEqualTypeOf<number>();
            const t = s.slice();
            count.set(t, k);
            return t;
          },
        },
      },
      properties: ({ always: inv }) => [
        inv('small', (s) => {
          expectTypeOf(s).toEqualTypeOf<Words>();
          return count.get(s) < 3;
        }),
      ],
      constraint: (s) => {
        expectTypeOf(s).toEqualTypeOf<Words>();
        return true;
      },
    });
    expectTypeOf(spec).toEqualTypeOf<Spec<Words>>();
    expectTypeOf(spec.display).toEqualTypeOf<(state: Words) => unknown>();
    expectTypeOf(
      defineSpec({ name: 'typed', layout, init: (): Words[] => [layout.blank()], actions: {} }),
    ).toEqualTypeOf<Spec<Words>>();
  });

  it('rejects a layout on a spec whose states are not words, and writes to packed states in place', () => {
    defineSpec({
      name: 'objects with a layout',
      // @ts-expect-error — a layout needs a spec whose states are Words
      layout,
      // @ts-expect-error — with a layout, init must return words
      init: (): State[] => [initial],
      actions: {},
    });
    defineSpec({
      name: 'in place',
      layout,
      init: () => [layout.blank()],
      actions: {
        tick: {
          next: (s) => {
            // @ts-expect-error — a packed state is read-only: copy it with slice() before writing
            count.set(s, 1);
            return s;
          },
        },
      },
    });
    defineSpec({
      name: 'mixed',
      layout,
      init: () => [layout.blank()],
      // @ts-expect-error — an object state does not fit a packed spec's actions
      actions: { tick: { next: () => ({ count: 1, tm: 'init' }) } },
    });
  });
});
