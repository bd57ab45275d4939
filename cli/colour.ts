/**
 * Whether the CLI colours what it prints on standard output, decided as other Node tools do
 * (picocolors' rule): never with `NO_COLOR` or `--no-color`; always with `FORCE_COLOR`, `--color`
 * or in CI (`CI` is set: CI logs show colour); otherwise when standard output is a terminal.
 * JSON output is never coloured. Decided when asked rather than when loaded (as picocolors'
 * `isColorSupported` is), so that a run in-process (the tests) sees its own environment.
 */
export function colourWanted(): boolean {
  const { env, argv, stdout } = process;
  if (env.NO_COLOR || argv.includes('--no-color')) return false;
  return Boolean(
    env.FORCE_COLOR ||
      argv.includes('--color') ||
      process.platform === 'win32' ||
      (stdout.isTTY && env.TERM !== 'dumb') ||
      env.CI,
  );
}
