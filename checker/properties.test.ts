/**
 * What the safety engines promise about properties, on tiny fixture specs: deadlock versus
 * terminal states, `sometimes` examples, step properties, `--continue`, views, bounds.
 */
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../spec/define.ts';
import { check } from './check.ts';
import { formatPath } from './path.ts';
import type { CheckResult } from './result.ts';

/** x counts up to `top` in steps of 1 or 2; y toggles. 2 × (top + 1) states. */
const counter = (top: number, options: { terminalAtTop?: boolean } = {}) =>
  defineSpec({
    name: 'counter',
    init: (): { x: number; y: boolean }[] => [{ x: 0, y: false }],
    actions: {
      add: { params: [1, 2], next: (s, d) => (s.x + d <= top ? { ...s, x: s.x + d } : undefined) },
      toggle: { next: (s) => (s.x < top ? { ...s, y: !s.y } : undefined) },
    },
    terminal: options.terminalAtTop ? (s) => s.x === top : undefined,
    properties: ({ always, sometimes, alwaysStep }) => [
      always('x below 3', (s) => s.x < 3),
      always('x below 4', (s) => s.x < 4),
      sometimes('x reaches 2 with y set', (s) => s.x === 2 && s.y),
      sometimes('x reaches 9', (s) => s.x === 9),
      alwaysStep(
        'x never jumps by 2 from an odd value',
        (before, after) => !(before.x % 2 === 1 && after.x - before.x === 2),
      ),
    ],
  });

const violations = (r: CheckResult) => (r.status === 'violation' || r.status === 'incomplete' ? r.violations : []);

describe('safety engines on fixture specs', () => {
  it('stops at the first violation with a shortest trace (BFS)', () => {
    const result = check(counter(5), { properties: ['x below 3'] });
    expect(result.status).toBe('violation');
    expect(violations(result).map((v) => [v.property, formatPath(v.path!)])).toEqual([['x below 3', '0/0:0/0:1']]);
  });

  it('reports every violated property with --continue, each with its own shortest trace', () => {
    const result = check(counter(5), { continue: true, checkDeadlock: false });
    expect(result.status).toBe('violation');
    expect(violations(result).map((v) => [v.property, v.kind, v.path ? formatPath(v.path) : null])).toEqual([
      ['x never jumps by 2 from an odd value', 'step', '0/0:0/0:1'],
      ['x below 3', 'invariant', '0/0:0/0:1'],
      ['x below 4', 'invariant', '0/0:1/0:1'],
      ['x reaches 9', 'unreachable', null],
    ]);
    expect(result.stats.distinctStates).toBe(12);
  });

  it('reports a sometimes property with its shortest example', () => {
    const result = check(counter(5), { properties: ['x reaches 2 with y set'], checkDeadlock: false });
    expect(result.status).toBe('pass');
    expect(result.examples.map((e) => [e.property, formatPath(e.path!)])).toEqual([
      ['x reaches 2 with y set', '0/0:1/1:0'],
    ]);
  });

  it('reports a deadlock unless the state is terminal or deadlock checking is off', () => {
    const deadlocked = check(counter(2), { properties: [] });
    expect(deadlocked.status).toBe('violation');
    expect(violations(deadlocked)[0]).toMatchObject({ property: 'deadlock', kind: 'deadlock' });
    expect(formatPath(violations(deadlocked)[0]!.path!)).toBe('0/0:1');
    expect(check(counter(2, { terminalAtTop: true }), { properties: [] }).status).toBe('pass');
    expect(check(counter(2), { properties: [], checkDeadlock: false }).status).toBe('pass');
  });

  it('identifies states by their view', () => {
    const spec = defineSpec({
      name: 'steps',
      init: () => [{ x: 0, steps: 0 }],
      actions: { inc: { next: (s) => (s.steps < 6 ? { x: (s.x + 1) % 3, steps: s.steps + 1 } : undefined) } },
      view: (s) => s.x,
    });
    const result = check(spec, { checkDeadlock: false });
    expect(result.stats.distinctStates).toBe(3);
    expect(result.stats.generatedStates).toBe(4);
  });

  it('is incomplete, not a pass, when the depth bound cuts the search', () => {
    const result = check(counter(5), { properties: [], maxDepth: 3, checkDeadlock: false });
    expect(result.status).toBe('incomplete');
    if (result.status === 'incomplete') expect(result.reason).toBe('depth bound 3 reached');
    expect(result.stats.depth).toBe(3);
    expect(check(counter(5), { properties: [], maxDepth: 7, checkDeadlock: false }).status).toBe('pass');
  });

  it('is incomplete when the state limit is reached', () => {
    const big = defineSpec({
      name: 'big',
      init: () => [0],
      actions: { inc: { next: (n) => (n < 100_000 ? n + 1 : undefined) } },
    });
    const result = check(big, { maxStates: 5000, checkDeadlock: false });
    expect(result.status).toBe('incomplete');
    if (result.status === 'incomplete') expect(result.reason).toBe('state limit 5000 reached');
  });

  it('counts distinct states regardless of key order and Set/Map insertion order', () => {
    const spec = defineSpec({
      name: 'orders',
      init: () => [{ a: 1, b: new Set<number>(), m: new Map<string, number>() }],
      actions: {
        addSet: {
          params: [1, 2],
          next: (s, k) => (s.b.has(k) ? undefined : { b: new Set([...s.b, k]), m: s.m, a: s.a }),
        },
        addMap: {
          params: ['p', 'q'],
          next: (s, k) => (s.m.has(k) ? undefined : { ...s, m: new Map([...s.m, [k, 0]]) }),
        },
      },
    });
    const bfs = check(spec, { checkDeadlock: false });
    expect(bfs.stats.distinctStates).toBe(16);
    expect(check(spec, { checkDeadlock: false, engine: 'dfs', store: 'map' }).stats.distinctStates).toBe(16);
  });
});
