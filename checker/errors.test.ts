/**
 * A model's mistakes are errors that name the model, the action, its parameter and the place in
 * the state — never violations, never stack traces from deep inside.
 */
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../spec/define.ts';
import { int, oneOf, packedLayout, type Words } from '../spec/packed.ts';
import { check } from './check.ts';
import { formatPath } from './path.ts';
import type { CheckResult } from './result.ts';

interface Counter {
  n: number;
  log: number[];
  tags: Set<string>;
}
const start = (): Counter[] => [{ n: 0, log: [], tags: new Set() }];

function errorOf(result: CheckResult) {
  expect(result.status).toBe('error');
  if (result.status !== 'error') throw new Error('unreachable');
  return result;
}

describe('model errors', () => {
  it('an action that throws is an error naming model, action and parameter, with the path to the state', () => {
    const spec = defineSpec({
      name: 'thrower',
      init: start,
      actions: {
        inc: { next: (s) => (s.n < 2 ? { ...s, n: s.n + 1 } : undefined) },
        divide: {
          params: [1, 0],
          next: (s, d) => {
            if (s.n === 2 && d === 0) throw new RangeError('divide by zero');
            return undefined;
          },
        },
      },
    });
    const { error, at } = errorOf(check(spec));
    expect(error.code).toBe('action-threw');
    expect(error.message).toBe("action 'divide' threw: divide by zero");
    expect(error.where).toEqual({ model: 'thrower', action: 'divide', param: '0' });
    expect(formatPath(at!)).toBe('0/0:0/0:0');
  });

  it.each([
    ['a function', () => () => 1, '$.n is a function (states hold data only)'],
    ['a class instance', () => new Date(0), '$.n is an instance of Date (use plain objects, arrays, Map or Set)'],
    ['NaN', () => NaN, '$.n is NaN (only finite numbers are state values)'],
    ['Infinity', () => Infinity, '$.n is Infinity (only finite numbers are state values)'],
  ])('a successor holding %s is an invalid-value error naming the field', (_, make, expected) => {
    const spec = defineSpec({
      name: 'bad-values',
      init: start,
      actions: { poison: { next: (s) => ({ ...s, n: make() as unknown as number }) } },
    });
    const { error } = errorOf(check(spec));
    expect(error.code).toBe('invalid-value');
    expect(error.message).toBe(`action 'poison' returned a state where ${expected}`);
    expect(error.where).toMatchObject({ model: 'bad-values', action: 'poison', field: '$.n' });
  });

  it('undefined inside an array is named with its index', () => {
    const spec = defineSpec({
      name: 'holes',
      init: start,
      actions: { push: { params: ['x'], next: (s) => ({ ...s, log: [1, undefined as unknown as number] }) } },
    });
    const { error } = errorOf(check(spec));
    expect(error.message).toBe(
      "action 'push' returned a state where $.log[1] is undefined (use null, or leave the key out)",
    );
    expect(error.where).toMatchObject({ action: 'push', param: '"x"' });
  });

  it('an invalid initial state is named', () => {
    const spec = defineSpec({ name: 'bad-init', init: () => [{ n: 0 }, { n: NaN }], actions: {} });
    const { error } = errorOf(check(spec));
    expect(error.code).toBe('invalid-value');
    expect(error.where).toMatchObject({ model: 'bad-init', init: '1', field: '$.n' });
  });

  it('strict mode catches an action that assigns to its input', () => {
    const spec = defineSpec({
      name: 'mutator',
      init: start,
      actions: {
        bump: {
          next: (s) => {
            if (s.n > 0) return undefined;
            (s as { n: number }).n = 1;
            return s;
          },
        },
      },
    });
    const { error } = errorOf(check(spec, { strict: true }));
    expect(error.code).toBe('state-mutated');
    expect(error.message).toBe("action 'bump' modified its input state ($.n is 1, was 0); return a new state instead");
    expect(error.where).toEqual({ model: 'mutator', action: 'bump', field: '$.n' });
  });

  it('strict mode catches an action that mutates a Set inside its input', () => {
    const spec = defineSpec({
      name: 'set-mutator',
      init: start,
      actions: {
        tag: {
          params: ['a', 'b'],
          next: (s, t) => {
            if (s.tags.has(t)) return undefined;
            s.tags.add(t);
            return { ...s, n: s.n + 1 };
          },
        },
      },
    });
    const { error } = errorOf(check(spec, { strict: true }));
    expect(error.code).toBe('state-mutated');
    expect(error.message).toBe(
      'action \'tag\' modified its input state ($.tags gained "a"); return a new state instead',
    );
    expect(error.where).toEqual({ model: 'set-mutator', action: 'tag', param: '"a"', field: '$.tags' });
  });

  it('strict mode catches a non-deterministic action', () => {
    let calls = 0;
    const spec = defineSpec({
      name: 'coin',
      init: start,
      actions: { flip: { next: (s) => (s.n > 3 ? undefined : { ...s, n: s.n + (calls++ % 2) + 1 }) } },
    });
    const { error } = errorOf(check(spec, { strict: true }));
    expect(error.code).toBe('nondeterministic');
    expect(error.message).toContain("action 'flip' is not deterministic");
  });

  it('a property that throws or returns a non-boolean is an error naming the property', () => {
    const spec = defineSpec({
      name: 'bad-property',
      init: start,
      actions: {},
      properties: ({ always }) => [always('first entry', (s) => s.log[0]!.toFixed() === '1')],
    });
    const thrown = errorOf(check(spec)).error;
    expect(thrown.code).toBe('property-threw');
    expect(thrown.message).toMatch(/^property 'first entry' threw: Cannot read properties of undefined/);
    expect(thrown.where).toEqual({ model: 'bad-property', property: 'first entry' });
    const numeric = defineSpec({
      name: 'numeric-property',
      init: start,
      actions: {},
      properties: ({ always }) => [always('count', (s) => s.n as unknown as boolean)],
    });
    expect(errorOf(check(numeric)).error.message).toBe("property 'count' returned number, not a boolean");
  });

  it('unknown property and engine names list what exists', () => {
    const spec = defineSpec({
      name: 'named',
      init: start,
      actions: {},
      properties: ({ always }) => [always('agreement', () => true), always('validity', () => true)],
    });
    expect(errorOf(check(spec, { properties: ['agrement'] })).error.message).toBe(
      "unknown property 'agrement'; available: agreement, validity",
    );
    expect(errorOf(check(spec, { engine: 'bsf' as 'bfs' })).error.message).toBe(
      "unknown engine 'bsf'; available: bfs, dfs, random",
    );
  });

  it('a malformed definition is rejected when defined', () => {
    expect(() => defineSpec({ name: 'x', init: start, actions: { a: {} as never } })).toThrow(
      "action 'a' needs a 'next' function",
    );
    expect(() =>
      defineSpec({
        name: 'x',
        init: start,
        actions: {},
        properties: ({ always }) => [always('p', () => true), always('p', () => true)],
      }),
    ).toThrow("two properties are named 'p'");
  });
});

