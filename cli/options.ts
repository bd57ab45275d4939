/** Parsers for option values shared by commands; a bad value is a usage error naming the option. */
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
  if (!Number.isInteger(value) || value <= 0) throw new InvalidArgumentError(`expected a positive whole number, got '${text}'`);
  return value;
}
