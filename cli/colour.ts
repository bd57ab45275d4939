/**
 * Whether the CLI colours what it prints on standard output, decided as other Node tools do
 * (picocolors): never with `NO_COLOR` or `--no-color`; always with `FORCE_COLOR`, `--color` or
 * in CI (`CI` is set: CI logs show colour); otherwise when standard output is a terminal.
 * JSON output is never coloured.
 */
import picocolors from 'picocolors';

export function colourWanted(): boolean {
  return picocolors.isColorSupported;
}
