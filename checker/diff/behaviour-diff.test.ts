/**
 * The behaviour diff on small graphs: trace semantics (not bisimulation), invisible steps, the
 * exact shortest distinguishing behaviour and its witness, bounds and model errors — and a
 * property-based cross-check against a naive search on random graphs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineSpec, type Spec } from '../../spec/index.ts';
import type { ActionPath } from '../path.ts';
import { Successors } from '../successors.ts';
import { findBehaviourOnlyIn } from './behaviour-diff.ts';

interface At {
  readonly at: number;
}

/** A spec whose states are the graph's nodes; action `i` follows `edges[i]` (node → successors). */
function graphSpec(
  name: string,
  edges: readonly (readonly (readonly number[])[])[],
  init: readonly number[] = [0],
): Spec<At> {
  const actions = Object.fromEntries(
    edges.map((table, i) => [
      `a${i}`,
      {
        params: [0, 1, 2],
        next: (s: At, p: number) => (table[s.at]?.[p] === undefined ? undefined : { at: table[s.at]![p]! }),
      },
    ]),
  );
  return defineSpec({ name, init: () => init.map((at) => ({ at })), actions }) as Spec<At>;
}

const labelled = (labels: readonly string[]) => (s: At) => labels[s.at];

/** Replays a path and returns what each state shows. */
function shown(spec: Spec<At>, path: ActionPath, observe: (s: At) => unknown): unknown[] {
  const successors = new Successors(spec, false);
  let state = successors.initialStates()[path.init]!;
  const out = [observe(state)];
  for (const step of path.steps) {
    state = successors.successor(state, step.action, step.param)!;
    out.push(observe(state));
  }
  return out;
}

const collapse = (xs: readonly unknown[]) => xs.filter((x, i) => i === 0 || x !== xs[i - 1]);

describe('findBehaviourOnlyIn', () => {
  // Milner's vending machines: coin, then tea or coffee — chosen after the coin, or with it.
  const late = graphSpec('late', [[[1], [2, 3], [], []]]);
  const early = graphSpec('early', [[[1, 2], [3], [4], [], []]]);
  const lateLabels = labelled(['idle', 'paid', 'tea', 'coffee']);
  const earlyLabels = labelled(['idle', 'paid', 'paid', 'tea', 'coffee']);

  it('compares traces, not branching: the two vending machines allow the same behaviours', () => {
    expect(
      findBehaviourOnlyIn(late, early, { observeAllowed: lateLabels, observeForbidding: earlyLabels }).status,
    ).toBe('included');
    expect(
      findBehaviourOnlyIn(early, late, { observeAllowed: earlyLabels, observeForbidding: lateLabels }).status,
    ).toBe('included');
  });

  it('finds the shortest behaviour only one allows, and a witness that follows it up to the last step', () => {
    const teaOnly = graphSpec('tea-only', [[[1], [2], []]]);
    const outcome = findBehaviourOnlyIn(late, teaOnly, {
      observeAllowed: lateLabels,
      observeForbidding: labelled(['idle', 'paid', 'tea']),
    });
    expect(outcome).toMatchObject({
      status: 'differs',
      path: {
        init: 0,
        steps: [
          { action: 0, param: 0 },
          { action: 0, param: 1 },
        ],
      },
      candidates: 1,
    });
    if (outcome.status !== 'differs') return;
    expect(shown(late, outcome.path, lateLabels)).toEqual(['idle', 'paid', 'coffee']);
    expect(shown(teaOnly, outcome.witness!, labelled(['idle', 'paid', 'tea']))).toEqual(['idle', 'paid']);
    expect(
      findBehaviourOnlyIn(teaOnly, late, {
        observeAllowed: labelled(['idle', 'paid', 'tea']),
        observeForbidding: lateLabels,
      }).status,
    ).toBe('included');
  });

  it('ignores steps that change nothing observed, on either side', () => {
    // 0 → 1 → 2 shows a, a, b; the other goes 0 → 1 directly, showing a, b.
    const slow = graphSpec('slow', [[[1], [2], []]]);
    const fast = graphSpec('fast', [[[1], []]]);
    const see = { observeAllowed: labelled(['a', 'a', 'b']), observeForbidding: labelled(['a', 'b']) };
    expect(findBehaviourOnlyIn(slow, fast, see).status).toBe('included');
    expect(
      findBehaviourOnlyIn(fast, slow, { observeAllowed: see.observeForbidding, observeForbidding: see.observeAllowed })
        .status,
    ).toBe('included');
    // over the whole state the extra state is a difference, after one step
    expect(findBehaviourOnlyIn(slow, fast)).toMatchObject({
      status: 'differs',
      path: { steps: [{ action: 0 }, { action: 0 }] },
    });
  });

  it('reports an initial state the other spec cannot start in, with no steps and no witness', () => {
    const outcome = findBehaviourOnlyIn(graphSpec('two', [[[], []]], [0, 1]), graphSpec('one', [[[]]]));
    expect(outcome).toMatchObject({
      status: 'differs',
      path: { init: 1, steps: [] },
      witness: undefined,
      candidates: 0,
    });
  });

  it('stops as incomplete at the pair bound', () => {
    const counter = defineSpec({
      name: 'up',
      init: () => [{ n: 0 }],
      actions: { inc: { next: (s) => ({ n: s.n + 1 }) } },
    });
    const outcome = findBehaviourOnlyIn(counter, counter, { maxPairs: 50 });
    expect(outcome).toMatchObject({ status: 'incomplete', reason: 'pair bound 50 reached' });
  });

  it("returns a model's mistake as an error naming the action", () => {
    const broken = defineSpec({
      name: 'broken',
      init: () => [{ n: 0 }],
      actions: {
        boom: {
          next: (): { n: number } => {
            throw new Error('no');
          },
        },
      },
    });
    const outcome = findBehaviourOnlyIn(graphSpec('g', [[[0]]]), broken, {
      observeAllowed: () => 0,
      observeForbidding: () => 0,
    });
    expect(outcome.status).toBe('error');
    if (outcome.status === 'error')
      expect(outcome.error).toMatchObject({ code: 'action-threw', where: { action: 'boom' } });
  });
});

