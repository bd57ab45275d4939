/**
 * The Informal Trace Format (ITF) of Apalache and Quint (ADR-015): `#meta`, `vars`, `states`
 * (each with `#meta.index`), and `loop` for a lasso. Values: integers as `{"#bigint": "n"}`, sets
 * as `#set`, maps as `#map` (key-value pairs), records as objects, lists as arrays; `#tup` reads
 * as an array. ITF has no null and no fractions: null is written `{"#unserializable": "null"}`, a
 * fraction as a plain JSON number. Kripke's own fields (path, property, model) ride in `#meta`;
 * the variables are the state as shown, and a packed model's words ride in each state's `#meta`.
 */
import { formatPath, parsePath } from '../checker/path.ts';
import type { Json } from './json-value.ts';
import {
  badTrace, isObject, packedSteps, type SavedStep, type SavedTrace, settingsOf, stringOr, type TraceContext, wordsIn, wordsOf,
} from './saved-trace.ts';
import type { Trace } from './trace.ts';
import { kripkeVersion } from './version.ts';
import { topLevelFields } from './state-rows.ts';

export const ITF_DESCRIPTION_URL = 'https://apalache-mc.org/docs/adr/015adr-trace.html';
/** The variable a state that is not a record is stored under. */
const WHOLE_STATE = 'state';

export function encodeItfValue(value: unknown): Json {
  switch (typeof value) {
    case 'bigint': return { '#bigint': value.toString() };
    case 'number': return Number.isInteger(value) ? { '#bigint': String(value) } : value;
    case 'string': case 'boolean': return value;
    case 'object': {
      if (value === null) return { '#unserializable': 'null' };
      if (Array.isArray(value)) return value.map(encodeItfValue);
      if (value instanceof Set) return { '#set': sorted([...value].map(encodeItfValue)) };
      if (value instanceof Map) return { '#map': sorted([...value].map(([k, v]) => [encodeItfValue(k), encodeItfValue(v)])) };
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeItfValue(v)]));
    }
    default: throw new TypeError(`not a state value: ${typeof value}`);
  }
}

/** ITF integers become numbers when they fit exactly, bigints otherwise. */
export function decodeItfValue(json: Json): unknown {
  if (Array.isArray(json)) return json.map(decodeItfValue);
  if (!isObject(json)) return json;
  const keys = Object.keys(json);
  const tag = keys.length === 1 ? keys[0]! : '';
  const body = json[tag];
  if (tag === '#bigint' && typeof body === 'string') {
    const n = BigInt(body);
    return Number.isSafeInteger(Number(n)) ? Number(n) : n;
  }
  if (tag === '#set' && Array.isArray(body)) return new Set(body.map(decodeItfValue));
  if (tag === '#tup' && Array.isArray(body)) return body.map(decodeItfValue);
  if (tag === '#map' && Array.isArray(body)) return new Map(body.map(mapEntry));
  if (tag === '#unserializable') return body === 'null' ? null : body;
  return Object.fromEntries(keys.map((k) => [k, decodeItfValue(json[k]!)]));
}

function mapEntry(pair: Json): [unknown, unknown] {
  if (!Array.isArray(pair) || pair.length !== 2) throw new TypeError('a #map entry must be a [key, value] pair');
  return [decodeItfValue(pair[0]!), decodeItfValue(pair[1]!)];
}

export function traceToItf(trace: Trace, context: TraceContext = {}): Json {
  const record = topLevelFields(trace.steps[0]?.shown)[0]?.[0] !== '(state)';
  const vars = record ? topLevelFields(trace.steps[0]?.shown).map(([k]) => k) : [WHOLE_STATE];
  const states: Json[] = trace.steps.map((step, index) => {
    const words: { [key: string]: Json } = trace.packed ? { 'kripke:words': [...wordsOf(step.state, index)] } : {};
    const meta: Json = step.action ? { index, action: step.action.label, 'kripke:action': actionMeta(step.action), ...words } : { index, ...words };
    const fields = record ? encodeItfValue(step.shown) as { [k: string]: Json } : { [WHOLE_STATE]: encodeItfValue(step.shown) };
    return { '#meta': meta, ...fields };
  });
  return {
    '#meta': {
      format: 'ITF',
      'format-description': ITF_DESCRIPTION_URL,
      source: context.reference ?? trace.model,
      description: trace.property ? `Kripke counterexample: '${trace.property}' is violated` : 'Kripke trace',
      kripke: kripkeMeta(trace, context, record),
      'kripke-version': kripkeVersion(),
    },
    vars,
    states,
    ...(trace.loop !== undefined ? { loop: trace.loop } : {}),
  };
}

