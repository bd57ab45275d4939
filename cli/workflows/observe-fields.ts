/**
 * Observations for `kripke diff`: what a model file exports as `observe`, or the fields named by
 * `--observe rmState,tmState` (dotted paths reach into records: `rmState.r1`).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Observe } from '../../checker/diff/index.ts';
import { wholeState } from '../../checker/diff/index.ts';
import { importModule } from '../../checker/import-module.ts';
import { KripkeError } from '../../spec/errors.ts';
import type { Spec } from '../../spec/types.ts';
import { looksLikePath } from '../load-model.ts';

/** The fields' values, by path: `{ rmState: …, 'rmState.r1': … }`, read from the state as shown (packed states decoded). */
export function observeFields<S>(spec: Spec<S>, paths: readonly string[]): Observe<S> {
  const shown = wholeState(spec);
  const split = paths.map((p) => ({ path: p, keys: p.split('.') }));
  return (state) => {
    const value = shown(state);
    return Object.fromEntries(split.map(({ path, keys }) => [path, fieldAt(spec.name, value, keys, path)]));
  };
}

function fieldAt(model: string, value: unknown, keys: readonly string[], path: string): unknown {
  let at = value;
  for (const key of keys) {
    const record = typeof at === 'object' && at !== null && !Array.isArray(at) && !(at instanceof Set);
    const has = record && (at instanceof Map ? at.has(key) : key in (at as object));
    if (!has) {
      const available = !record
        ? '(not a record)'
        : [...(at instanceof Map ? at.keys() : Object.keys(at as object))].join(', ');
      throw new KripkeError(
        'unknown-name',
        `the state of '${model}' has no field '${path}' to observe (at '${key}'; available: ${available})`,
        { model, field: path },
      );
    }
    at = at instanceof Map ? at.get(key) : (at as Record<string, unknown>)[key];
  }
  return at;
}

/** A model file's own `observe` export (a function of its state), if it has one. */
export async function declaredObservation(model: string): Promise<Observe<unknown> | undefined> {
  if (!looksLikePath(model)) return undefined;
  const file = resolve(model.split('#')[0]!);
  if (!existsSync(file)) return undefined;
  const module = await importModule(pathToFileURL(file).href);
  if (module.observe === undefined) return undefined;
  if (typeof module.observe !== 'function')
    throw new KripkeError('invalid-spec', `${model}: the export 'observe' must be a function of a state`, {
      file: model,
    });
  return module.observe as Observe<unknown>;
}
