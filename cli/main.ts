#!/usr/bin/env node
/**
 * The `kripke` command line. Each command lives in `commands/` and registers itself here.
 * Exit codes (see exit-codes.ts): 0 pass, 1 violation, 2 usage or model error, 3 incomplete.
 */
import { Command, CommanderError } from 'commander';
import { KripkeError } from '../spec/errors.ts';
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
import { registerSweep } from './commands/sweep.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';

const program = new Command('kripke')
  .description('Kripke: a model checker for distributed protocols written in TypeScript')
  .showHelpAfterError()
  .exitOverride();

let pending: Promise<ExitCode> | undefined;
const run = (code: Promise<ExitCode>) => {
  pending = code;
};

registerList(program, run);
registerCheck(program, run);
registerSimulate(program, run);
registerMerge(program, run);
registerRender(program, run);
registerReplay(program, run);
registerCi(program, run);
registerCompare(program, run);
registerDiff(program, run);
registerSweep(program, run);
registerExplore(program, run);

async function main(): Promise<ExitCode> {
  try {
    await program.parseAsync(process.argv);
    return pending ? await pending : EXIT.pass;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? EXIT.pass : EXIT.usageOrModelError;
    }
    if (e instanceof KripkeError) {
      process.stderr.write(`kripke: [${e.code}] ${e.message}\n`);
      return EXIT.usageOrModelError;
    }
    throw e;
  }
}

process.exitCode = await main();