function actionMeta(action: NonNullable<Trace['steps'][number]['action']>): Json {
  return { name: action.name, param: action.param === undefined ? null : encodeItfValue(action.param), paramIndex: action.paramIndex };
}

function kripkeMeta(trace: Trace, context: TraceContext, record: boolean): Json {
  return {
    model: trace.model, reference: context.reference ?? trace.model, variant: context.variant ?? null,
    settings: { ...context.settings }, property: trace.property ?? null, kind: context.kind ?? null,
    path: formatPath(trace.path), wholeState: !record,
  };
}

/** Reads an ITF trace (Kripke's, or another tool's: then without a path, so render-only). */
export function traceFromItf(json: Json, file = 'trace.itf.json'): SavedTrace {
  if (!isObject(json) || !Array.isArray(json.states) || !Array.isArray(json.vars)) throw badTrace(file, 'not an ITF trace (needs "vars" and "states")');
  if (json.states.length === 0) throw badTrace(file, 'an ITF trace needs at least one state');
  const meta = isObject(json['#meta']) ? json['#meta'] : {};
  const kripke = isObject(meta.kripke) ? meta.kripke : {};
  const wholeState = kripke.wholeState === true;
  // Quint's model-based-testing variables (`mbt::actionTaken`) describe the step, not the state.
  const vars = json.vars.filter((v): v is string => typeof v === 'string' && !v.startsWith('mbt::'));
  const path = stringOr(kripke.path);
  const steps = json.states.map((state, i) => itfStep(file, state, i, vars, wholeState));
  return {
    format: 'itf',
    model: stringOr(kripke.model) ?? stringOr(meta.source) ?? 'unknown',
    reference: stringOr(kripke.reference) ?? stringOr(meta.source),
    variant: stringOr(kripke.variant),
    settings: settingsOf(kripke.settings),
    property: stringOr(kripke.property),
    kind: stringOr(kripke.kind),
    path: path === undefined ? undefined : parsePath(path),
    loop: typeof json.loop === 'number' ? json.loop : undefined,
    steps,
    packed: packedSteps(file, steps),
  };
}

function itfStep(file: string, json: Json, index: number, vars: readonly string[], wholeState: boolean): SavedStep {
  if (!isObject(json)) throw badTrace(file, `state ${index} is not an object`);
  const encoded: Json = wholeState ? json[WHOLE_STATE] ?? null : Object.fromEntries(vars.map((v) => [v, json[v] ?? null]));
  const meta = isObject(json['#meta']) ? json['#meta'] : {};
  const saved = isObject(meta['kripke:action']) ? meta['kripke:action'] : undefined;
  const label = stringOr(meta.action) ?? stringOr(json['mbt::actionTaken']);
  const name = stringOr(saved?.name) ?? label;
  const param = saved?.param;
  const words = wordsIn(file, meta['kripke:words'], index);
  return {
    action: index === 0 ? undefined : {
      name: name ?? 'step',
      label: label ?? name ?? 'step',
      param: param === undefined || param === null ? undefined : decodeItfValue(param),
      ...(param !== undefined && param !== null ? { encodedParam: param } : {}),
      ...(typeof saved?.paramIndex === 'number' ? { paramIndex: saved.paramIndex } : {}),
    },
    state: decodeItfValue(encoded),
    encoded,
    ...(words ? { words } : {}),
  };
}

function sorted<T>(items: T[]): T[] {
  const keyed = items.map((item) => ({ item, key: JSON.stringify(item) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.item);
}
