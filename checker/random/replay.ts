/**
 * Replays a saved path (`0/3:1/0:0`, as `kripke simulate` and `kripke check` print it) with the
 * same per-step checks as a random walk, so a printed counterexample re-detects its violation and a
 * saved one becomes a regression test. A step that is not enabled any more is an `invalid-trace`
 * error naming the step.
 */
import { KripkeError } from '../../spec/errors.ts';
import type { Spec } from '../../spec/types.ts';
import { type CheckOptions, resolveOptions } from '../options.ts';
import { type ActionPath, parsePath } from '../path.ts';
import type { Violation } from '../result.ts';
import { Walker } from './walker.ts';

export type ReplayResult =
  /** The path violates a property: the violation's path ends where it was detected. */
  | { readonly status: 'violation'; readonly violation: Violation }
  /** Every step was enabled and no checked property failed along the path. */
  | { readonly status: 'clean'; readonly steps: number };

export function replayPath<S>(spec: Spec<S>, path: ActionPath | string, options: CheckOptions = {}): ReplayResult {
  const resolved = resolveOptions(spec as Spec<unknown>, { ...options, engine: 'random', seed: options.seed ?? 0 });
  const walker = new Walker(spec, resolved, []);
  const found = walker.replay(typeof path === 'string' ? parse(spec.name, path) : path);
  if (!found) return { status: 'clean', steps: walker.steps };
  return { status: 'violation', violation: { ...found, path: walker.path() } };
}

function parse(model: string, text: string): ActionPath {
  try {
    return parsePath(text);
  } catch (e) {
    throw new KripkeError('invalid-trace', e instanceof Error ? e.message : String(e), { model });
  }
}
