/**
 * The measuring child as the package runs it: `bench/measure-one.ts` and everything it imports
 * compiled by tsc (tsconfig.bench.json) into out/bench-build/, once per bench run, so a
 * measurement times the same JavaScript as `npx kripke check` from the published package
 * (start-up without tsx, no transpiling), not the sources through tsx.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
let built: string | undefined;

/** The compiled measure-one.js, built on first use. */
export function compiledMeasureOne(): string {
  if (built === undefined) {
    execFileSync(process.execPath, [`${ROOT}node_modules/typescript/bin/tsc`, '-p', `${ROOT}tsconfig.bench.json`], {
      stdio: 'inherit',
    });
    built = `${ROOT}out/bench-build/bench/measure-one.js`;
  }
  return built;
}
