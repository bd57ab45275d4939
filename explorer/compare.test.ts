import { describe, expect, it } from 'vitest';
import { compareTraces } from './compare.ts';
import { PAXOS_BUG, PAXOS_KEY, sessionsFor } from './test-helpers.ts';
import { stepUntil } from './walk.ts';

describe('comparing traces', () => {
  it('replays the paxos counterexample under the correct variant and names the first divergence', async () => {
    const sessions = await sessionsFor(PAXOS_KEY);
    const result = await compareTraces(sessions, {
      left: { key: PAXOS_KEY, path: PAXOS_BUG },
      right: { key: { ...PAXOS_KEY, variant: 'correct' }, replay: true },
    });
    expect(result.divergence).toEqual({ step: 14, message: 'state 15: the states differ in nodes.a2.promised' });
    expect(result.rightPath).toBe(PAXOS_BUG);
    expect(result.rows.map((r) => r.differences.join(','))).toEqual([
      ...Array(14).fill(''),
      'nodes.a2.promised',
      'nodes.a2.promised',
      'nodes.a2.promised,nodes.a2.accepted.ballot,nodes.a2.accepted.value,network',
    ]);
    const crash = result.rows[14]!;
    const promised = (tree: typeof crash.leftState) =>
      tree!
        .children!.find((c) => c.key === 'nodes')!
        .children!.find((c) => c.key === 'a2')!
        .children!.find((c) => c.key === 'promised')!;
    expect([promised(crash.leftState).text, promised(crash.leftState).before]).toEqual(['0', '2']);
    expect([promised(crash.rightState).text, promised(crash.rightState).change]).toEqual(['2', 'changed']);
    expect(result.rightTitle).toBe('paxos · correct · 16 steps');
  });

  it('stops the replay where a step is not enabled under the other model', async () => {
    const key = { model: 'two-phase-commit', variant: 'commit-on-majority', settings: {} };
    const sessions = await sessionsFor(key);
    const session = await sessions.get(key);
    const found = stepUntil(session, '0', 'TCConsistent', 'fails', 100_000);
    if (!found.found) throw new Error('the bug is not found');
    const result = await compareTraces(sessions, {
      left: { key, path: found.path },
      right: { key: { ...key, variant: 'correct' }, replay: true },
    });
    expect(result.divergence?.message).toMatch(/^state \d+: tmCommit is not enabled under variant correct$/);
    expect(result.rows.at(-1)!.right).toBeUndefined();
  });
});
