/**
 * A mid-size fixture for the parallel engine's tests (the checker never imports model/): tokens
 * moving on a ring of `size` places with a set of visited places and a record of moves. The
 * `bug` variant sets an invariant that fails deep in the state space.
 */
import { defineProtocol, defineSpec } from '../../spec/index.ts';
import { int, packedLayout, type Words } from '../../spec/packed.ts';

interface RingState {
  readonly tokens: readonly number[];
  readonly visited: ReadonlySet<number>;
  readonly moves: { readonly left: number; readonly right: number };
}

export function ringSpec(size: number, tokens: number, bug: boolean) {
  const ids = Array.from({ length: tokens }, (_, i) => i);
  const move = (s: RingState, t: number, step: 1 | -1): RingState | undefined => {
    const at = (s.tokens[t]! + step + size) % size;
    if (s.tokens.includes(at)) return undefined;
    const total = s.moves.left + s.moves.right;
    if (total >= 2 * size) return undefined;
    return {
      tokens: s.tokens.map((p, i) => (i === t ? at : p)),
      visited: s.visited.has(at) ? s.visited : new Set([...s.visited, at]),
      moves: step === 1 ? { ...s.moves, right: s.moves.right + 1 } : { ...s.moves, left: s.moves.left + 1 },
    };
  };
  return defineSpec({
    name: 'ring',
    init: (): RingState[] => [
      { tokens: ids.map((i) => i * 2), visited: new Set(ids.map((i) => i * 2)), moves: { left: 0, right: 0 } },
    ],
    actions: {
      right: { params: ids, next: (s, t) => move(s, t, 1) },
      left: { params: ids, next: (s, t) => move(s, t, -1) },
    },
    properties: ({ always }) => [
      always('Distinct', (s) => new Set(s.tokens).size === s.tokens.length),
      always('NotAllVisited', (s) => !bug || s.visited.size < size),
    ],
    terminal: () => true,
  });
}

export const ring = defineProtocol({
  name: 'ring',
  summary: 'tokens on a ring (parallel engine fixture)',
  config: {
    size: { default: 8, doc: 'places on the ring', min: 3, max: 32 },
    tokens: { default: 3, doc: 'tokens', min: 1, max: 8 },
    bug: { default: false, doc: 'invariant that fails once every place was visited' },
  },
  variants: { fixture: 'the fixture' },
  build: (c) => ringSpec(c.size, c.tokens, c.bug),
});

/**
 * Many initial states at once: every point of a `side` × `side` grid starts a walk that may step
 * right or up to the grid's edge. The initial level alone holds side² states.
 */
export function gridSpec(side: number) {
  interface Point {
    readonly x: number;
    readonly y: number;
  }
  const starts: Point[] = [];
  for (let x = 0; x < side; x++) for (let y = 0; y < side; y++) starts.push({ x, y });
  return defineSpec({
    name: 'grid',
    init: (): Point[] => starts,
    actions: {
      right: { next: (p) => (p.x + 1 < side + 2 ? { ...p, x: p.x + 1 } : undefined) },
      up: { next: (p) => (p.y + 1 < side + 2 ? { ...p, y: p.y + 1 } : undefined) },
    },
    properties: ({ always }) => [always('InBounds', (p) => p.x < side + 2 && p.y < side + 2)],
    terminal: () => true,
  });
}

export const grid = defineProtocol({
  name: 'grid',
  summary: 'walks from every point of a grid (parallel engine fixture: a large initial level)',
  config: { side: { default: 250, doc: 'points per side', min: 1, max: 2000 } },
  variants: { fixture: 'the fixture' },
  build: (c) => gridSpec(c.side),
});

const gridWords = packedLayout({ x: int(), y: int() });
const { x: gx, y: gy } = gridWords.fields;

/**
 * The grid's walks on a packed layout, so that the threads share each level
 * (`shared-level.ts`): every point of a `side` × `side` grid starts a walk right or up to the
 * edge. `failAt`: an invariant fails at x + y = failAt; `throwAt`: the model throws there.
 */
export function packedGridSpec(side: number, failAt: number, throwAt: number) {
  const starts: Words[] = [];
  for (let x = 0; x < side; x++)
    for (let y = 0; y < side; y++) {
      const s = gridWords.blank();
      gx.set(s, x);
      gy.set(s, y);
      starts.push(s);
    }
  const step = (s: Words, field: typeof gx): Words | undefined => {
    if (gx.get(s) + gy.get(s) === throwAt) throw new Error(`no step from (${gx.get(s)}, ${gy.get(s)})`);
    if (field.get(s) + 1 >= side + 2) return undefined;
    const next = s.slice();
    field.set(next, field.get(s) + 1);
    return next;
  };
  return defineSpec({
    name: 'packed-grid',
    layout: gridWords,
    init: () => starts,
    actions: { right: { next: (s) => step(s, gx) }, up: { next: (s) => step(s, gy) } },
    properties: ({ always }) => [always('BelowFailAt', (s) => gx.get(s) + gy.get(s) !== failAt)],
    terminal: () => true,
  });
}

export const packedGrid = defineProtocol({
  name: 'packed-grid',
  summary: 'walks from every point of a grid, on a packed layout (parallel engine fixture: shared levels)',
  config: {
    side: { default: 100, doc: 'points per side', min: 1, max: 2000 },
    failAt: { default: -1, doc: 'x + y where an invariant fails (-1: nowhere)', min: -1, max: 4000 },
    throwAt: { default: -1, doc: 'x + y where the model throws (-1: nowhere)', min: -1, max: 4000 },
  },
  variants: { fixture: 'the fixture' },
  build: (c) => packedGridSpec(c.side, c.failAt, c.throwAt),
});
