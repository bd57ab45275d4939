import { describe, expect, it } from 'vitest';
import { parsePath } from '../checker/path.ts';
import type { Spec } from '../spec/types.ts';
import { traceToJson } from './export-json.ts';
import { clockSpec, miniCommitSpec } from './fixture-specs.ts';
import { traceToItf } from './itf.ts';
import type { Json } from './json-value.ts';
import { parseTrace } from './load-trace.ts';
import { replayTrace } from './replay.ts';
import { buildTrace } from './trace.ts';

const commitTrace = () => buildTrace(miniCommitSpec(), parsePath('0/0:0/1:0/2:0/3:1'), { property: 'consistent' });
const saveJson = (edit: (json: any) => void = () => {}) => {
  const json = JSON.parse(JSON.stringify(traceToJson(commitTrace(), { kind: 'invariant' })));
  edit(json);
  return parseTrace(JSON.stringify(json), 'trace.json');
};
const divergence = (spec: Spec<any>, saved: ReturnType<typeof saveJson>) => {
  const result = replayTrace(spec, saved);
  if (result.status !== 'diverged') throw new Error('expected the replay to diverge');
  return result.divergence;
};

describe('replay of a saved counterexample', () => {
  it('reproduces a saved trace that still violates its property (Kripke JSON and ITF)', () => {
    const json = replayTrace(miniCommitSpec(), saveJson());
    expect(json).toMatchObject({ status: 'reproduced', verdict: "'consistent' is still violated" });
    const itf = parseTrace(JSON.stringify(traceToItf(commitTrace())), 'trace.itf.json');
    expect(replayTrace(miniCommitSpec(), itf).status).toBe('reproduced');
  });

  it('names the first edited step and the differing field', () => {
    const edited = saveJson((json) => {
      json.steps[3].state.rm.a = 'aborted';
    });
    expect(divergence(miniCommitSpec(), edited)).toMatchObject({
      step: 3,
      action: 'rmCommit("a")',
      reason: 'different-state',
      differences: [{ path: ['rm', 'a'], before: 'aborted', after: 'committed' }],
    });
  });

  it('names the step whose action is no longer enabled once the bug is fixed', () => {
    expect(divergence(miniCommitSpec(true), saveJson())).toMatchObject({
      step: 2,
      action: 'tmCommit',
      reason: 'not-enabled',
      message: 'tmCommit is not enabled in the state before it',
    });
  });

  it('names an action the model no longer has, and a parameter outside its domain', () => {
    const renamed = saveJson((json) => {
      json.steps[1].action.name = 'vote';
    });
    expect(divergence(miniCommitSpec(), renamed)).toMatchObject({ step: 1, reason: 'unknown-action' });
    expect(divergence(miniCommitSpec(), renamed).message).toContain('it has: prepare, tmCommit, rmCommit, rmAbort');
    const param = saveJson((json) => {
      json.steps[1].action.param = 'c';
    });
    expect(divergence(miniCommitSpec(), param)).toMatchObject({ step: 1, reason: 'not-enabled' });
  });

  it('reports an initial state that changed', () => {
    const edited = saveJson((json) => {
      json.steps[0].state.tm = 'busy';
    });
    expect(divergence(miniCommitSpec(), edited)).toMatchObject({
      step: 0,
      reason: 'initial-state',
      differences: [{ path: ['tm'], before: 'busy', after: 'init' }],
    });
  });

  it('matches steps by action name and parameter, so reordering actions keeps traces valid', () => {
    const spec = miniCommitSpec();
    const reordered = { ...spec, actions: [...spec.actions].reverse().map((a, index) => ({ ...a, index })) };
    const result = replayTrace(reordered, saveJson());
    expect(result.status).toBe('reproduced');
    if (result.status === 'reproduced') expect(result.trace.path).toEqual(parsePath('0/3:0/2:0/1:0/0:1'));
  });

  it('fails a trace that replays but no longer violates its property', () => {
    const spec = miniCommitSpec();
    const lenient = { ...spec, properties: [{ kind: 'always' as const, name: 'consistent', holds: () => true }] };
    expect(divergence(lenient, saveJson())).toMatchObject({ step: 4, reason: 'no-longer-violates' });
  });

  it('re-checks a liveness lasso on its states', () => {
    const lasso = buildTrace(clockSpec(), parsePath('0/0:0/0:0/0:0/0:0'), { property: 'reaches five', loop: 1 });
    const saved = parseTrace(JSON.stringify(traceToItf(lasso, { kind: 'liveness' }) as Json), 'l.itf.json');
    expect(replayTrace(clockSpec(), saved)).toMatchObject({ status: 'reproduced', trace: { loop: 1 } });
  });

  it('throws a clear error for a property the model no longer has', () => {
    const saved = saveJson((json) => {
      json.property = 'agreement';
    });
    expect(() => replayTrace(miniCommitSpec(), saved)).toThrow("unknown property 'agreement'; available: consistent");
  });
});
