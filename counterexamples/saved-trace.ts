/**
 * A counterexample as saved on disk (Kripke JSON or ITF), read back into one shape: what the
 * model was, which property failed, the path that replays it, and every state as saved. Also
 * turns a saved trace into a `Trace` for the renderers, without needing the model.
 */
import type { Why } from './why.ts';
import type { ActionPath } from '../checker/path.ts';
import { KripkeError } from '../spec/errors.ts';
import type { Words } from '../spec/packed.ts';
import { diffStates } from './diff.ts';
import type { Json } from './json-value.ts';
import type { Trace, TraceStep } from './trace.ts';

/** Where a trace came from: enough to load the same model again and to say why it was saved. */
export interface TraceContext {
  /** How to name the model on the command line (`two-phase-commit`, `./my-model.ts`). */
  readonly reference?: string;
  /**
   * A model file's absolute path (with `#export` if one was named), so that a replay from any
   * folder can say which file to name. Replay never imports it unless the user names it.
   */
  readonly modelFile?: string;
  readonly variant?: string;
  readonly settings?: Readonly<Record<string, string>>;
  /** The kind of violation (`invariant`, `liveness`, `deadlock`, …). */
  readonly kind?: string;
}

export interface SavedAction {
  readonly name: string;
  readonly label: string;
  /** The parameter, decoded; undefined for an action without one. */
  readonly param: unknown;
  /** The parameter in the file's own encoding (Kripke JSON or ITF); absent when not saved. */
  readonly encodedParam?: Json;
  readonly paramIndex?: number;
}

export interface SavedStep {
  /** Absent for the initial state. */
  readonly action: SavedAction | undefined;
  /** The state as shown (`Spec.display`), decoded from the file. */
  readonly state: unknown;
  /** The shown state exactly as the file encodes it: replay compares encodings, not decoded values. */
  readonly encoded: Json;
  /** A packed model's state itself, its words (files of object models have none). */
  readonly words?: Words;
}

export type TraceFormat = 'kripke' | 'itf';

export interface SavedTrace extends TraceContext {
  readonly format: TraceFormat;
  readonly model: string;
  readonly property?: string;
  /** For a family: the failing instance. */
  readonly instance?: string;
  /** Why it fails, as `check` found it (the fields its property read): pictures drawn later mark them too. */
  readonly why?: Why;
  readonly path?: ActionPath;
  readonly loop?: number;
  readonly steps: readonly SavedStep[];
  /** Every step keeps its words: the trace came from a packed model. */
  readonly packed: boolean;
  /** Written by Kripke (a Kripke trace, or ITF with `#meta.kripke`): its model, variant and settings are known. */
  readonly kripkeMetadata: boolean;
}

/**
 * A saved trace in the shape the renderers read (changes recomputed from the saved states). Its
 * states are the words for a packed model, else the shown states (for an object model, the same).
 */
export function savedToTrace(saved: SavedTrace): Trace {
  const steps: TraceStep<unknown>[] = saved.steps.map((step, i) => ({
    action: step.action && {
      index: saved.path?.steps[i - 1]?.action ?? -1,
      name: step.action.name,
      paramIndex: step.action.paramIndex ?? saved.path?.steps[i - 1]?.param ?? -1,
      param: step.action.param,
      label: step.action.label,
    },
    state: step.words ?? step.state,
    shown: step.state,
    changes: i === 0 ? [] : diffStates(saved.steps[i - 1]!.state, step.state),
  }));
  return {
    model: saved.model,
    path: saved.path ?? { init: 0, steps: [] },
    steps,
    packed: saved.packed,
    ...(saved.property !== undefined ? { property: saved.property } : {}),
    ...(saved.instance !== undefined ? { instance: saved.instance } : {}),
    ...(saved.why !== undefined ? { why: saved.why } : {}),
    ...(saved.loop !== undefined ? { loop: saved.loop } : {}),
  };
}

/** A clear error for a file that is not a trace, naming the file and what is wrong. */
export function badTrace(file: string, why: string): KripkeError {
  return new KripkeError('invalid-trace', `${file}: ${why}`, { file });
}

export function isObject(json: Json | undefined): json is { [key: string]: Json } {
  return typeof json === 'object' && json !== null && !Array.isArray(json);
}

export function stringOr(json: Json | undefined): string | undefined {
  return typeof json === 'string' ? json : undefined;
}

export function settingsOf(json: Json | undefined): Record<string, string> {
  if (!isObject(json)) return {};
  return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, String(v)]));
}

/** A step's `words`, checked: an array of integers, or absent. */
export function wordsIn(file: string, json: Json | undefined, index: number): Words | undefined {
  if (json === undefined || json === null) return undefined;
  if (Array.isArray(json) && json.every((w): w is number => Number.isInteger(w))) return json;
  throw badTrace(file, `step ${index}: "words" must be an array of integers (a packed state)`);
}

/** Words on every step or on none: a packed trace, or an object one. */
export function packedSteps(file: string, steps: readonly SavedStep[]): boolean {
  const withWords = steps.filter((s) => s.words !== undefined).length;
  if (withWords !== 0 && withWords !== steps.length)
    throw badTrace(file, `${withWords} of ${steps.length} steps have "words": a packed trace has them on every step`);
  return withWords > 0;
}

/** A packed trace step's state, which must be words (a `Trace` with `packed` holds nothing else). */
export function wordsOf(state: unknown, index: number): Words {
  if (Array.isArray(state) && state.every((w): w is number => Number.isInteger(w))) return state;
  throw new TypeError(`step ${index} of a packed trace holds a state that is not words`);
}
