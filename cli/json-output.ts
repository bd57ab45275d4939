/**
 * What every `--json` output and report file prints: one object, which names the version of
 * Kripke that made it (`kripkeVersion`, set by each builder, as the schemas require) so that a
 * stored result names its release.
 */

/**
 * `value`: a command's result object (some builders type it as `Json`, which admits any JSON
 * value). Pretty-printed by default; `indent: 0` gives one line.
 */
export function jsonOutput(value: unknown, indent = 2): string {
  if (
    value === null ||
    typeof value !== 'object' ||
    Array.isArray(value) ||
    !('kripkeVersion' in value) ||
    typeof value.kripkeVersion !== 'string'
  ) {
    throw new TypeError('a --json output is an object that names its kripkeVersion');
  }
  return JSON.stringify(value, null, indent);
}
