/** Durations as people write them: `90s`, `10m`, `1500ms`, `1h`, or a number of milliseconds. */
const UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/** Milliseconds, or undefined when `value` is not a positive duration. */
export function parseDuration(value: number | string, bareUnit: keyof typeof UNITS = 'ms'): number | undefined {
  if (typeof value === 'number') return value > 0 && Number.isFinite(value) ? value * UNITS[bareUnit] : undefined;
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value.trim());
  if (!match) return undefined;
  const ms = Number(match[1]) * UNITS[(match[2] ?? bareUnit) as keyof typeof UNITS];
  return ms > 0 ? ms : undefined;
}

/** `650 ms`, `12.4 s`, `3m 05s`: how reports print a time. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes}m ${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}s`;
}
