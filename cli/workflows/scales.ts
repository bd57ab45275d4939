/** Axis scales for the sweep plot: log for counts and times (state spaces grow geometrically), linear for memory. */

export interface Scale {
  /** A value's position between 0 (bottom) and 1 (top). */
  readonly at: (value: number) => number;
  readonly ticks: readonly number[];
}

/** Decades covering the positive values (one decade at least). */
export function logScale(values: readonly number[]): Scale {
  const positive = values.filter((v) => v > 0);
  const lo = Math.floor(Math.log10(Math.min(...positive, 1)));
  let hi = Math.ceil(Math.log10(Math.max(...positive, 1)));
  if (hi <= lo) hi = lo + 1;
  const ticks = Array.from({ length: hi - lo + 1 }, (_, i) => 10 ** (lo + i));
  return { at: (v) => (Math.log10(Math.max(v, 10 ** lo)) - lo) / (hi - lo), ticks };
}

/** From 0 to a round number above the largest value, in four or five steps. */
export function linearScale(values: readonly number[]): Scale {
  const max = Math.max(...values, 1);
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const step =
    [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5].map((f) => f * magnitude).find((s) => max / s <= 5) ?? magnitude * 10;
  const top = Math.ceil(max / step) * step;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  return { at: (v) => v / top, ticks };
}

/** `1`, `10`, `1k`, `100k`, `1M`, `2.5G`. */
export function shortNumber(v: number): string {
  const units: [number, string][] = [
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [size, unit] of units) if (v >= size) return `${trim(v / size)}${unit}`;
  return trim(v);
}

function trim(v: number): string {
  return String(Number(v.toPrecision(3)));
}
