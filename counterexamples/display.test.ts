/**
 * A spec's display projection (TLC's ALIAS): every renderer and export shows `display(state)`,
 * while identity, replay and properties keep the real state.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../checker/check.ts';
import type { CheckResult } from '../checker/result.ts';
import { twoPhaseCommit } from '../model/transaction-commit/two-phase.ts';
import { defineSpec } from '../spec/define.ts';
import { renderTraceDot } from './dot.ts';
import { explainViolation } from './explain.ts';
import { traceFromJson, traceToJson } from './export-json.ts';
import { traceFromItf, traceToItf } from './itf.ts';
import { replayTrace } from './replay.ts';
import { exploreStateGraph, renderStateGraphDot } from './state-graph.ts';
import { renderTraceText } from './text.ts';
import { buildTrace } from './trace.ts';

interface Tally {
  readonly x: number;
  readonly log: readonly string[];
}

/** x counts up by 1 or 2 and the log records how; people see only x (and the log's length). */
const tally = (display: boolean) =>
  defineSpec({
    name: 'tally',
    init: (): Tally[] => [{ x: 0, log: [] }],
    actions: {
      add: { params: [1, 2], next: (s, k) => (s.x + k <= 3 ? { x: s.x + k, log: [...s.log, `+${k}`] } : undefined) },
    },
    properties: ({ always }) => [
      always(
        'short log',
        (s) => s.log.length < 3,
        (s) => `the log is ${s.log.join(' ')}`,
      ),
    ],
    display: display ? (s) => ({ x: s.x, steps: s.log.length }) : undefined,
    checkDeadlock: false,
  });

const violation = (r: CheckResult) => (r.status === 'violation' ? r.violations[0]! : undefined);

describe('the display projection', () => {
  it('does not change identity: two states that look alike stay two states', () => {
    const shown = check(tally(true));
    const plain = check(tally(false));
    expect(shown.stats).toMatchObject({
      distinctStates: plain.stats.distinctStates,
      generatedStates: plain.stats.generatedStates,
    });
    const spec = tally(true);
    const graph = exploreStateGraph(spec);
    expect(graph.states.map(spec.display)).toContainEqual({ x: 2, steps: 1 });
    // +1 then +2 and +2 then +1: shown alike, two states.
    expect(graph.states.map(spec.display).filter((s) => JSON.stringify(s) === '{"x":3,"steps":2}')).toHaveLength(2);
  });

  it('is what the trace, its text, DOT, JSON and ITF show; properties still read the real state', () => {
    const spec = tally(true);
    const v = violation(check(spec))!;
    const trace = buildTrace(spec, v.path!, { property: v.property });
    expect(trace.steps.map((s) => s.shown)).toEqual([
      { x: 0, steps: 0 },
      { x: 1, steps: 1 },
      { x: 2, steps: 2 },
      { x: 3, steps: 3 },
    ]);
    expect(trace.steps.at(-1)!.state).toEqual({ x: 3, log: ['+1', '+1', '+1'] });
    expect(renderTraceText(trace)).toContain('steps: 2 → 3');
    expect(renderTraceText(trace)).not.toContain('log'); // the field, hidden
    // The log's values are hidden (only the model's explanation of the failing state quotes it).
    expect(renderTraceDot(trace)).not.toContain('&quot;+1&quot;');
    expect(traceFromJson(traceToJson(trace)).steps.at(-1)!.state).toEqual({ x: 3, steps: 3 });
    expect(traceFromItf(traceToItf(trace)).steps.at(-1)!.state).toEqual({ x: 3, steps: 3 });
    expect(explainViolation(spec, trace)).toBe('the log is +1 +1 +1');
  });

  it('a saved trace replays (compared in its display form) and still violates its property on the real states', () => {
    const spec = tally(true);
    const v = violation(check(spec))!;
    const saved = traceFromJson(traceToJson(buildTrace(spec, v.path!, { property: v.property })));
    expect(replayTrace(spec, saved)).toMatchObject({ status: 'reproduced', verdict: "'short log' is still violated" });
  });

  it('the state-space picture draws states as displayed and finds the trace by its real states', () => {
    const spec = tally(true);
    const v = violation(check(spec))!;
    const dot = renderStateGraphDot(spec, buildTrace(spec, v.path!, { property: v.property }));
    expect(dot).toContain('{ x: 3, steps: 3 }');
    expect(dot).not.toContain('log:');
    expect(dot.match(/penwidth=2\.6/g)).toHaveLength(3); // the three steps of the trace, drawn on its path
  });

  it('a packed state is displayed decoded, and its saved trace replays (it did not before: the words were compared with the fields)', () => {
    const spec = twoPhaseCommit.instantiate({}, 'commit-on-majority');
    const v = violation(check(spec, { properties: ['TCConsistent'] }))!;
    const saved = traceFromJson(traceToJson(buildTrace(spec, v.path!, { property: v.property })));
    expect(saved.steps[0]!.state).toMatchObject({ tmState: 'init' });
    expect(replayTrace(spec, saved)).toMatchObject({ status: 'reproduced' });
  });
});
