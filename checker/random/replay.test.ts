import { describe, expect, it } from 'vitest';
import { KripkeError } from '../../spec/errors.ts';
import { check } from '../check.ts';
import { formatPath } from '../path.ts';
import { boundedSpec, counterSpec, stopsAtThreeSpec } from './fixtures.ts';
import { replayPath } from './replay.ts';

describe('replayPath', () => {
  it('re-detects the violation a random campaign printed', () => {
    const result = check(counterSpec(), { engine: 'random', seed: 1 });
    if (result.status !== 'violation') throw new Error(result.status);
    const printed = formatPath(result.violations[0]!.path!);
    const replayed = replayPath(counterSpec(), printed);
    expect(replayed.status).toBe('violation');
    if (replayed.status !== 'violation') return;
    expect(replayed.violation).toMatchObject({ property: 'below10', kind: 'invariant' });
    expect(formatPath(replayed.violation.path!)).toBe(printed);
  });

  it('stops at the first violation along a longer path', () => {
    const replayed = replayPath(counterSpec(), '0/2:1/2:1/2:1/0:0/0:0/1:0');
    expect(replayed.status === 'violation' && formatPath(replayed.violation.path!)).toBe('0/2:1/2:1/2:1/0:0');
  });

  it('reports a clean replay, honouring the property selection', () => {
    expect(replayPath(counterSpec(), '0/2:1/2:1')).toEqual({ status: 'clean', steps: 2 });
    expect(replayPath(counterSpec(), '0/2:1/2:1/2:1/0:0', { properties: ['five'] })).toEqual({
      status: 'clean',
      steps: 4,
    });
    expect(replayPath(boundedSpec(), '1/0:0/0:0')).toEqual({ status: 'clean', steps: 2 });
  });

  it('finds a deadlock at the end of the path', () => {
    const replayed = replayPath(stopsAtThreeSpec(false), '0/0:0/0:0/0:0');
    expect(replayed.status === 'violation' && replayed.violation.kind).toBe('deadlock');
    expect(replayPath(stopsAtThreeSpec(false), '0/0:0/0:0/0:0', { checkDeadlock: false }).status).toBe('clean');
  });

  it('names the step that no longer fits the model', () => {
    const attempt = (path: string) => () => replayPath(stopsAtThreeSpec(true), path);
    expect(attempt('0/0:0/0:0/0:0/0:0')).toThrow(KripkeError);
    expect(attempt('0/0:0/0:0/0:0/0:0')).toThrow(
      "step 4: action 'inc' with parameter #0 is not enabled in the state before it",
    );
    expect(attempt('0/7:0')).toThrow('step 1: action #7 with parameter #0 is not enabled');
    expect(attempt('3')).toThrow("the path starts at initial state #3, but 'stops-at-three' has 1");
    expect(attempt('0/x')).toThrow(/not a path/);
  });
});
