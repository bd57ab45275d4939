/**
 * The Informal Trace Format (ITF) of Apalache and Quint (ADR-015): `#meta`, `vars`, `states`
 * (each with `#meta.index`), and `loop` for a lasso (values: `itf-value.ts`). Kripke's own fields
 * (its version, path, property, model) ride in `#meta.kripke`; the variables are the state as
 * shown, and a packed model's words ride in each state's `#meta`. A lasso's cycle runs from state `loop` to the last
 * state, which steps back to state `loop` (ADR-015): Kripke's trace ends on the loop's state
 * again, so that repeated state is left out and the step back rides in `#meta.kripke.loopBack`.
 * Quint's `--mbt` traces give each step's action and parameter (`quint-mbt.ts`).
 */
import { whyToJson, withWhy } from './why-json.ts';
import { formatPath, parsePath } from '../checker/path.ts';
import { canonical, type Json } from './json-value.ts';
import {
  badTrace,
  isObject,
  packedSteps,
  type SavedAction,
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
import { topLevelFields } from './state-rows.ts';
import { decodeItfValue, encodeItfValue } from './itf-value.ts';
import { mbtAction } from './quint-mbt.ts';

export { decodeItfValue, encodeItfValue, ITF_NULL } from './itf-value.ts';

export const ITF_DESCRIPTION_URL = 'https://apalache-mc.org/docs/adr/015adr-trace.html';
/** The variable a state that is not a record is stored under. */
const WHOLE_STATE = 'state';

export function traceToItf(trace: Trace, context: TraceContext = {}): Json {
  const record = topLevelFields(trace.steps[0]?.shown)[0]?.[0] !== '(state)';
  const vars = record ? topLevelFields(trace.steps[0]?.shown).map(([k]) => k) : [WHOLE_STATE];
  const states: Json[] = trace.steps.map((step, index) => {
    const words: { [key: string]: Json } = trace.packed ? { 'kripke:words': [...wordsOf(step.state, index)] } : {};
    const meta: Json = step.action
      ? { index, action: step.action.label, 'kripke:action': actionMeta(step.action, index), ...words }
      : { index, ...words };
    const where = (field: string) => ({ model: trace.model, state: String(index), field });
    const fields = record
      ? (encodeItfValue(step.shown, where) as { [k: string]: Json })
      : { [WHOLE_STATE]: encodeItfValue(step.shown, where) };
    return { '#meta': meta, ...fields };
  });
  const loopBack = repeatedLoopState(trace, states);
  return {
    '#meta': {
      format: 'ITF',
      'format-description': ITF_DESCRIPTION_URL,
      source: context.reference ?? trace.model,
      description: trace.property ? `Kripke counterexample: '${trace.property}' is violated` : 'Kripke trace',
      kripke: { ...kripkeMeta(trace, context, record), ...(loopBack ? { loopBack } : {}) },
    },
    vars,
    states: loopBack ? states.slice(0, -1) : states,
    ...(trace.loop !== undefined ? { loop: trace.loop } : {}),
  };
}

/** The step back of a lasso whose last state repeats state `loop` (its `#meta`), or undefined. */
function repeatedLoopState(trace: Trace, states: readonly Json[]): Json | undefined {
  const last = states.length - 1;
  if (trace.loop === undefined || trace.loop >= last) return undefined;
  const { '#meta': meta, ...lastState } = states[last] as { [key: string]: Json };
  const { '#meta': _, ...loopState } = states[trace.loop] as { [key: string]: Json };
  return canonical(lastState) === canonical(loopState) ? meta : undefined;
}

function actionMeta(action: NonNullable<Trace['steps'][number]['action']>, index: number): Json {
  const param =
    action.param === undefined
      ? null
      : encodeItfValue(action.param, (field) => ({
          state: String(index),
          action: action.name,
          field: `(parameter)${field}`,
        }));
  return { name: action.name, param, paramIndex: action.paramIndex };
}

function kripkeMeta(trace: Trace, context: TraceContext, record: boolean): { [key: string]: Json } {
  return {
    kripkeVersion: kripkeVersion(),
    model: trace.model,
    reference: context.reference ?? trace.model,
    ...(context.modelFile !== undefined ? { modelFile: context.modelFile } : {}),
    variant: context.variant ?? null,
    settings: { ...context.settings },
    property: trace.property ?? null,
    kind: context.kind ?? null,
    path: formatPath(trace.path),
    wholeState: !record,
    ...(trace.why ? { why: whyToJson(trace.why) } : {}),
  };
}

/** Reads an ITF trace (Kripke's, or another tool's: then without a path, so render-only). */
export function traceFromItf(json: Json, file = 'trace.itf.json'): SavedTrace {
  if (!isObject(json) || !Array.isArray(json.states) || !Array.isArray(json.vars))
    throw badTrace(file, 'not an ITF trace (needs "vars" and "states")');
  if (json.states.length === 0) throw badTrace(file, 'an ITF trace needs at least one state');
  const meta = isObject(json['#meta']) ? json['#meta'] : {};
  const kripkeMetadata = isObject(meta.kripke);
  const kripke = isObject(meta.kripke) ? meta.kripke : {};
  const wholeState = kripke.wholeState === true;
  // Quint's model-based-testing variables (`mbt::actionTaken`) describe the step, not the state.
  const vars = json.vars.filter((v): v is string => typeof v === 'string' && !v.startsWith('mbt::'));
  const path = stringOr(kripke.path);
  const loop = typeof json.loop === 'number' ? json.loop : undefined;
  const states = withLoopState(json.states, loop, kripke.loopBack);
  const steps = states.map((state, i) => itfStep(file, state, i, vars, wholeState));
  return {
    format: 'itf',
    model: stringOr(kripke.model) ?? stringOr(meta.source) ?? 'unknown',
    // Another tool's `source` names its own spec (spec.qnt), not a Kripke model: no reference.
    reference: stringOr(kripke.reference),
    modelFile: stringOr(kripke.modelFile),
    kripkeMetadata,
    variant: stringOr(kripke.variant),
    settings: settingsOf(kripke.settings),
    property: stringOr(kripke.property),
    kind: stringOr(kripke.kind),
    ...withWhy(kripke.why),
    path: path === undefined ? undefined : parsePath(path),
    loop,
    steps,
    packed: packedSteps(file, steps),
  };
}

/** Kripke's lasso again: the loop's state appended with the step back, when the file records it. */
function withLoopState(states: readonly Json[], loop: number | undefined, loopBack: Json | undefined): readonly Json[] {
  const start = loop === undefined ? undefined : states[loop];
  if (!isObject(loopBack) || !isObject(start)) return states;
  return [...states, { ...start, '#meta': { ...loopBack, index: states.length } }];
}

function itfStep(file: string, json: Json, index: number, vars: readonly string[], wholeState: boolean): SavedStep {
  if (!isObject(json)) throw badTrace(file, `state ${index} is not an object`);
  const encoded: Json = wholeState
    ? (json[WHOLE_STATE] ?? null)
    : Object.fromEntries(vars.map((v) => [v, json[v] ?? null]));
  const meta = isObject(json['#meta']) ? json['#meta'] : {};
  const words = wordsIn(file, meta['kripke:words'], index);
  return {
    action:
      index === 0
        ? undefined
        : (kripkeAction(meta) ?? mbtAction(json) ?? { name: 'step', label: 'step', param: undefined }),
    state: decodeItfValue(encoded),
    encoded,
    ...(words ? { words } : {}),
  };
}

/** The action as Kripke saved it in the state's `#meta` (or only its label, from another writer). */
function kripkeAction(meta: { readonly [key: string]: Json }): SavedAction | undefined {
  const saved = isObject(meta['kripke:action']) ? meta['kripke:action'] : undefined;
  const label = stringOr(meta.action);
  const name = stringOr(saved?.name) ?? label;
  if (name === undefined) return undefined;
  const param = saved?.param;
  return {
    name,
    label: label ?? name,
    param: param === undefined || param === null ? undefined : decodeItfValue(param),
    ...(param !== undefined && param !== null ? { encodedParam: param } : {}),
    ...(typeof saved?.paramIndex === 'number' ? { paramIndex: saved.paramIndex } : {}),
  };
}
