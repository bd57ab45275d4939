/**
 * `npm run bench [-- suite ...] [-- --json]`: runs the benchmark suites in bench/suites/ (each a
 * module exporting `name`, `description` and `run(options)`), printing figures as they come.
 * Benchmarks measure; tests check correctness. Ratios are measured side by side in one run.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchOptions {
  /** Print one JSON object per suite instead of tables. */
  readonly json: boolean;
  /** Smaller configurations, for a quick look (`--quick`). */
  readonly quick: boolean;
  /** Arguments after the suite names, for the suite to read. */
  readonly args: readonly string[];
}

export interface BenchSuite {
  readonly name: string;
  readonly description: string;
  run(options: BenchOptions): Promise<unknown>;
}

const here = dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const options: BenchOptions = { json: argv.includes('--json'), quick: argv.includes('--quick'), args: argv };
  const wanted = argv.filter((a) => !a.startsWith('--'));
  const files = readdirSync(join(here, 'suites'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort();
  const suites: BenchSuite[] = [];
  for (const file of files) suites.push((await import(pathToFileURL(join(here, 'suites', file)).href)) as BenchSuite);
  const unknown = wanted.filter((w) => !suites.some((s) => s.name === w));
  if (unknown.length > 0) {
    process.stderr.write(`unknown suite ${unknown.join(', ')}; suites: ${suites.map((s) => s.name).join(', ')}\n`);
    process.exitCode = 2;
    return;
  }
  for (const suite of suites) {
    if (wanted.length > 0 && !wanted.includes(suite.name)) continue;
    if (!options.json) process.stdout.write(`\n== ${suite.name}: ${suite.description}\n`);
    const result = await suite.run(options);
    if (options.json) process.stdout.write(`${JSON.stringify({ suite: suite.name, result })}\n`);
  }
}

await main();
