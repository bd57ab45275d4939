import { describe, expect, it } from 'vitest';
import { check } from '../checker/check.ts';
import { parsePath } from '../checker/path.ts';
import { dieHardSpec } from '../model/die-hard/die-hard.ts';
import { paxosSpec } from '../model/paxos/paxos.ts';
import { clockSpec, counterSpec } from './fixture-specs.ts';
import { neighbourhood } from './neighbourhood.ts';
import { exploreStateGraph, renderStateGraphDot, stateGraphDotIfDrawable } from './state-graph.ts';
import { buildTrace } from './trace.ts';

/** BFS's shortest way to 4 gallons (7 states); die-hard has 16 reachable states, and the check stops after 14. */
const dieHard = () => buildTrace(dieHardSpec(), parsePath('0/1:0/5:0/2:0/5:0/1:0/5:0'), { property: 'NotSolved' });
const nodes = (dot: string) => dot.match(/^ {2}n\d+ \[/gm)?.length;

describe('the state space around a counterexample', () => {
  it('grows step by step from the trace while the bound allows: exact counts on die-hard', () => {
    const states = dieHard().steps.map((s) => s.state);
    const sizes = [7, 10, 12, 14, 16, 80].map((max) => {
      const g = neighbourhood(dieHardSpec(), states, max);
      return [g.states.length, g.radius, g.closed];
    });
    expect(sizes).toEqual([
      [7, 0, false],
      [10, 1, false],
      [12, 2, false],
      [14, 3, false],
      [16, 4, true],
      [16, 4, true],
    ]);
    const whole = neighbourhood(dieHardSpec(), states, 80);
    expect(whole.onTrace).toBe(7);
    expect(whole.open.size).toBe(0);
    expect(whole.edges.length).toBe(exploreStateGraph(dieHardSpec()).edges.length); // drawn whole: every transition
  });

  it('states its numbers next to the check’s', () => {
    expect(renderStateGraphDot(dieHardSpec(), dieHard(), { explored: 14 })).toContain(
      'every reachable state: the 7 states of the counterexample and 9 others<br/>(the check stopped at the violation after 14 distinct states)<br/>(self-loops not drawn)',
    );
    const part = renderStateGraphDot(dieHardSpec(), dieHard(), { explored: 14, maxNodes: 12 });
    expect(part).toContain(
      'the 7 states of the counterexample and 5 states within 2 steps of it<br/>the check explored 14 distinct states<br/>(self-loops not drawn; dashed outline: more successors, not drawn)',
    );
    expect(nodes(part)).toBe(12);
    expect(part.match(/style="filled,dashed"/g)?.length).toBe(2);
    expect(renderStateGraphDot(dieHardSpec(), dieHard(), { maxNodes: 7 })).toContain(
      'the 7 states of the counterexample (their other successors are too many to draw)',
    );
  });

  it('highlights the counterexample path, numbered as the trace, with the violating state in red', () => {
    const dot = renderStateGraphDot(dieHardSpec(), dieHard());
    expect(dot.match(/penwidth=2\.6/g)?.length).toBe(6);
    expect(dot).toContain('label=" 6. bigToSmall "');
    expect(dot).toContain(
      '  n6 [label="7\\n{ small: 3, big: 4 }" tooltip="{ small: 3, big: 4 }" fillcolor="#fbe3e3" color="#c62828" penwidth=2.5];',
    );
    expect(dot).toContain(
      '  n0 [label="1\\n{ small: 0, big: 0 }" tooltip="{ small: 0, big: 0 }" fillcolor="#d6e6f5" color="#263238" penwidth=2];',
    );
  });

  it('draws the closing step of a lasso dashed', () => {
    const trace = buildTrace(clockSpec(), parsePath('0/0:0/0:0/0:0/0:0'), { property: 'reaches five', loop: 1 });
    expect(renderStateGraphDot(clockSpec(), trace)).toContain(
      'n3 -> n1 [label=" 4. tick " color="#6a1b9a" fontcolor="#6a1b9a" fontname="DejaVu Sans" fontsize=10 penwidth=2.6 style=dashed]',
    );
  });

  it('draws a bounded picture of a big model (Paxos: the check explores 32,002 distinct states): the trace and the states one step off it', () => {
    const spec = paxosSpec({ proposers: 2, acceptors: 3, rounds: 1, crashes: 1 }, 'volatile-promise');
    const trace = buildTrace(spec, parsePath('0/1:0/0:0/0:0/0:2/0:1/0:2/1:0/0:10/0:3/0:12/0:4/0:11/0:14/2:1/3:0/0:9'), {
      property: 'agreement',
    });
    const dot = renderStateGraphDot(spec, trace, { explored: 32_002 });
    expect(nodes(dot)).toBe(102);
    expect(dot).toContain(
      'the 17 states of the counterexample and 85 states within 1 step of it<br/>the check explored 32,002 distinct states',
    );
    expect(dot).toContain('label=" 14. Crash a2 "'); // actor steps as the trace graph writes them
    expect(nodes(renderStateGraphDot(spec, trace, { maxNodes: 60 }))).toBe(17);
  });

  it('refuses a trace of more states than it draws, with a clear message; the files then have no states.svg', () => {
    const spec = counterSpec(200);
    const result = check(spec);
    if (result.status !== 'violation') throw new Error(`expected a violation, got ${result.status}`);
    const trace = buildTrace(spec, result.violations[0]!.path!, { property: 'below' });
    expect(() => renderStateGraphDot(spec, trace)).toThrow(
      /passes through 201 distinct states, more than the 120 a state-space picture draws/,
    );
    expect(stateGraphDotIfDrawable(spec, trace)).toBeUndefined();
    expect(nodes(renderStateGraphDot(spec, trace, { maxNodes: 201 }))).toBe(201);
  });
});
