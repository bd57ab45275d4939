import { describe, expect, it } from 'vitest';
import { parsePath } from '../checker/path.ts';
import { dieHardSpec } from '../model/die-hard/die-hard.ts';
import { clockSpec } from './fixture-specs.ts';
import { exploreStateGraph, renderStateGraphDot, smallStateGraphDot } from './state-graph.ts';
import { buildTrace } from './trace.ts';

describe('state-space graph of a small model', () => {
  it('explores every reachable state (die-hard: 16, as TLC with TypeOK only)', () => {
    const graph = exploreStateGraph(dieHardSpec());
    expect(graph.states.length).toBe(16);
    expect(graph.initial).toEqual([0]);
    expect(graph.nodeOf({ small: 3, big: 4 })).toBeDefined();
  });

  it('highlights the counterexample path, numbered, with the violating state in red', () => {
    const trace = buildTrace(dieHardSpec(), parsePath('0/1:0/5:0/2:0/5:0/1:0/5:0'), { property: 'NotSolved' });
    const dot = renderStateGraphDot(dieHardSpec(), trace);
    expect(dot.match(/penwidth=2\.6/g)?.length).toBe(6);
    expect(dot).toContain('label=" 6. bigToSmall "');
    const graph = exploreStateGraph(dieHardSpec());
    const last = graph.nodeOf({ small: 3, big: 4 })!;
    expect(dot).toContain(`  n${last} [label="${last + 1}\\n{ small: 3, big: 4 }" tooltip="{ small: 3, big: 4 }" fillcolor="#fbe3e3" color="#c62828" penwidth=2.5];`);
  });

  it('draws the closing step of a lasso dashed', () => {
    const trace = buildTrace(clockSpec(), parsePath('0/0:0/0:0/0:0/0:0'), { property: 'reaches five', loop: 1 });
    expect(renderStateGraphDot(clockSpec(), trace)).toContain('n3 -> n1 [label=" 4. tick " color="#6a1b9a" fontcolor="#6a1b9a" fontname="DejaVu Sans" fontsize=10 penwidth=2.6 style=dashed]');
  });

  it('refuses a model beyond the size limit with a clear message', () => {
    expect(() => exploreStateGraph(dieHardSpec(), 10)).toThrow(/'die-hard' has more than 10 reachable states: the state-space picture is for small models/);
    const trace = buildTrace(dieHardSpec(), parsePath('0/1:0'));
    expect(smallStateGraphDot(dieHardSpec(), trace, 10)).toBeUndefined();
    expect(smallStateGraphDot(dieHardSpec(), trace, 16)).toContain('16 reachable states');
  });
});
