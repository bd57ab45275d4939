/** Running one job in this process: every property's verdict, and a run cut short reported as incomplete. */
import { describe, expect, it } from 'vitest';
import { type Job, runJob } from './job.ts';

const job = (over: Partial<Job>): Job => ({
  model: 'two-phase-commit',
  settings: {},
  variant: undefined,
  engine: 'bfs',
  properties: undefined,
  workers: 1,
  checkDeadlock: undefined,
  liveness: true,
  timeLimitMs: undefined,
  ...over,
});

describe('runJob', () => {
  it('explores the whole state space of a bug variant and reports each violated property with its trace', async () => {
    const result = await runJob(job({ variant: 'commit-on-majority' }));
    expect(result).toMatchObject({
      status: 'violation',
      reason: null,
      stats: { distinct: 348, generated: 1359, depth: 11 },
    });
    expect(result.checked.map((p) => p.name)).toEqual(['TPTypeOK', 'TCConsistent', 'ImplementsTCommit', 'deadlock']);
    expect(result.violations).toEqual([
      expect.objectContaining({
        property: 'ImplementsTCommit',
        kind: 'refinement',
        steps: 6,
        path: '0/3:0/2:0/3:1/2:1/0:0/5:0',
      }),
      expect.objectContaining({
        property: 'TCConsistent',
        kind: 'invariant',
        steps: 7,
        path: '0/3:0/2:0/3:1/2:1/0:0/4:2/5:0',
      }),
    ]);
    expect(result.violations[1]!.trace).toContain('State 8 ← rmRcvCommitMsg("r1")');
  });

  it('reports a run that found violations but not the end of the state space as incomplete', async () => {
    const result = await runJob(job({ model: 'raft', variant: 'no-term-check', timeLimitMs: 3000 }));
    expect(result).toMatchObject({ status: 'incomplete', reason: 'time limit 3000 ms reached' });
    expect(result.violations.map((v) => v.property)).toContain('election safety');
  });

  it('checks deadlock as the spec says unless the job says otherwise (EWD840: CHECK_DEADLOCK FALSE)', async () => {
    const asSpec = await runJob(job({ model: 'ewd840', liveness: false }));
    expect(asSpec).toMatchObject({ status: 'pass', stats: { distinct: 302, generated: 2001, depth: 9 } });
    expect(asSpec.checked.map((p) => p.name)).not.toContain('deadlock');
    const on = await runJob(job({ model: 'ewd840', liveness: false, checkDeadlock: true }));
    expect(on.violations.map((v) => v.property)).toEqual(['deadlock']);
  });

  it('reports a model that does not load as an error', async () => {
    expect(await runJob(job({ variant: 'fixed' }))).toMatchObject({ status: 'error', error: { code: 'unknown-name' } });
  });
});
