/** Parsers for option values shared by commands; a bad value is a usage error naming the option. */
import { availableParallelism } from 'node:os';
import { InvalidArgumentError } from 'commander';

export type Settings = Record<string, string>;

/** `--set key=value`, repeatable. */
export function collectSetting(text: string, previous: Settings): Settings {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new InvalidArgumentError(`expected key=value, got '${text}'`);
  return { ...previous, [text.slice(0, eq)]: text.slice(eq + 1) };
}

export function positiveInteger(text: string): number {
  const value = Number(text);
  // Decimal digits only: Number() would also take 1e1, 0x10 and 2.0.
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value <= 0)
    throw new InvalidArgumentError(`expected a positive whole number, got '${text}'`);
  return value;
}

/** `--workers n` above the machine's cores: allowed (for experiments), but said, since each worker costs memory. */
export function warnAboveCores(workers: number | undefined): void {
  const cores = availableParallelism();
  if (workers === undefined || workers <= cores) return;
  process.stderr.write(
    `kripke: warning: --workers ${workers} is more than this machine's ${cores} cores: ` +
      `the extra threads add memory and contention, not speed (try --workers ${cores})\n`,
  );
}
