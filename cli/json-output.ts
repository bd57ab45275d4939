/**
 * What every `--json` output prints: the command's object with the version of Kripke that made
 * it (`kripkeVersion`) first, so that a stored result names its release.
 */
import { kripkeVersion } from '../counterexamples/version.ts';

/**
 * `value`: the command's result object (the builders type it as `Json`, which admits any JSON
 * value; a result is always an object). Pretty-printed by default; `indent: 0` gives one line.
 */
export function jsonOutput(value: unknown, indent = 2): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new TypeError('a --json output must be a JSON object');
  return JSON.stringify({ kripkeVersion: kripkeVersion(), ...value }, null, indent);
}
