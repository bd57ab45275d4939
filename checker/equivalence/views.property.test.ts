/**
 * A spec written against views (`definePackedSpec`) is the same spec as one written over words:
 * random packed specs (`packed.ts`: every field type, random guards, invariants, step and
 * liveness properties, fairness) are written both ways, and BFS and DFS must give the same counts,
 * depth, verdicts and counterexample paths. A view that misread or miswrote a field — the
 * parameter's position taken for the key, a cached view of another state, a copy that shares
 * words — changes the state space, and with it the counts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { definePackedSpec } from '../../spec/define-packed.ts';
import type { StateViewOf } from '../../spec/views.ts';
import { check, type CheckResult } from '../index.ts';
import { packedShape } from './arbitraries.ts';
import { type PackedShape, packedPart, packedStates } from './packed.ts';
import { fairnessOf, type Measures, propertiesOf, terminalOf } from './property-shapes.ts';

type State = StateViewOf<typeof packedStates>;
const MODES = ['idle', 'busy', 'done'] as const;
const FLAGS = ['a', 'b', 'c'] as const;

const MEASURES: Measures<State> = {
  n: (s) => s.n,
  mode: (s) => MODES.indexOf(s.mode as (typeof MODES)[number]),
  flags: (s) => FLAGS.filter((f) => s.flags.get(f)).length,
  members: (s) => s.members.size,
  queue: (s) => s.queue.length + s.slots.get(0),
};

/** `packed.ts`'s effects, written as a user of views would. */
function apply(shape: PackedShape, effect: PackedShape['actions'][number]['effect'], s: State, p: number) {
  const t = s.copy();
  switch (effect) {
    case 'count':
      t.n = (s.n + 1 + p) % shape.mod;
      break;
    case 'cycle':
      t.mode = MODES[(MEASURES.mode!(s) + 1) % 3]!;
      break;
    case 'flag':
      t.flags.set(FLAGS[p]!, !s.flags.get(FLAGS[p]!));
      break;
    case 'add':
      t.members.add(p);
      break;
    case 'remove':
      if (!s.members.has(p)) return undefined;
      t.members.delete(p);
      break;
    case 'push':
      if (s.queue.length === 2) return undefined;
      t.queue.push(p);
      break;
    case 'shift':
      if (s.queue.length === 0) return undefined;
      t.queue.shift();
      break;
    case 'slot':
      t.slots.set(p % 2, (s.slots.get(p % 2) + 1) % 3);
      break;
    case 'choose':
      t.choice = packedStates.fields.choice.values[p % 2]!;
      break;
  }
  return t;
}

function viewsSpec(shape: PackedShape) {
  const actions = Object.fromEntries(
    shape.actions.map((a, i) => [
      `act${i}`,
      {
        params: Array.from({ length: a.params }, (_, p) => p),
        next: (s: State, p: number) =>
          a.guard === null || MEASURES[a.guard.on]!(s) < a.guard.below ? apply(shape, a.effect, s, p) : undefined,
      },
    ]),
  );
  const names = Object.keys(actions);
  return definePackedSpec(packedStates, {
    name: 'random-packed',
    init: (blank) => [blank()],
    actions,
    properties: propertiesOf(MEASURES, shape.properties, names),
    fairness: fairnessOf(
      shape.properties,
      names,
      (p) => p,
      (i) => shape.actions[i]!.params,
    ),
    terminal: terminalOf(MEASURES, shape.properties),
  });
}

const summary = (r: CheckResult) => ({
  status: r.status,
  distinct: r.stats.distinctStates,
  generated: r.stats.generatedStates,
  depth: r.stats.depth,
  violations: r.status === 'violation' ? r.violations.map((v) => [v.property, v.path, v.loop]) : [],
  error: r.status === 'error' ? r.error.message : undefined,
});

describe('specs written against views', () => {
  it('check exactly as the same specs written over words, with BFS and DFS', () => {
    fc.assert(
      fc.property(packedShape(), (shape) => {
        const words = packedPart(shape).spec;
        const views = viewsSpec(shape);
        for (const engine of ['bfs', 'dfs'] as const) {
          expect(summary(check(views, { engine, maxStates: 5_000 }))).toEqual(
            summary(check(words, { engine, maxStates: 5_000 })),
          );
        }
      }),
      { numRuns: 60 },
    );
  });
});
