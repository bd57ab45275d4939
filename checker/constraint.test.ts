import { describe, expect, it } from 'vitest';
import { buildTrace } from '../counterexamples/trace.ts';
import { defineSpec } from '../spec/index.ts';
import { check } from './check.ts';

/**
 * TLC's CONSTRAINT semantics (reference `semantics_notes`): a successor outside the constraint is
 * counted as generated and checked against the invariants, but is neither distinct nor explored.
 * Probe: Init x = 0, Next x' = x + 1, CONSTRAINT x < 3.
 */
function counter(withInvariant: boolean) {
  return defineSpec({
    name: 'constraint-probe',
    init: () => [{ x: 0 }],
    actions: { increment: { next: (s: { x: number }) => ({ x: s.x + 1 }) } },
    constraint: (s) => s.x < 3,
    properties: ({ always }) => (withInvariant ? [always('x # 3', (s) => s.x !== 3)] : []),
  });
}

/** The exhaustive engines, which must both keep these semantics. */
const EXHAUSTIVE = ['bfs', 'dfs'] as const;

describe('state constraint (TLC CONSTRAINT)', () => {
  it.each(EXHAUSTIVE)(
    '%s: counts the state beyond the constraint as generated, not distinct (4 generated, 3 distinct, depth 3)',
    (engine) => {
      const result = check(counter(false), { engine, strict: true });
      expect(result.status).toBe('pass');
      expect(result.stats).toMatchObject({ generatedStates: 4, distinctStates: 3, depth: 3, queued: 0 });
    },
  );

  it.each(EXHAUSTIVE)('%s: checks invariants on the state beyond the constraint', (engine) => {
    const spec = counter(true);
    const result = check(spec, { engine });
    expect(result.status).toBe('violation');
    if (result.status !== 'violation') return;
    const [violation] = result.violations;
    expect(violation?.property).toBe('x # 3');
    const trace = buildTrace(spec, violation!.path!);
    expect(trace.steps.map((s) => s.state)).toEqual([{ x: 0 }, { x: 1 }, { x: 2 }, { x: 3 }]);
    expect(result.stats.distinctStates).toBe(3);
  });

  it('does not report the constraint boundary as a deadlock', () => {
    expect(check(counter(false), { checkDeadlock: true }).status).toBe('pass');
  });
});
