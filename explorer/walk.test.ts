import { describe, expect, it } from 'vitest';
import { randomWalk, stepUntil } from './walk.ts';
import { PAXOS_KEY, sessionsFor, THROWING_KEY } from './test-helpers.ts';

const DIE_HARD = { model: 'die-hard', settings: {} };

describe('random walks and step-until', () => {
  it('walks N steps, the same ones for the same seed, and stops where a property breaks', async () => {
    const session = await (await sessionsFor(DIE_HARD)).get(DIE_HARD);
    const walk = randomWalk(session, '0', 3, 7);
    expect(walk.taken).toBe(3);
    expect(walk.path.split('/')).toHaveLength(4);
    expect(randomWalk(session, '0', 3, 7)).toEqual(walk);
    const long = randomWalk(session, '0', 10_000, 1);
    expect(long.stopped).toBe('violation');
    expect(long.property).toBe('NotSolved');
    expect(session.stateAt(long.path).state).toMatchObject({ big: 4 });
  });

  it('stops a walk at a state without successors', async () => {
    const session = await (await sessionsFor(THROWING_KEY)).get(THROWING_KEY);
    expect(randomWalk(session, '1', 5, 3)).toEqual({ path: '1', seed: 3, taken: 0, stopped: 'end' });
  });

  it('finds the fewest steps until an invariant fails: the jug puzzle solved in 6', async () => {
    const session = await (await sessionsFor(DIE_HARD)).get(DIE_HARD);
    const found = stepUntil(session, '0', 'NotSolved', 'fails', 1000);
    expect(found).toMatchObject({ found: true, steps: 6 });
    if (found.found) expect(session.stateAt(found.path).state).toEqual({ small: 3, big: 4 });
    const back = stepUntil(session, found.found ? found.path : '0', 'NotSolved', 'holds', 1000);
    expect(back).toMatchObject({ found: true, steps: 1 });
  });

  it('reports a goal no state reaches, and refuses liveness properties', async () => {
    const session = await (await sessionsFor(DIE_HARD)).get(DIE_HARD);
    expect(stepUntil(session, '0', 'TypeOK', 'fails', 1000)).toEqual({
      found: false,
      explored: 16,
      exhaustive: true,
      message: "no state reachable from here makes 'TypeOK' fail",
    });
    expect(stepUntil(session, '0', 'NotSolved', 'fails', 3)).toMatchObject({
      found: false,
      exhaustive: false,
      message: 'not found within 3 states',
    });
    const paxos = await (await sessionsFor({ ...PAXOS_KEY, settings: { proposers: '1' } })).get({
      ...PAXOS_KEY,
      settings: { proposers: '1' },
    });
    const live = paxos.spec.properties.find((p) => p.kind !== 'always')!.name;
    expect(() => stepUntil(paxos, '0', live, 'holds', 10)).toThrow('about infinite behaviours');
    expect(() => stepUntil(session, '0', 'nope', 'holds', 10)).toThrow(
      "unknown property 'nope'; available: TypeOK, NotSolved",
    );
  });
});
