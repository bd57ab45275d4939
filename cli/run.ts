/**
 * One run of the `kripke` program on its arguments: the command's exit code, with the errors
 * users see (usage, model) printed as the CLI prints them. `main.ts` runs it on `process.argv`;
 * tests run it in-process (test-support/run-cli.ts).
 */
import { CommanderError } from 'commander';
import { KripkeError } from '../spec/errors.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import { kripkeVersion } from '../counterexamples/version.ts';
import { jsonOutput } from './json-output.ts';
import { buildProgram } from './program.ts';
import { JSON_RESULT_VERSION } from './report.ts';

/** `args`: what follows `kripke` on the command line. */
export async function runKripke(args: readonly string[]): Promise<ExitCode> {
  let pending: Promise<ExitCode> | undefined;
  const program = buildProgram((code) => {
    pending = code;
  });
  try {
    await program.parseAsync([...args], { from: 'user' });
    return pending ? await pending : EXIT.pass;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Commander has written its message to stderr already.
      if (e.exitCode === 0) return EXIT.pass;
      printJsonError(args, 'usage', e.message.replace(/^error: /, ''), {});
      return EXIT.usageOrModelError;
    }
    if (e instanceof KripkeError) {
      process.stderr.write(`kripke: [${e.code}] ${e.message}\n`);
      printJsonError(args, e.code, e.message, e.where);
      return EXIT.usageOrModelError;
    }
    throw e;
  }
}

/** Under `--json` every outcome is one JSON object on stdout, an error before the run included. */
function printJsonError(
  args: readonly string[],
  code: string,
  message: string,
  where: Readonly<Record<string, string>>,
): void {
  if (!args.includes('--json')) return;
  process.stdout.write(
    `${jsonOutput({ version: JSON_RESULT_VERSION, kripkeVersion: kripkeVersion(), status: 'error', error: { code, message, where } })}\n`,
  );
}
