/**
 * TLC, run side by side with Kripke: finds the jar, runs one TLA+ Examples model with one worker in
 * a scratch folder, and reads TLC's counts from its output.
 *
 * Where things are looked for:
 * - `TLC_JAR`: tla2tools.jar; default `../shared/peers/tlc/tla2tools.jar` beside this checkout.
 *   `tlaps/` and `community/` beside the jar (TLAPS and CommunityModules), when present, join the
 *   class path: some Examples specs extend them.
 * - `TLA_EXAMPLES`: the `specifications/` folder of github.com/tlaplus/Examples; default
 *   `../shared/peers/tlc/specs`.
 * - `java` on the PATH (Java 11 or later).
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ProcessRun, runTimed } from './process.ts';

const checkout = fileURLToPath(new URL('../..', import.meta.url));
const peers = resolve(checkout, '../shared/peers/tlc');
/** Modules and configurations of this benchmark's own (symmetric variants of Examples models). */
const OWN_FILES = fileURLToPath(new URL('../tlc', import.meta.url));

export const TLC_HELP =
  'TLC not found: set TLC_JAR to tla2tools.jar (https://github.com/tlaplus/tlaplus/releases) ' +
  'and TLA_EXAMPLES to the specifications/ folder of a clone of https://github.com/tlaplus/Examples ' +
  '(defaults: ../shared/peers/tlc/tla2tools.jar and ../shared/peers/tlc/specs), with java on the PATH';

/** One TLC model: a folder of the Examples, its root module and a configuration (there or in bench/tlc/). */
export interface TlcModel {
  readonly dir: string;
  readonly module: string;
  readonly cfg: string;
}

export interface TlcRun extends ProcessRun {
  readonly distinct: number;
  readonly generated: number;
  readonly depth: number;
}

export interface TlcInstall {
  readonly jar: string;
  readonly examples: string;
}

/** The jar and specs to use, or why TLC cannot run here. */
export function findTlc(): TlcInstall | string {
  const jar = process.env.TLC_JAR ?? join(peers, 'tla2tools.jar');
  const examples = process.env.TLA_EXAMPLES ?? join(peers, 'specs');
  if (!existsSync(jar)) return `${TLC_HELP} (no jar at ${jar})`;
  if (!existsSync(examples)) return `${TLC_HELP} (no specs at ${examples})`;
  if (runTimed('java', ['-version']).status !== 0) return `${TLC_HELP} (java does not run)`;
  return { jar, examples };
}

function classPath(jar: string): string {
  const extra = ['tlaps', 'community'].map((d) => join(dirname(jar), d)).filter((d) => existsSync(d));
  return [jar, ...extra].join(':');
}

/** Runs TLC with one worker; counts are NaN when its output has none (read `stdout`). */
export function runTlc(install: TlcInstall, model: TlcModel): TlcRun {
  const work = mkdtempSync(join(tmpdir(), 'kripke-tlc-'));
  try {
    const source = join(install.examples, model.dir);
    for (const f of readdirSync(source))
      if (f.endsWith('.tla') || f.endsWith('.cfg')) copyFileSync(join(source, f), join(work, f));
    for (const f of readdirSync(OWN_FILES)) copyFileSync(join(OWN_FILES, f), join(work, f));
    const run = runTimed(
      'java',
      [
        '-XX:+UseParallelGC',
        '-cp',
        classPath(install.jar),
        'tlc2.TLC',
        model.module,
        '-config',
        model.cfg,
        '-workers',
        '1',
        '-metadir',
        join(work, 'states'),
        '-cleanup',
      ],
      work,
    );
    const counts = /(\d+) states generated, (\d+) distinct states found/.exec(run.stdout);
    const depth = /depth of the complete state graph search is (\d+)/.exec(run.stdout);
    return {
      ...run,
      generated: Number(counts?.[1] ?? Number.NaN),
      distinct: Number(counts?.[2] ?? Number.NaN),
      depth: Number(depth?.[1] ?? Number.NaN),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
