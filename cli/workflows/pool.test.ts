/** Jobs in child processes: results in order, a hung job killed at its limit, a crash reported as such. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Job } from './job.ts';
import { runJobs } from './pool.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = join(root, 'tmp', 'pool-test');

function modelFile(name: string, next: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.ts`);
  writeFileSync(
    file,
    `import { defineSpec } from '../../spec/index.ts';\nexport default defineSpec({ name: '${name}', init: () => [{ n: 0 }], actions: { step: { next: (s: { n: number }) => { ${next} } } } });\n`,
  );
  return file;
}

const job = (model: string): Job => ({
  model,
  settings: {},
  variant: undefined,
  engine: 'bfs',
  properties: undefined,
  workers: 1,
  checkDeadlock: false,
  liveness: true,
  timeLimitMs: undefined,
});

describe('runJobs', () => {
  it('returns each result in order, kills a job past its limit, and reports a process that died', async () => {
    const hang = modelFile('hang', 'while (s.n === 0) { /* never returns */ }\nreturn undefined;');
    const crash = modelFile('crash', 'process.exit(7);');
    const finished: number[] = [];
    const results = await runJobs([job('die-hard'), job(hang), job(crash)], {
      cores: 2,
      killAfterMs: (j) => (j.model === hang ? 3000 : undefined),
      onFinish: (i) => finished.push(i),
    });
    expect(results.map((r) => r.status)).toEqual(['violation', 'timeout', 'crashed']);
    expect(results[0]!.stats).toMatchObject({ distinct: 16, generated: 97, depth: 8 });
    expect(results[0]!.peakRssBytes).toBeGreaterThan(0);
    expect(results[1]!.reason).toBe('killed after 3 s, past its time limit');
    expect(results[2]!.reason).toMatch(/^the check's process exited \(code 7\) without a result/);
    expect([...finished].sort()).toEqual([0, 1, 2]);
  });
});
