import { describe, expect, it } from 'vitest';
import { check } from '../../checker/index.ts';
import { formatPath } from '../../checker/path.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import { ewd840, ewd840Spec } from './ewd840.ts';

const labels = (spec: ReturnType<typeof ewd840Spec>, path: Parameters<typeof buildTrace>[1]) =>
  buildTrace(spec, path).steps.map((s) => s.action?.label ?? 'init');

describe('ewd840 (TLC, N = 3: 302 distinct states, 2,001 generated, depth 9, Liveness holds)', () => {
  it("equals TLC exactly, per action too, under one fairness assumption over System's two actions", () => {
    const spec = ewd840Spec(3);
    expect(spec.fairness).toEqual([
      { kind: 'weak', members: [{ action: 'initiateProbe' }, { action: 'passToken' }], everyAction: false },
    ]);
    const result = check(spec);
    expect(result.status).toBe('pass');
    expect(result.stats).toMatchObject({ distinctStates: 302, generatedStates: 2001, depth: 9 });
    // TLC -coverage 1 (EWD840.cfg without its temporal properties, whose ENABLED tests TLC counts as
    // coverage too): Init 192, InitiateProbe 32:112, PassToken 10:350, SendMsg 25:898, Deactivate 43:449.
    // SendMsg and Deactivate interleave per node in TLC's Next (\E i : SendMsg(i) \/ Deactivate(i)), so
    // which of them first finds a state differs; what each generates does not.
    expect(result.stats.coverage).toEqual([
      { action: 'initiateProbe', fired: 112, found: 32 },
      { action: 'passToken', fired: 350, found: 10 },
      { action: 'sendMsg', fired: 898, found: 24 },
      { action: 'deactivate', fired: 449, found: 44 },
    ]);
    expect(result.stats.liveness).toMatchObject({ graphStates: 302, graphEdges: 1468, fairComponents: 0 });
  });

  it('under WF_vars(Next) (SpecWFNext) Liveness holds too, as TLC reports', () => {
    const spec = ewd840.instantiate({}, 'wf-next');
    expect(spec.fairness).toEqual([
      { kind: 'weak', members: spec.actions.map((a) => ({ action: a.name })), everyAction: true },
    ]);
    expect(check(spec)).toMatchObject({
      status: 'pass',
      stats: { distinctStates: 302, generatedStates: 2001, depth: 9 },
    });
  });

  it("does not check deadlock, as EWD840.cfg says; the caller can turn it on, and then finds TLC's deadlock", () => {
    // TLC with deadlock checking: "Deadlock reached" after InitiateProbe, PassToken(2), PassToken(1);
    // 1,710 generated, 270 distinct, depth 4.
    const spec = ewd840Spec(3);
    expect(spec.checkDeadlock).toBe(false);
    const result = check(spec, { checkDeadlock: true, liveness: false });
    expect(result).toMatchObject({
      status: 'violation',
      stats: { distinctStates: 270, generatedStates: 1710, depth: 4 },
    });
    if (result.status !== 'violation') return;
    expect(result.violations[0]!.kind).toBe('deadlock');
    expect(labels(spec, result.violations[0]!.path!)).toEqual([
      'init',
      'initiateProbe("token orange")',
      'passToken({ i: 2, because: "passive" })',
      'passToken({ i: 1, because: "passive" })',
    ]);
  });

  it('without fairness the token may stop: a terminated ring stutters forever, undetected', () => {
    const spec = ewd840Spec(3, 'no-fairness');
    const result = check(spec);
    expect(result.status).toBe('violation');
    if (result.status !== 'violation') return;
    const [v] = result.violations;
    expect(v).toMatchObject({ property: 'Liveness', kind: 'liveness', propertyKind: 'leadsTo', loop: 0 });
    expect(formatPath(v!.path!)).toBe('0');
    expect(v!.note).toMatch(
      /can stop here forever: no fairness assumption forces an action \(enabled here: initiateProbe\("token orange"\)/,
    );
    expect(buildTrace(spec, v!.path!).steps[0]!.state).toEqual({
      active: [false, false, false],
      color: ['white', 'white', 'white'],
      tpos: 0,
      tcolor: 'orange',
    });
  });
});
