/**
 * Tiny specs for the liveness engine's tests, each built around one trap: stuttering without
 * fairness, weak versus strong fairness, deadlock as an infinite stutter, a property that only
 * restates a fairness assumption, symmetry, a state constraint, per-instance fairness.
 */
import { defineSpec } from '../../spec/define.ts';
import { type Fairness, weak } from '../../spec/fairness.ts';
import { alwaysEventually, eventually, eventuallyAlways, leadsTo } from '../../spec/properties.ts';

/** x counts 0, 1, 2, 0, … */
export function ring(fairness: readonly Fairness[] = []) {
  return defineSpec({
    name: 'ring',
    init: () => [{ x: 0 }],
    actions: { tick: { next: (s: { x: number }) => ({ x: (s.x + 1) % 3 }) } },
    properties: [
      alwaysEventually('often zero', (s: { x: number }) => s.x === 0),
      eventually('reaches two', (s: { x: number }) => s.x === 2),
      eventuallyAlways('settles at zero', (s: { x: number }) => s.x === 0),
    ],
    fairness,
  });
}

type Light = 'a' | 'b' | 'done';

/** Toggles between a and b; `go` (enabled only in a) finishes. Weak fairness on `go` is not enough. */
export function flicker(fairness: readonly Fairness[]) {
  return defineSpec({
    name: 'flicker',
    init: (): { at: Light }[] => [{ at: 'a' }],
    actions: {
      toggle: { next: (s) => (s.at === 'done' ? undefined : { at: s.at === 'a' ? ('b' as const) : ('a' as const) }) },
      go: { next: (s) => (s.at === 'a' ? { at: 'done' as const } : undefined) },
    },
    properties: ({ eventually }) => [eventually('finishes', (s) => s.at === 'done')],
    terminal: (s) => s.at === 'done',
    fairness,
  });
}

/** start → done, or start → stuck (no action enabled there: a deadlock, allowed as terminal). */
export function fork(fairness: readonly Fairness[]) {
  return defineSpec({
    name: 'fork',
    init: (): { at: 'start' | 'done' | 'stuck' }[] => [{ at: 'start' }],
    actions: {
      finish: { next: (s) => (s.at === 'start' ? { at: 'done' as const } : undefined) },
      jam: { next: (s) => (s.at === 'start' ? { at: 'stuck' as const } : undefined) },
    },
    properties: ({ eventually }) => [eventually('done', (s) => s.at === 'done')],
    terminal: () => true,
    fairness,
  });
}

/** A request is served: `serve` is enabled while a request is pending; the property restates weak(serve). */
export function server(fairness: readonly Fairness[]) {
  return defineSpec({
    name: 'server',
    init: () => [{ pending: false, served: 0 }],
    actions: {
      request: { next: (s: { pending: boolean; served: number }) => (s.pending ? undefined : { ...s, pending: true }) },
      serve: {
        next: (s: { pending: boolean; served: number }) =>
          s.pending ? { pending: false, served: (s.served + 1) % 2 } : undefined,
      },
    },
    properties: [
      leadsTo(
        'served',
        (s: { pending: boolean }) => s.pending,
        (s: { pending: boolean }) => !s.pending,
      ),
    ],
    fairness,
  });
}

interface Token {
  readonly holder: number;
  readonly phase: 0 | 1;
}

/** A token passed around a ring of interchangeable nodes 0..n-1; `work` and `rest` flip the phase. */
export function token(fairness: readonly Fairness[], symmetric: boolean, nodes = 2) {
  return defineSpec({
    name: 'token',
    init: (): Token[] => [{ holder: 0, phase: 0 }],
    actions: {
      pass: { next: (s) => ({ ...s, holder: (s.holder + 1) % nodes }) },
      work: { next: (s) => (s.phase === 0 ? { ...s, phase: 1 as const } : undefined) },
      rest: { next: (s) => (s.phase === 1 ? { ...s, phase: 0 as const } : undefined) },
    },
    properties: ({ alwaysEventually }) => [alwaysEventually('works', (s) => s.phase === 1)],
    // Rotating the ring is a symmetry; the representative names the holder 0.
    symmetry: symmetric ? (s) => ({ ...s, holder: 0 }) : undefined,
    fairness,
  });
}

/** x counts up forever; a boundary keeps x < 3, so "x reaches 5" can only pass vacuously. */
export function unbounded(fairness: readonly Fairness[]) {
  return defineSpec({
    name: 'unbounded',
    init: () => [{ x: 0 }],
    actions: { inc: { next: (s: { x: number }) => ({ x: s.x + 1 }) } },
    properties: [eventually('reaches five', (s: { x: number }) => s.x === 5)],
    constraint: (s) => s.x < 3,
    fairness,
  });
}

/** Two independent toggles, a and b, driven by one action with a parameter. */
export function pair(fairness: readonly Fairness[]) {
  return defineSpec({
    name: 'pair',
    init: () => [{ a: 0, b: 0 }],
    actions: {
      flip: {
        params: ['a', 'b'] as const,
        next: (s: { a: number; b: number }, p: 'a' | 'b') => ({ ...s, [p]: 1 - s[p] }),
      },
    },
    properties: ({ alwaysEventually }) => [
      alwaysEventually('a flips', (s) => s.a === 1),
      alwaysEventually('b flips', (s) => s.b === 1),
    ],
    fairness,
  });
}

/** A token ring whose property names one node: not symmetric, so rotation symmetry cannot decide it. */
export function namedToken(symmetric: boolean) {
  return defineSpec({
    name: 'named-token',
    init: () => [{ holder: 0 }],
    actions: { pass: { next: (s: { holder: number }) => ({ holder: (s.holder + 1) % 3 }) } },
    properties: [alwaysEventually('node 1 holds it', (s: { holder: number }) => s.holder === 1)],
    symmetry: symmetric ? () => ({ holder: 0 }) : undefined,
    fairness: [weak('pass')],
  });
}
