import { describe, expect, it } from 'vitest';
import { check } from '../checker/check.ts';
import { allocator } from '../model/allocator/allocator.ts';
import { ewd840 } from '../model/ewd840/ewd840.ts';
import type { LoadedModel } from './load-model.ts';
import { renderResultText, resultJson } from './report.ts';

function load(protocol: typeof allocator, variant: string): LoadedModel {
  return { spec: protocol.instantiate({}, variant), protocol, variant, reference: protocol.name };
}

describe('liveness results as people and machines read them', () => {
  it('text: the lasso is summarised, its loop-back step marked, and the liveness cost reported', () => {
    const model = load(allocator, 'weak-allocation');
    const text = renderResultText(check(model.spec), model, false);
    expect(text).toContain(
      "leadsTo property 'ClientsWillObtain' is violated for c1, r1 by a lasso: 1 step to state 2, " +
        'then a cycle of 3 steps back to it, forever',
    );
    expect(text).toContain('State 2 ← request({ c: "c1", S: {"r1"} })  ◀ the cycle starts here');
    expect(text).toContain(
      '  ↺ the step into state 5 loops back: state 5 is state 2 again, and states 2–5 repeat forever',
    );
    expect(text).toMatch(
      / {2}liveness: graph of 400 states and 1,632 edges \(\d+ KiB\), \d+ components searched, 2 fair, \d+\.\d\d s/,
    );
  });

  it('text: a stutter says plainly that the system may stop', () => {
    const model = load(ewd840, 'no-fairness');
    const text = renderResultText(check(model.spec, { checkDeadlock: false }), model, false);
    expect(text).toContain(
      'violated by a lasso: 0 steps to state 1, then stuttering there forever ' +
        '(the system can stop here forever: no fairness assumption forces an action',
    );
    expect(text).toContain('  ↺ state 1 repeats forever: the system stutters there (it takes no further step)');
  });

  it('json: the violation carries its lasso (loop-back step, stutter flag) and the result its notes and liveness stats', () => {
    const model = load(allocator, 'weak-allocation');
    const json = resultJson(check(model.spec), model, {}) as Record<string, any>;
    expect(json.violations[0]).toMatchObject({
      property: 'ClientsWillObtain',
      instance: 'c1, r1',
      kind: 'liveness',
      path: '0/0:0/0:3/1:3/2:1',
      loop: 1,
      lasso: { loop: 1, last: 4, loopBack: { from: 4, to: 1 }, stutter: false },
    });
    expect(json.notes).toEqual([]);
    expect(json.stats.liveness).toMatchObject({ graphStates: 400, graphEdges: 1632 });
  });
});
