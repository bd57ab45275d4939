/** Small statistics the benchmark suites share. */

/** The middle value (of an even count, the upper of the two middle ones); undefined for none. */
export function median(xs: readonly number[]): number | undefined {
  if (xs.length === 0) return undefined;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The item with the least `cost`: the fastest of repeated runs (noise only ever slows a run). */
export function leastBy<T>(items: readonly T[], cost: (item: T) => number): T | undefined {
  let best: T | undefined;
  for (const item of items) if (best === undefined || cost(item) < cost(best)) best = item;
  return best;
}
