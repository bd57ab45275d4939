/**
 * The `kripke` program: every command of `commands/`, the version, and each command's examples
 * and exit codes in its `--help`. Each command hands its outcome (an exit code) to `run`.
 */
import { Command } from 'commander';
import { registerCheck } from './commands/check.ts';
import { registerCi } from './commands/ci.ts';
import { registerCompare } from './commands/compare.ts';
import { registerDiff } from './commands/diff.ts';
import { registerExplore } from './commands/explore.ts';
import { registerList } from './commands/list.ts';
import { registerMerge } from './commands/merge.ts';
import { registerRender } from './commands/render.ts';
import { registerReplay } from './commands/replay.ts';
import { registerSimulate } from './commands/simulate.ts';
import { registerSwarm } from './commands/swarm.ts';
import { registerSweep } from './commands/sweep.ts';
import { addExamplesAndExitCodes } from './help.ts';
import { kripkeVersion } from '../counterexamples/version.ts';
import type { ExitCode } from './exit-codes.ts';

export function buildProgram(run: (code: Promise<ExitCode>) => void): Command {
  const program = new Command('kripke')
    .description('Kripke: a model checker for distributed protocols written in TypeScript')
    .version(kripkeVersion(), '-V, --version', 'print the version of Kripke')
    .showHelpAfterError()
    .exitOverride();
  for (const register of [
    registerList,
    registerCheck,
    registerSimulate,
    registerSwarm,
    registerMerge,
    registerRender,
    registerReplay,
    registerCi,
    registerCompare,
    registerDiff,
    registerSweep,
    registerExplore,
  ])
    register(program, run);
  addExamplesAndExitCodes(program);
  return program;
}
