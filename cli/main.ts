/**
 * The `kripke` command line (program.ts); each command lives in `commands/`.
 * Exit codes (see exit-codes.ts): 0 pass, 1 violation, 2 usage or model error, 3 incomplete.
 */
import { runKripke } from './run.ts';

process.exitCode = await runKripke(process.argv.slice(2));
