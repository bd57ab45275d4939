/**
 * What `check(spec, options)` accepts, checked before anything runs: callers from plain
 * JavaScript (or with `as any`) get a `KripkeError` naming the option and the value as given,
 * never a TypeError and never a misspelt key silently ignored.
 */
import { closestName, KripkeError } from '../spec/errors.ts';
import type { CheckOptions } from './options.ts';

type Kind = 'boolean' | 'number' | 'string' | 'string list' | 'object' | 'engine' | 'store';

/** Every key of `CheckOptions`, with what its value must be. */
const OPTION_KINDS: Readonly<Record<keyof CheckOptions, Kind>> = {
  engine: 'engine',
  maxDepth: 'number',
  continue: 'boolean',
  checkDeadlock: 'boolean',
  strict: 'boolean',
  properties: 'string list',
  maxStates: 'number',
  timeLimitMs: 'number',
  store: 'store',
  memoryBytes: 'number',
  workers: 'number',
  specSource: 'object',
  observer: 'object',
  liveness: 'boolean',
  seed: 'number',
  runs: 'number',
  depth: 'number',
  shard: 'object',
  storeDir: 'string',
  checkpoint: 'object',
  resume: 'string',
  interrupt: 'object',
};
const OPTION_NAMES = Object.keys(OPTION_KINDS);

/** Throws a KripkeError for a spec that is not one, options that are not an object, or a bad key or value type. */
export function validateCheckInput(spec: unknown, options: unknown): void {
  if (typeof spec !== 'object' || spec === null || !Array.isArray((spec as { actions?: unknown }).actions)) {
    throw new KripkeError(
      'invalid-spec',
      `check() needs a spec (from defineSpec) as its first argument, got ${shown(spec)}`,
    );
  }
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new KripkeError(
      'invalid-config',
      `check() options must be an object such as { engine: 'dfs' }, got ${shown(options)}`,
    );
  }
  for (const [key, value] of Object.entries(options)) {
    const kind = OPTION_KINDS[key as keyof CheckOptions] as Kind | undefined;
    if (kind === undefined) {
      const near = closestName(key, OPTION_NAMES);
      throw new KripkeError(
        'unknown-name',
        `unknown option '${key}'${near ? ` (did you mean '${near}'?)` : ''}; available: ${OPTION_NAMES.join(', ')}`,
        { option: key },
      );
    }
    if (value !== undefined && !fits(kind, value)) {
      throw new KripkeError('invalid-config', `option ${key} must be ${expected(kind)}, got ${shown(value)}`, {
        option: key,
      });
    }
  }
}

function fits(kind: Kind, value: unknown): boolean {
  switch (kind) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number';
    case 'string':
      return typeof value === 'string';
    case 'string list':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'object':
      return typeof value === 'object' && value !== null;
    // Which names exist is resolveOptions' business (its message lists them).
    case 'engine':
    case 'store':
      return typeof value === 'string';
  }
}

function expected(kind: Kind): string {
  switch (kind) {
    case 'boolean':
      return 'true or false';
    case 'number':
      return 'a number';
    case 'string':
      return 'a string';
    case 'string list':
      return "an array of property names, such as ['safe']";
    case 'object':
      return 'an object';
    case 'engine':
      return "an engine name: 'bfs', 'dfs' or 'random'";
    case 'store':
      return "'table', 'map' or 'disk'";
  }
}

/** A value as the caller wrote it: strings quoted, so `'2'` is not mistaken for 2. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return `'${value}' (a string)`;
  if (value === null || value === undefined || typeof value !== 'object') return String(value);
  if (Array.isArray(value))
    return `an array [${value.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ')}]`;
  return 'an object';
}
