/**
 * Which model `kripke replay` and `kripke render --format states` run a saved trace against.
 * A trace file is data that anyone may have edited: it never decides which code runs. A shipped
 * model's name is safe to follow (it is Kripke's own code); a model *file* runs only when the user
 * names it on the command line, and a refusal prints the exact command to do so. An ITF file
 * without Kripke's metadata names no Kripke model at all, so the user must name one.
 */
import { existsSync } from 'node:fs';
import { shellQuote } from '../counterexamples/artifacts.ts';
import type { SavedTrace } from '../counterexamples/saved-trace.ts';
import { KripkeError } from '../spec/errors.ts';
import { looksLikePath } from './load-model.ts';

export interface ReplayTarget {
  /** What to load: the name or file given on the command line, or the shipped model the trace names. */
  readonly name: string;
  /** The variant and settings to use: as given, else as saved with the trace. */
  readonly variant: string | undefined;
  readonly settings: Readonly<Record<string, string>>;
}

export interface Given {
  readonly model: string | undefined;
  readonly variant: string | undefined;
  readonly settings: Readonly<Record<string, string>> | undefined;
}

/** The model to run `saved` against; throws a KripkeError naming the command to type when the user must choose. */
export function replayTarget(
  file: string,
  saved: SavedTrace,
  given: Given,
  command: (model: string) => string[],
): ReplayTarget {
  const variant = given.variant ?? saved.variant;
  const settings = given.settings ?? saved.settings ?? {};
  if (given.model !== undefined) return { name: given.model, variant, settings };
  const example = (model: string) => [...command(model), ...options(variant, settings)].map(shellQuote).join(' ');
  if (!saved.kripkeMetadata) {
    throw new KripkeError(
      'unknown-name',
      `${file} has no Kripke metadata (#meta.kripke): it does not say which model, variant and settings ` +
        `made it. Name them: ${example('<model>')}`,
      { file },
    );
  }
  const reference = saved.reference;
  if (reference === undefined)
    throw new KripkeError('unknown-name', `${file} does not name its model: give it, as in ${example('<model>')}`, {
      file,
    });
  if (!looksLikePath(reference)) return { name: reference, variant, settings };
  const recorded = saved.modelFile ?? reference;
  const found = existsSync(recorded.split('#')[0]!) ? '' : ` (no file is there now: name where the model is)`;
  throw new KripkeError(
    'unknown-name',
    `${file} was made from the model file ${recorded}${found}. A trace never chooses the code ` +
      `that runs: name the model file to replay it against, as in\n  ${example(recorded)}`,
    { file, modelFile: recorded },
  );
}

function options(variant: string | undefined, settings: Readonly<Record<string, string>>): string[] {
  const args = variant ? ['--variant', variant] : [];
  for (const [k, v] of Object.entries(settings)) args.push('--set', `${k}=${v}`);
  return args;
}
