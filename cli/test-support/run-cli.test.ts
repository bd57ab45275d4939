/** The in-process runner gives back the process as it found it, and refuses overlapping runs. */
import { tmpdir } from 'node:os';
import { realpathSync } from 'node:fs';
import { expect, it } from 'vitest';
import { runInProcess as runCli } from './run-cli.ts';

it('captures both streams and restores write, isTTY, the environment and the folder', async () => {
  const [write, isTTY, cwd] = [process.stdout.write, process.stdout.isTTY, process.cwd()];
  process.env.KRIPKE_RUN_CLI_TEST = 'before';
  const run = await runCli(['list', '--nope'], {
    cwd: realpathSync(tmpdir()),
    env: { KRIPKE_RUN_CLI_TEST: undefined, NO_COLOR: '1' },
  });
  expect(run).toMatchObject({ code: 2, stdout: '' });
  expect(run.stderr).toContain("error: unknown option '--nope'");
  expect([process.stdout.write, process.stdout.isTTY, process.cwd(), process.env.KRIPKE_RUN_CLI_TEST]).toEqual([
    write,
    isTTY,
    cwd,
    'before',
  ]);
  delete process.env.KRIPKE_RUN_CLI_TEST;
});

it('refuses a second run while one is going', async () => {
  const first = runCli(['list']);
  await expect(runCli(['list'])).rejects.toThrow('one run at a time');
  expect((await first).code).toBe(0);
});
