/**
 * Boulanger written against views of a packed layout, against the object model: states shown
 * alike wherever they are shown (traces and their text, the layout's own decoding, which the
 * explorer and behaviour diffs read), traces that replay across all three definitions, and the
 * settings. (Its counts with every engine and store, its reachable states and its invariants are
 * tested beside the hand-packed port's, in `boulanger-packed.test.ts`.)
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../checker/index.ts';
import { wholeState } from '../../checker/diff/index.ts';
import { fingerprintOf } from '../../checker/fingerprint/index.ts';
import { exploreStateGraph } from '../../counterexamples/state-graph.ts';
import { traceToJson } from '../../counterexamples/export-json.ts';
import { parseTrace } from '../../counterexamples/load-trace.ts';
import { replayTrace } from '../../counterexamples/replay.ts';
import { renderTraceText } from '../../counterexamples/text.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import { always, KripkeError, type Spec, type Words } from '../../spec/index.ts';
import { boulanger, type BoulangerState, boulangerSpec } from './boulanger.ts';
import { boulangerLayout } from './boulanger-packed.ts';
import { boulangerViewSpec } from './boulanger-views.ts';

const SMALL = { n: 2, maxNat: 3 };

/** The spec with one invariant, `reaches` never holds, and the shortest trace that breaks it. */
function traceTo<S>(spec: Spec<S>, reaches: (s: S) => boolean) {
  const probe: Spec<S> = { ...spec, properties: [always<S>('not reached', (s) => !reaches(s))] };
  const result = check(probe);
  if (result.status !== 'violation') throw new Error(`expected a violation, got ${result.status}`);
  return { probe, trace: buildTrace(probe, result.violations[0]!.path!, { property: 'not reached' }) };
}

describe('boulanger written against views (boulanger-views.ts)', () => {
  it("takes the object model's shortest path to the exit, with the same trace text, replayed on all three", () => {
    const { pc } = boulangerLayout(SMALL.n).fields;
    const views = traceTo(boulangerViewSpec(SMALL), (w) => pc.items[1]!.get(w) === 'exit');
    const objects = traceTo(boulangerSpec(SMALL), (s: BoulangerState) => s.pc[1] === 'exit');
    const packed = traceTo(
      boulanger.instantiate({ ...SMALL, packed: true }) as Spec<Words>,
      (w) => pc.items[1]!.get(w) === 'exit',
    );
    // With number 1, process 1 waits only on the lower-numbered process 0 (the Boulangerie's shortcut).
    expect(views.trace.steps.map((s) => s.action?.label ?? 'init')).toEqual([
      'init',
      'ncs(1)',
      'e1(1)',
      'e2([1, 0])',
      'e2Done(1)',
      'e3(1)',
      'e4(1)',
      'w1([1, 0])',
      'w2(1)',
      'cs(1)',
    ]);
    expect(views.trace.steps.map((s) => s.action?.label ?? 'init')).toEqual(
      objects.trace.steps.map((s) => s.action?.label ?? 'init'),
    );
    expect(views.trace.steps.map((s) => s.shown)).toEqual(objects.trace.steps.map((s) => s.state));
    expect(renderTraceText(views.trace)).toBe(renderTraceText(objects.trace));
    const saved = parseTrace(JSON.stringify(traceToJson(views.trace)), 'trace.json');
    expect(replayTrace(views.probe, saved).status).toBe('reproduced');
    expect(replayTrace(packed.probe, saved).status).toBe('reproduced');
    expect(replayTrace(objects.probe, saved).status).toBe('reproduced');
  });

  it("decodes every reachable state, in the layout too, as the object model's (what the explorer and diffs read)", () => {
    const views = boulangerViewSpec(SMALL),
      objects = boulangerSpec(SMALL);
    const states = exploreStateGraph(views, 100_000).states;
    const observe = wholeState(views);
    for (const w of states) expect(observe(w)).toEqual(views.display(w));
    const objectStates = exploreStateGraph(objects, 100_000).states;
    expect(objectStates).toHaveLength(11725);
    expect(new Set(states.map((w) => fingerprintOf(observe(w))))).toEqual(
      new Set(objectStates.map((s) => fingerprintOf(s))),
    );
  });

  it('refuses packed=true with views=true, naming the setting', () => {
    let thrown: unknown;
    try {
      boulanger.instantiate({ packed: true, views: true });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(KripkeError);
    expect(thrown).toMatchObject({ code: 'invalid-config', message: expect.stringMatching(/choose one/) });
  });
});