// The checker's guard on hand-written packed specs (`defineSpec` with a layout, not views).
describe('a packed model that writes a bad word', () => {
  const layout = packedLayout({ mode: oneOf(['on', 'off']), count: int() });
  const broken = (next: (s: Words) => Words) =>
    defineSpec({
      name: 'broken',
      layout,
      init: (): Words[] => [layout.blank()],
      actions: { step: { next } },
    });

  it('is stopped with the field named: a word that is not an integer', () => {
    const result = check(
      broken((s) => {
        const t = s.slice();
        t[1] = 0.5;
        return t;
      }),
    );
    expect(result.status === 'error' && result.error.message).toBe(
      "action 'step' returned a state where count is 0.5, not an integer (write packed states through the layout's fields)",
    );
  });

  it('is stopped when a state has the wrong number of words', () => {
    const result = check(broken((s) => [...s, 0]));
    expect(result.status === 'error' && result.error.message).toBe(
      "action 'step' returned a state where $ has 3 words; the layout has 2",
    );
  });

  it('is caught modifying its input state in strict mode', () => {
    const result = check(
      broken((s) => {
        (s as number[])[1] = 1;
        return s;
      }),
      { strict: true },
    );
    expect(result.status === 'error' && result.error.code).toBe('state-mutated');
  });
});
