/** A checks file's mistakes are found before anything runs, and named with the check and the field. */
import { describe, expect, it } from 'vitest';
import type { CheckDefinition } from './checks-file.ts';
import { resolveChecks } from './load-checks.ts';

const resolve = (...checks: unknown[]) =>
  resolveChecks({ checks: checks as CheckDefinition[] }, 'kripke.config.ts', process.cwd());

describe('resolveChecks', () => {
  it('fills in defaults: the name, BFS, one worker, deadlock as the spec says, liveness on, 10 minutes', async () => {
    const [check] = await resolve({
      model: 'two-phase-commit',
      variant: 'commit-on-majority',
      settings: { rms: 3 },
      expect: { verdict: 'violation', fails: 'TCConsistent' },
    });
    expect(check).toMatchObject({
      name: 'two-phase-commit commit-on-majority rms=3',
      timeLimitMs: 600_000,
      job: {
        model: 'two-phase-commit',
        variant: 'commit-on-majority',
        settings: { rms: '3' },
        engine: 'bfs',
        workers: 1,
        checkDeadlock: undefined,
        liveness: true,
      },
      expected: { verdict: 'violation', fails: ['TCConsistent'], snapshot: undefined },
    });
  });

  it('checks deadlock as the spec says (EWD840: CHECK_DEADLOCK FALSE), unless the check says otherwise', async () => {
    await expect(resolve({ model: 'ewd840', expect: { verdict: 'violation', fails: 'deadlock' } })).rejects.toThrow(
      "expect.fails names 'deadlock', which this check does not check",
    );
    const [check] = await resolve({
      model: 'ewd840',
      deadlock: true,
      expect: { verdict: 'violation', fails: 'deadlock' },
    });
    expect(check).toMatchObject({ job: { checkDeadlock: true }, expected: { fails: ['deadlock'] } });
  });

  it('resolves a model file relative to the checks file, and a random budget', async () => {
    const [check] = await resolve({
      model: './model/die-hard/die-hard.ts',
      engine: { random: { seed: 3, runs: 10, time: '2s' } },
      expect: { verdict: 'pass' },
    });
    expect(check!.job).toMatchObject({
      model: `${process.cwd()}/model/die-hard/die-hard.ts`,
      engine: 'random',
      random: { seed: 3, runs: 10, timeLimitMs: 2000 },
    });
  });

  it.each([
    [
      { model: 'die-hard', varaint: 'x', expect: { verdict: 'pass' } },
      "check #1: unknown field 'varaint'; available: name, model, settings, variant",
    ],
    [{ model: 'die-hrad', expect: { verdict: 'pass' } }, "check #1: unknown model 'die-hrad'; available: die-hard"],
    [
      { model: 'die-hard', variant: 'fixed', expect: { verdict: 'pass' } },
      "unknown variant 'fixed'; available: puzzle",
    ],
    [{ model: 'die-hard', settings: { bigg: 5 }, expect: { verdict: 'pass' } }, "unknown configuration key 'bigg'"],
    [
      { model: 'die-hard', properties: ['NotSolve'], expect: { verdict: 'pass' } },
      "unknown property 'NotSolve'; available: TypeOK, NotSolved",
    ],
    [{ model: 'die-hard' }, "'expect' is required"],
    [{ model: 'die-hard', expect: { verdict: 'fail' } }, "expect.verdict must be 'pass' or 'violation', got \"fail\""],
    [{ model: 'die-hard', expect: { verdict: 'violation', fails: [] } }, 'expect.fails must name the property'],
    [
      { model: 'die-hard', properties: ['TypeOK'], expect: { verdict: 'violation', fails: 'NotSolved' } },
      "expect.fails names 'NotSolved', which this check does not check; it checks: TypeOK, deadlock",
    ],
    [
      { model: 'die-hard', expect: { verdict: 'pass', snapshot: { distinct: 16 } } },
      'expect.snapshot must be { distinct, generated, depth }',
    ],
    [
      { model: 'die-hard', engine: 'bsf', expect: { verdict: 'pass' } },
      "engine 'bsf': expected 'bfs', 'dfs' or { random: { seed, … } }",
    ],
    [{ model: 'die-hard', engine: { random: { runs: 5 } }, expect: { verdict: 'pass' } }, 'with a whole-number seed'],
    [
      {
        model: 'die-hard',
        engine: { random: { seed: 1, time: '5s' } },
        expect: { verdict: 'pass', snapshot: { distinct: 1, generated: 1, depth: 1 } },
      },
      'a random check with a time budget is not repeatable',
    ],
    [
      {
        model: 'die-hard',
        engine: { random: { seed: 1 } },
        expect: { verdict: 'violation', fails: ['TypeOK', 'NotSolved'] },
      },
      'a random check stops at its first violation',
    ],
    [
      { model: 'die-hard', workers: 0, expect: { verdict: 'pass' } },
      'workers must be a whole number of at least 1, got 0',
    ],
    [
      { model: 'die-hard', timeLimit: 'soon', expect: { verdict: 'pass' } },
      'timeLimit: expected a duration such as 90s, 10m or 1500ms, got "soon"',
    ],
  ])('refuses %j', async (check, message) => {
    await expect(resolve(check)).rejects.toThrow(message);
  });

  it('refuses two checks with the same name', async () => {
    const check = { model: 'die-hard', expect: { verdict: 'violation', fails: 'NotSolved' } };
    await expect(resolve(check, check)).rejects.toThrow(
      "kripke.config.ts: checks #1 and #2 are both named 'die-hard'; give one a name",
    );
  });
});
