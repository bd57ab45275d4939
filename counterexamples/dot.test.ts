import { describe, expect, it } from 'vitest';
import { parsePath } from '../checker/path.ts';
import { dieHardSpec } from '../model/die-hard/die-hard.ts';
import { renderTraceDot } from './dot.ts';
import { clockSpec, miniCommitSpec, scriptedActorSpec } from './fixture-specs.ts';
import { golden } from './golden.ts';
import { buildTrace } from './trace.ts';

const commitTrace = () => buildTrace(miniCommitSpec(), parsePath('0/0:0/1:0/2:0/3:1'), { property: 'consistent' });
/** As the liveness engine reports it: the last state is state `loop` again. */
const lassoTrace = () => buildTrace(clockSpec(), parsePath('0/0:0/0:0/0:0/0:0'), { property: 'reaches five', loop: 1 });

describe('trace graph (DOT)', () => {
  it('matches the golden file for an invariant violation with nested changes', () => {
    const dot = renderTraceDot(commitTrace());
    expect(dot).toBe(golden('mini-commit.dot', dot));
  });

  it('matches the golden file for a lasso', () => {
    const dot = renderTraceDot(lassoTrace());
    expect(dot).toBe(golden('clock-lasso.dot', dot));
  });

  it('matches the golden file for die-hard', () => {
    const trace = buildTrace(dieHardSpec(), parsePath('0/1:0/5:0/2:0/5:0/1:0/5:0'), { property: 'NotSolved' });
    const dot = renderTraceDot(trace);
    expect(dot).toBe(golden('die-hard.dot', dot));
  });

  it('matches the golden file for an actor trace, with compact event labels', () => {
    const spec = scriptedActorSpec([
      { kind: 'Deliver', from: 'p1', to: 'a1', msg: { type: 'prepare', ballot: 1 } },
      { kind: 'Crash', node: 'a1' },
      { kind: 'Timeout', node: 'p1', timer: 'retry' },
    ]);
    const dot = renderTraceDot(buildTrace(spec, parsePath('0/0:0/4:0/3:0'), { property: 'short' }));
    expect(dot).toContain('label=" Deliver p1→a1: prepare(1) "');
    expect(dot).toBe(golden('actors.dot', dot));
  });

  it('highlights nested paths, not whole variables, and names the violated property', () => {
    const dot = renderTraceDot(commitTrace());
    expect(dot).toContain('↳ rm.b');
    expect(dot).toContain('✘ violates consistent');
    expect(dot).toMatch(/s0 \[label=<<table[^>]*><tr><td[^>]*bgcolor="#d6e6f5"><b>State 1<\/b> · initial/);
    expect(dot).toContain('s3 -> s4 [label=" rmAbort(\\"b\\") " color="#d55e00" fontcolor="#d55e00" penwidth=2.8]');
  });

  it('folds the repeated last state into the loop state: the closing step is the loop-back edge', () => {
    const dot = renderTraceDot(lassoTrace());
    expect(dot).toMatch(/cluster_cycle \{[^\n]*; s1; s2; s3; \}/);
    expect(dot).toContain('s3 -> s1 [label=" ↺ tick " style=dashed');
    expect(dot).not.toContain('s4 [label');
    expect(dot).not.toContain('✘ violates');
  });

  it('draws a jump back when the last state differs from the loop state, and a stutter as a self-loop', () => {
    const jump = renderTraceDot(buildTrace(clockSpec(), parsePath('0/0:0/0:0/0:0'), { property: 'p', loop: 1 }));
    expect(jump).toContain('s3 -> s1 [label=" ↺ back to state 2 "');
    const stutter = renderTraceDot(buildTrace(clockSpec(), parsePath('0/0:0'), { property: 'p', loop: 1 }));
    expect(stutter).toContain('s1 -> s1 [label=" ↺ forever "');
  });

  it('collapses long values and summarises many nested changes', () => {
    const long = { log: Array.from({ length: 50 }, (_, i) => i) };
    const trace = {
      model: 'm',
      path: { init: 0, steps: [] },
      property: 'p',
      packed: false,
      steps: [{ action: undefined, state: long, shown: long, changes: [] }],
    };
    expect(renderTraceDot(trace)).toContain('[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, …');
    const many = Array.from({ length: 9 }, (_, i) => ({ path: ['log', i], before: i, after: -i }));
    const step = {
      action: { index: 0, name: 'x', paramIndex: 0, param: undefined, label: 'x' },
      state: long,
      shown: long,
      changes: many,
    };
    expect(renderTraceDot({ ...trace, steps: [trace.steps[0]!, step] })).toContain('↳ … 3 more changes in log');
  });

  it('shows what a step added to a set, and small records one entry per row', () => {
    const dot = renderTraceDot(commitTrace());
    expect(dot).toContain(
      '<font face="Courier">+ msgs</font></td><td align="left" bgcolor="#fff1a8"><font face="Courier"><b>&quot;commit&quot;</b>',
    );
    const state = (r3: string) => ({ rmState: { r1: 'prepared', r2: 'prepared', r3 }, msgs: new Set(['a']) });
    const trace = {
      model: 'm',
      path: { init: 0, steps: [] },
      property: 'p',
      packed: false,
      steps: [
        { action: undefined, state: state('working'), shown: state('working'), changes: [] },
        {
          action: { index: 0, name: 'abort', paramIndex: 0, param: 'r3', label: 'abort("r3")' },
          state: state('aborted'),
          shown: state('aborted'),
          changes: [{ path: ['rmState', 'r3'], before: 'working', after: 'aborted' }],
        },
      ],
    };
    const rows = renderTraceDot(trace)
      .split('\n')
      .find((l) => l.startsWith('  s1 '))!;
    expect(rows).toContain('<td align="left"><font face="Courier">rmState.r1</font>');
    expect(rows).toContain('<td align="left" bgcolor="#fff1a8"><font face="Courier">rmState.r3</font>');
  });
});
