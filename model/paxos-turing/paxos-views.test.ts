/**
 * Paxos written against views of a packed layout, against the object model: the same states
 * decoded (what traces, the explorer and diffs show), traces that replay across both definitions,
 * MCPaxosSmall's counts, and two workers and the disk store. (The Tiny model's counts, symmetry,
 * and the shortest traces of the bug are tested for both definitions in `paxos.test.ts`.)
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
import { paxosSpec, paxosTuring } from './paxos.ts';
import { messageTexts, paxosViewSpec } from './paxos-views.ts';
import { universe } from './voting.ts';

const TINY = { acceptors: 3, values: 2, maxBallot: 1 };

describe('paxos-turing written against views (paxos-views.ts)', () => {
  it("decodes every reachable state as the object model's (what traces, the explorer and diffs read)", () => {
    const views = paxosViewSpec(TINY),
      objects = paxosSpec(TINY);
    const states = exploreStateGraph(views, 100_000).states;
    const observe = wholeState(views);
    for (const w of states) expect(observe(w)).toEqual(views.display(w));
    const objectStates = exploreStateGraph(objects, 100_000).states;
    expect(objectStates).toHaveLength(3921);
    expect(new Set(states.map((w) => fingerprintOf(observe(w))))).toEqual(
      new Set(objectStates.map((s) => fingerprintOf(s))),
    );
  });

  it("takes the object model's shortest path to Agreement's violation, with the same text, replayed on both", () => {
    const views = paxosViewSpec(TINY, 'ignore-prior-votes'),
      objects = paxosSpec(TINY, 'ignore-prior-votes');
    const traceOf = <S>(spec: typeof objects | typeof views) => {
      const result = check(spec as never, { properties: ['Agreement'] });
      if (result.status !== 'violation') throw new Error(`expected a violation, got ${result.status}`);
      return buildTrace<S>(spec as never, result.violations[0]!.path!, { property: 'Agreement' });
    };
    const fromViews = traceOf(views),
      fromObjects = traceOf(objects);
    expect(fromViews.steps).toHaveLength(13);
    expect(fromViews.steps.map((s) => s.shown)).toEqual(fromObjects.steps.map((s) => s.state));
    expect(renderTraceText(fromViews)).toBe(renderTraceText(fromObjects));
    const saved = parseTrace(JSON.stringify(traceToJson(fromViews)), 'trace.json');
    expect(replayTrace(views, saved).status).toBe('reproduced');
    expect(replayTrace(objects, saved).status).toBe('reproduced');
  });

  it("checks MCPaxosSmall (Inv and V!Spec) with TLC's counts: 185,369 distinct, 1,361,380 generated, depth 25", () => {
    const result = check(paxosTuring.instantiate({ maxBallot: '2', views: 'true' }), {
      properties: ['Inv', 'ImplementsVoting'],
    });
    expect(result.status).toBe('pass');
    expect(result.stats).toMatchObject({ distinctStates: 185369, generatedStates: 1361380, depth: 25 });
  });

  it('gives the counts with two workers and with the disk store', () => {
    const settings = { views: 'true' };
    const spec = paxosTuring.instantiate(settings);
    const specSource = { module: new URL('./paxos.ts', import.meta.url).href, exportName: 'paxosTuring', settings };
    for (const options of [{ workers: 2, specSource }, { store: 'disk' as const }]) {
      const result = check(spec, options);
      expect(result.status).toBe('pass');
      expect(result.stats).toMatchObject({ distinctStates: 3921, generatedStates: 23563, depth: 17 });
    }
  });

  it('holds every message the constants allow, the votes first (54 texts with 3 acceptors, 2 values, ballots 0..2)', () => {
    const texts = messageTexts(universe({ acceptors: 3, values: 2, maxBallot: 2 }));
    expect(texts).toHaveLength(18 + 3 + 27 + 6);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.slice(0, 2)).toEqual(['2b(a1, 0, v1)', '2b(a1, 0, v2)']);
    expect(texts).toContain('1b(a3, 2, 1, v2)');
    expect(texts).not.toContain('1b(a3, 1, 1, v2)'); // a report of ballot 1 carries a vote below 1
  });
});
