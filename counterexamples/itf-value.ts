/**
 * State values in ITF (ADR-015 of Apalache, as Quint reads and writes it): integers as
 * `{"#bigint": "n"}`, sets as `#set`, maps as `#map` (key-value pairs), records as objects, lists
 * as arrays. ITF has no null: Kripke writes `null` as the unit value, the empty tuple
 * `{"#tup": []}` (Quint's `()`), and reads the empty tuple back as `null`; other tuples read as
 * arrays. What ITF cannot hold is refused with the field named: a fraction (ITF has integers
 * only) and a record field starting with `#` (ITF reserves those for its own forms).
 */
import { KripkeError } from '../spec/errors.ts';
import type { Json } from './json-value.ts';
import { isObject } from './saved-trace.ts';

/** `null` in ITF: the empty tuple, Quint's and Apalache's unit value. */
export const ITF_NULL: Json = { '#tup': [] };

/** Where a value sits, for errors: `state 3, field 'msgs{…}.ballot'`. */
export type Where = (field: string) => Readonly<Record<string, string>>;

export function encodeItfValue(value: unknown, where: Where = (field) => ({ field })): Json {
  return encode(value, '', where);
}

function encode(value: unknown, field: string, where: Where): Json {
  switch (typeof value) {
    case 'bigint':
      return { '#bigint': value.toString() };
    case 'number':
      return encodeNumber(value, field, where);
    case 'string':
    case 'boolean':
      return value;
    case 'object': {
      if (value === null) return ITF_NULL;
      if (Array.isArray(value)) return value.map((v, i) => encode(v, `${field}[${i}]`, where));
      if (value instanceof Set) return { '#set': sorted([...value].map((m) => encode(m, `${field}{…}`, where))) };
      if (value instanceof Map) {
        return {
          '#map': sorted(
            [...value].map(([k, v]) => [encode(k, `${field}(key)`, where), encode(v, `${field}[…]`, where)]),
          ),
        };
      }
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [recordKey(k, field, where), encode(v, join(field, k), where)]),
      );
    }
    default:
      throw refuse(field, where, `${typeof value} is not a state value`);
  }
}

/** An integer, exactly (beyond 2^53 too); a fraction is refused: ITF has integers only. */
function encodeNumber(value: number, field: string, where: Where): Json {
  if (Number.isInteger(value)) return { '#bigint': BigInt(value).toString() };
  throw refuse(
    field,
    where,
    `${value} is not an integer, and ITF holds integers only (scale it to an integer, or use a string)`,
  );
}

function recordKey(key: string, field: string, where: Where): string {
  if (key.startsWith('#'))
    throw refuse(
      join(field, key),
      where,
      `a record field named '${key}': ITF reserves names starting with '#' for its own forms`,
    );
  return key;
}

function refuse(field: string, where: Where, why: string): KripkeError {
  const at = field === '' ? 'the state' : `field '${field}'`;
  return new KripkeError('invalid-value', `cannot write ITF: ${at}: ${why}`, where(field || '(state)'));
}

const join = (field: string, key: string) => (field === '' ? key : `${field}.${key}`);

/** ITF integers become numbers when they fit exactly, bigints otherwise; the empty tuple is null. */
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
  if (tag === '#tup' && Array.isArray(body)) return body.length === 0 ? null : body.map(decodeItfValue);
  if (tag === '#map' && Array.isArray(body)) return new Map(body.map(mapEntry));
  // How older Kripke files wrote null (no other tool reads it).
  if (tag === '#unserializable') return body === 'null' ? null : body;
  return Object.fromEntries(keys.map((k) => [k, decodeItfValue(json[k]!)]));
}

function mapEntry(pair: Json): [unknown, unknown] {
  if (!Array.isArray(pair) || pair.length !== 2) throw new TypeError('a #map entry must be a [key, value] pair');
  return [decodeItfValue(pair[0]!), decodeItfValue(pair[1]!)];
}

/** Set members and map entries in one order (by JSON text), so equal values encode equally. */
function sorted<T>(items: T[]): T[] {
  const keyed = items.map((item) => ({ item, key: JSON.stringify(item) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.item);
}
