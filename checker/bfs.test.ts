/**
 * The BFS queue over many chunks (8,192 entries each), with packed states kept as words and object
 * states kept as they are: the same counts, the same shortest trace, the states taken back equal
 * to the ones queued.
 */
import { describe, expect, it } from 'vitest';
import { buildTrace } from '../counterexamples/trace.ts';
import { defineSpec, int, packedLayout, type Words } from '../spec/index.ts';
import { check } from './check.ts';
import type { CheckResult } from './result.ts';

/** Three counters in [0, N), each raised by one at a time: N³ states in 3(N-1)+1 levels. */
const N = 40;
const CORNER = N - 1;

const counts = (r: CheckResult) => ({
  status: r.status,
  distinct: r.stats.distinctStates,
  generated: r.stats.generatedStates,
  depth: r.stats.depth,
});

/** Counts of the cube: every state but the corner has its enabled raises (3·N²·(N-1)), plus init. */
const CUBE = { status: 'pass', distinct: N ** 3, generated: 3 * N * N * (N - 1) + 1, depth: 3 * (N - 1) + 1 };

function packedCube(cornerIsBad: boolean) {
  const layout = packedLayout({ x: int(), y: int(), z: int() });
  const fields = [layout.fields.x, layout.fields.y, layout.fields.z] as const;
  const raise = (i: 0 | 1 | 2) => ({
    next: (s: Words) => {
      const value = fields[i].get(s);
      if (value === CORNER) return undefined;
      const t = s.slice();
      fields[i].set(t, value + 1);
      return t;
    },
  });
  return defineSpec({
    name: 'packed-cube',
    layout,
    init: () => [layout.blank()],
    actions: { raiseX: raise(0), raiseY: raise(1), raiseZ: raise(2) },
    checkDeadlock: false,
    properties: ({ always }) =>
      cornerIsBad ? [always('not at the corner', (s) => fields.some((f) => f.get(s) !== CORNER))] : [],
  });
}

interface Point {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

function objectCube(cornerIsBad: boolean) {
  const raise = (key: keyof Point) => ({
    next: (s: Point) => (s[key] === CORNER ? undefined : { ...s, [key]: s[key] + 1 }),
  });
  return defineSpec({
    name: 'object-cube',
    init: (): Point[] => [{ x: 0, y: 0, z: 0 }],
    actions: { raiseX: raise('x'), raiseY: raise('y'), raiseZ: raise('z') },
    checkDeadlock: false,
    properties: ({ always }) =>
      cornerIsBad ? [always('not at the corner', (s) => s.x !== CORNER || s.y !== CORNER || s.z !== CORNER)] : [],
  });
}

describe('the BFS queue', () => {
  it('gives the exact counts of a cube of 64,000 states, packed (kept as words) or as objects', () => {
    expect(counts(check(packedCube(false)))).toEqual(CUBE);
    expect(counts(check(objectCube(false)))).toEqual(CUBE);
    // Strict mode keeps the packed states themselves (it checks that none changes once queued).
    expect(counts(check(packedCube(false), { strict: true }))).toEqual(CUBE);
  });

  it('finds the far corner by a shortest trace, whose states are the words that were queued', () => {
    const spec = packedCube(true);
    const result = check(spec);
    if (result.status !== 'violation') throw new Error(`expected a violation, got ${result.status}`);
    const steps = buildTrace(spec, result.violations[0]!.path!).steps;
    expect(steps).toHaveLength(3 * CORNER + 1);
    expect(steps.at(-1)!.shown).toEqual({ x: CORNER, y: CORNER, z: CORNER });
    // BFS takes actions in order, so the first shortest path raises x fully, then y, then z.
    const actions = steps.slice(1).map((s) => s.action!.label);
    expect(actions).toEqual([
      ...Array<string>(CORNER).fill('raiseX'),
      ...Array<string>(CORNER).fill('raiseY'),
      ...Array<string>(CORNER).fill('raiseZ'),
    ]);
    expect(counts(check(objectCube(true))).depth).toBe(result.stats.depth);
  });
});
