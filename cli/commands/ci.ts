/**
 * `kripke ci [checks-file]`: runs every check of a checks file (default kripke.config.ts) and
 * gates on their expected outcomes; writes JUnit XML, a JSON report and the counterexamples of
 * checks that differ; annotates the checks file in GitHub Actions; `--update` rewrites snapshots.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { positiveInteger } from '../options.ts';
import { githubAnnotations } from '../workflows/annotations.ts';
import { type ArtifactsChoice, ciExitCode, DEFAULT_OUT_DIR, runChecks } from '../workflows/ci.ts';
import { ciReportJson } from '../workflows/ci-report.ts';
import { finishedLine, renderCiSummary } from '../workflows/ci-text.ts';
import { junitXml } from '../workflows/junit.ts';
import { DEFAULT_CHECKS_FILE } from '../workflows/load-checks.ts';
import { describeUpdate, updateSnapshots, withoutUpdatedSnapshots } from '../workflows/update-snapshots.ts';
import { jsonOutput } from '../json-output.ts';

interface CiFlags {
  workers?: number;
  jobs?: number;
  only?: string;
  out: string;
  junit?: string;
  json?: string;
  artifacts: ArtifactsChoice;
  update?: boolean;
}

export function registerCi(program: Command, run: (code: Promise<ExitCode>) => void): void {
  program
    .command('ci')
    .description('run every check of a checks file and fail when an outcome differs from its expectation')
    .argument('[checks-file]', 'the checks file', DEFAULT_CHECKS_FILE)
    .option('--workers <n>', 'run every BFS check on n threads (snapshots must not change)', positiveInteger)
    .option('--jobs <n>', 'cores to fill with checks at once (default: all)', positiveInteger)
    .option('--only <text>', 'run only the checks whose name contains this text')
    .option('--out <dir>', 'where junit.xml, report.json and counterexamples go', DEFAULT_OUT_DIR)
    .option('--junit <file>', 'write the JUnit XML here (default <out>/junit.xml)')
    .option('--json <file>', 'write the JSON report here (default <out>/report.json)')
    .option(
      '--artifacts <which>',
      'save the counterexamples of: failures (checks that differ), all, none',
      artifactsChoice,
      'failures',
    )
    .option('--update', 'rewrite the snapshots that changed in the checks file')
    .action((file: string, flags: CiFlags) => run(runCi(file, flags)));
}

async function runCi(file: string, flags: CiFlags): Promise<ExitCode> {
  const out = process.stdout;
  out.write(`kripke ci: running the checks of ${file}\n`);
  let report = await runChecks(file, {
    workers: flags.workers,
    cores: flags.jobs,
    only: flags.only,
    outDir: flags.out,
    artifacts: flags.artifacts,
    onFinish: (c) => out.write(`  ${finishedLine(c)}\n`),
  });
  if (report.checks.length === 0) {
    process.stderr.write(`kripke ci: no checks to run${flags.only ? ` (none named like '${flags.only}')` : ''}\n`);
    return EXIT.usageOrModelError;
  }
  if (flags.update) {
    const updates = await updateSnapshots(report);
    out.write(updates.length === 0 ? '\nno snapshot changed\n' : `\n${updates.map(describeUpdate).join('\n')}\n`);
    report = withoutUpdatedSnapshots(report, updates);
  }
  out.write(`\n${renderCiSummary(report)}\n`);
  const junit = resolve(flags.junit ?? join(flags.out, 'junit.xml'));
  const json = resolve(flags.json ?? join(flags.out, 'report.json'));
  await writeTo(junit, junitXml(report));
  await writeTo(json, `${jsonOutput(ciReportJson(report))}\n`);
  const saved = report.checks.flatMap((c) => c.result.artifacts);
  out.write(
    `wrote ${junit}, ${json}${saved.length ? ` and ${saved.length} counterexample files under ${resolve(flags.out)}` : ''}\n`,
  );
  if (process.env.GITHUB_ACTIONS === 'true')
    out.write(
      githubAnnotations(report)
        .map((line) => `${line}\n`)
        .join(''),
    );
  return ciExitCode(report);
}

async function writeTo(file: string, content: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, content);
}

function artifactsChoice(text: string): ArtifactsChoice {
  if (text === 'failures' || text === 'all' || text === 'none') return text;
  throw new InvalidArgumentError(`expected failures, all or none, got '${text}'`);
}
