/**
 * The `kripke` command line (program.ts); each command lives in `commands/`.
 * Exit codes (see exit-codes.ts): 0 pass, 1 violation, 2 usage or model error, 3 incomplete.
 */
import { CommanderError } from 'commander';
import { KripkeError } from '../spec/errors.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import { buildProgram } from './program.ts';

let pending: Promise<ExitCode> | undefined;
const program = buildProgram((code) => {
  pending = code;
});

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