/** Naive reference: can `spec` show exactly `sequence` (collapsed) from some initial state? Depth-first over (node, position). */
function canShow(
  edges: readonly (readonly (readonly number[])[])[],
  init: readonly number[],
  labels: readonly string[],
  sequence: readonly string[],
): boolean {
  const seen = new Set<string>();
  const from = (node: number, i: number): boolean => {
    if (seen.has(`${node}:${i}`)) return false;
    seen.add(`${node}:${i}`);
    if (i === sequence.length - 1) return true;
    return edges.some((table) =>
      (table[node] ?? []).some(
        (next) =>
          (labels[next] === sequence[i] && from(next, i)) || (labels[next] === sequence[i + 1] && from(next, i + 1)),
      ),
    );
  };
  return init.some((n) => labels[n] === sequence[0] && from(n, 0));
}

/** Naive reference: the fewest steps of a path of A whose collapsed observations B cannot show (up to `bound` steps). */
function shortestByEnumeration(a: GraphShape, b: GraphShape, bound: number): number | undefined {
  let frontier = a.init.map((n) => [n]);
  for (let steps = 0; steps <= bound; steps++) {
    if (
      frontier.some((path) => !canShow(b.edges, b.init, b.labels, collapse(path.map((n) => a.labels[n]!)) as string[]))
    )
      return steps;
    frontier = frontier.flatMap((path) =>
      a.edges.flatMap((table) => (table[path.at(-1)!] ?? []).map((next) => [...path, next])),
    );
  }
  return undefined;
}

interface GraphShape {
  readonly edges: readonly (readonly (readonly number[])[])[];
  readonly init: readonly number[];
  readonly labels: readonly string[];
}

const graphShape = (nodes: number): fc.Arbitrary<GraphShape> =>
  fc.record({
    edges: fc.array(
      fc.array(fc.uniqueArray(fc.nat(nodes - 1), { maxLength: 2 }), { minLength: nodes, maxLength: nodes }),
      { minLength: 1, maxLength: 2 },
    ),
    init: fc.uniqueArray(fc.nat(nodes - 1), { minLength: 1, maxLength: 2 }),
    labels: fc.array(fc.constantFrom('x', 'y', 'z'), { minLength: nodes, maxLength: nodes }),
  });

describe('findBehaviourOnlyIn against a naive search', () => {
  it('finds a difference exactly when enumeration does, of the same length', () => {
    let differing = 0;
    fc.assert(
      fc.property(graphShape(4), graphShape(4), (a, b) => {
        const outcome = findBehaviourOnlyIn(graphSpec('a', a.edges, a.init), graphSpec('b', b.edges, b.init), {
          observeAllowed: labelled(a.labels),
          observeForbidding: labelled(b.labels),
        });
        const naive = shortestByEnumeration(a, b, 6);
        if (outcome.status === 'included') expect(naive).toBeUndefined();
        else {
          expect(outcome.status).toBe('differs');
          if (outcome.status !== 'differs') return;
          if (naive !== undefined) expect(outcome.path.steps.length).toBe(naive);
          else expect(outcome.path.steps.length).toBeGreaterThan(6);
          const seen = collapse(shown(graphSpec('a', a.edges, a.init), outcome.path, labelled(a.labels))) as string[];
          expect(canShow(b.edges, b.init, b.labels, seen)).toBe(false);
          if (outcome.witness)
            expect(collapse(shown(graphSpec('b', b.edges, b.init), outcome.witness, labelled(b.labels)))).toEqual(
              seen.slice(0, -1),
            );
          differing++;
        }
      }),
      { numRuns: 300, seed: 18 },
    );
    expect(differing).toBeGreaterThan(100); // the random graphs do differ, often
  });
});
