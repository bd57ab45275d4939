/**
 * Kripke's own trace file (`trace.json`): the model and how it was configured, the property, the
 * replayable path, the lasso's loop, and every step with its action and state as shown (values in
 * the `#set`/`#map`/`#bigint` conventions of `json-value.ts`) — for a packed model also its
 * `words`, the state itself. Versioned: fields are only added.
 */
import { whyToJson, withWhy } from './why-json.ts';
import { formatPath, parsePath } from '../checker/path.ts';
import { decodeValue, encodeValue, type Json } from './json-value.ts';
import {
  badTrace,
  isObject,
  packedSteps,
  type SavedStep,
  type SavedTrace,
  settingsOf,
  stringOr,
  type TraceContext,
  wordsIn,
  wordsOf,
} from './saved-trace.ts';
import type { Trace } from './trace.ts';
import { kripkeVersion } from './version.ts';

export const TRACE_FORMAT = 'kripke-trace';
export const TRACE_VERSION = 1;

export function traceToJson(trace: Trace, context: TraceContext = {}): Json {
  return {
    format: TRACE_FORMAT,
    version: TRACE_VERSION,
    kripkeVersion: kripkeVersion(),
    model: trace.model,
    reference: context.reference ?? trace.model,
    ...(context.modelFile !== undefined ? { modelFile: context.modelFile } : {}),
    variant: context.variant ?? null,
    settings: { ...context.settings },
    property: trace.property ?? null,
    ...(trace.instance === undefined ? {} : { instance: trace.instance }),
    ...(trace.why === undefined ? {} : { why: whyToJson(trace.why) }),
    kind: context.kind ?? null,
    path: formatPath(trace.path),
    loop: trace.loop ?? null,
    steps: trace.steps.map((step, index) => ({
      index,
      action: step.action
        ? {
            name: step.action.name,
            label: step.action.label,
            param: step.action.param === undefined ? null : encodeValue(step.action.param),
            paramIndex: step.action.paramIndex,
          }
        : null,
      state: encodeValue(step.shown),
      ...(trace.packed ? { words: [...wordsOf(step.state, index)] } : {}),
    })),
  };
}

/** Reads a Kripke trace file; `file` names it in errors. */
export function traceFromJson(json: Json, file = 'trace.json'): SavedTrace {
  if (!isObject(json) || json.format !== TRACE_FORMAT)
    throw badTrace(file, `not a Kripke trace (expected "format": "${TRACE_FORMAT}")`);
  if (typeof json.version !== 'number' || json.version > TRACE_VERSION) {
    throw badTrace(
      file,
      `trace format version ${String(json.version)} is newer than this Kripke reads (${TRACE_VERSION})`,
    );
  }
  const model = stringOr(json.model);
  if (model === undefined || !Array.isArray(json.steps) || json.steps.length === 0)
    throw badTrace(file, 'needs "model" and a non-empty "steps" list');
  const path = stringOr(json.path);
  const steps = json.steps.map((step, i) => stepFromJson(file, step, i));
  return {
    format: 'kripke',
    model,
    reference: stringOr(json.reference) ?? model,
    modelFile: stringOr(json.modelFile),
    kripkeMetadata: true,
    variant: stringOr(json.variant),
    settings: settingsOf(json.settings),
    property: stringOr(json.property),
    ...(typeof json.instance === 'string' ? { instance: json.instance } : {}),
    ...withWhy(json.why),
    kind: stringOr(json.kind),
    path: path === undefined ? undefined : parsePathIn(file, path),
    loop: typeof json.loop === 'number' ? json.loop : undefined,
    steps,
    packed: packedSteps(file, steps),
  };
}

function stepFromJson(file: string, json: Json, index: number): SavedStep {
  if (!isObject(json) || !('state' in json)) throw badTrace(file, `step ${index} has no "state"`);
  const action = json.action;
  if (index > 0 && !isObject(action)) throw badTrace(file, `step ${index} has no "action"`);
  const encoded = json.state!;
  const words = wordsIn(file, json.words, index);
  return {
    action: isObject(action)
      ? {
          name: stringOr(action.name) ?? '?',
          label: stringOr(action.label) ?? stringOr(action.name) ?? '?',
          param: action.param === null || action.param === undefined ? undefined : decodeValue(action.param),
          ...(action.param !== null && action.param !== undefined ? { encodedParam: action.param } : {}),
          ...(typeof action.paramIndex === 'number' ? { paramIndex: action.paramIndex } : {}),
        }
      : undefined,
    state: decodeValue(encoded),
    encoded,
    ...(words ? { words } : {}),
  };
}

function parsePathIn(file: string, text: string) {
  try {
    return parsePath(text);
  } catch (e) {
    throw badTrace(file, e instanceof Error ? e.message : String(e));
  }
}
