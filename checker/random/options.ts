/**
 * The random engine's options, resolved once (every default lives here). A campaign is the seed,
 * the number of walks and their length; a shard runs one deterministic slice of a campaign.
 */
import { KripkeError } from '../../spec/errors.ts';
import type { CheckOptions } from '../options.ts';
import { shown } from '../option-input.ts';

export const DEFAULT_RUNS = 10_000;
export const DEFAULT_DEPTH = 100;

/** Shard `index` of `count`, counted from 1 (as `--shard 1/4` … `4/4`). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

export interface RandomOptions {
  /** The campaign seed: what the user gave, or drawn from the clock. Always reported. */
  readonly seed: number;
  /** Walks to run (per shard); `Infinity` when only a time limit bounds the campaign. */
  readonly runs: number;
  /** Steps per walk. */
  readonly depth: number;
  readonly shard: Shard | undefined;
}

export function resolveRandomOptions(options: CheckOptions): RandomOptions {
  const runs = options.runs ?? (options.timeLimitMs !== undefined ? Infinity : DEFAULT_RUNS);
  if (runs === Infinity && options.timeLimitMs === undefined) {
    throw new KripkeError(
      'invalid-config',
      'option runs is Infinity without timeLimitMs: the campaign would never end',
    );
  }
  return {
    seed: options.seed === undefined ? freshSeed() : seedOption(options.seed),
    runs: wholeNumber('runs', runs),
    depth: wholeNumber('depth', options.depth ?? DEFAULT_DEPTH),
    shard: options.shard === undefined ? undefined : shardOption(options.shard),
  };
}

/** A seed is a whole number in [0, 2^32): it round-trips through the command line and JSON. */
function seedOption(seed: number): number {
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
    throw new KripkeError(
      'invalid-config',
      `option seed must be a whole number from 0 to ${2 ** 32 - 1}, got ${shown(seed)}`,
    );
  }
  return seed;
}

export function freshSeed(): number {
  return (Date.now() ^ Math.floor(Math.random() * 2 ** 32)) >>> 0;
}

function wholeNumber(name: string, value: number): number {
  if (value === Infinity) return value;
  if (!Number.isInteger(value) || value <= 0) {
    throw new KripkeError('invalid-config', `option ${name} must be a positive whole number, got ${shown(value)}`);
  }
  return value;
}

function shardOption(shard: Shard): Shard {
  const { index, count } = shard;
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 1 || index > count) {
    throw new KripkeError('invalid-config', `shard ${index}/${count}: expected i/n with 1 ≤ i ≤ n`);
  }
  return { index, count };
}

/** `--shard 2/4` → { index: 2, count: 4 }. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) throw new KripkeError('invalid-config', `shard '${text}': expected i/n, e.g. 1/4`);
  return shardOption({ index: Number(match[1]), count: Number(match[2]) });
}
