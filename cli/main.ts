/**
 * The `kripke` command line (program.ts); each command lives in `commands/`.
 * Exit codes (see exit-codes.ts): 0 pass, 1 violation, 2 usage or model error, 3 incomplete.
 */
import { CommanderError } from 'commander';
import { KripkeError } from '../spec/errors.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import { kripkeVersion } from '../counterexamples/version.ts';
import { jsonOutput } from './json-output.ts';
import { buildProgram } from './program.ts';
import { JSON_RESULT_VERSION } from './report.ts';

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
      // Commander has written its message to stderr already.
      if (e.exitCode === 0) return EXIT.pass;
      printJsonError('usage', e.message.replace(/^error: /, ''), {});
      return EXIT.usageOrModelError;
    }
    if (e instanceof KripkeError) {
      process.stderr.write(`kripke: [${e.code}] ${e.message}\n`);
      printJsonError(e.code, e.message, e.where);
      return EXIT.usageOrModelError;
    }
    throw e;
  }
}

/** Under `--json` every outcome is one JSON object on stdout, an error before the run included. */
function printJsonError(code: string, message: string, where: Readonly<Record<string, string>>): void {
  if (!process.argv.slice(2).includes('--json')) return;
  process.stdout.write(`${jsonOutput({ version: JSON_RESULT_VERSION, kripkeVersion: kripkeVersion(), status: 'error', error: { code, message, where } })}\n`);
}

process.exitCode = await main();
