/**
 * Why a counterexample fails (`why.ts`), saved with the trace (trace.json, ITF `#meta`) so that a
 * picture rendered later from the file alone marks the same fields as the one `check` drew.
 */
import type { PropertyKind } from '../spec/properties.ts';
import type { Json } from './json-value.ts';
import type { FieldPath } from './read-tracking.ts';
import type { Why } from './why.ts';

export function whyToJson(why: Why): Json {
  return {
    property: why.property,
    kind: why.kind,
    step: why.step,
    read: why.read.map((p) => [...p]),
    ...(why.description !== undefined ? { description: why.description } : {}),
    ...(why.source !== undefined ? { source: why.source } : {}),
    ...(why.explanation !== undefined ? { explanation: why.explanation } : {}),
    ...(why.readBefore !== undefined ? { readBefore: why.readBefore.map((p) => [...p]) } : {}),
    ...(why.note !== undefined ? { note: why.note } : {}),
  };
}

/** The saved account, or undefined when the file has none (or one this version cannot read). */
export function whyFromJson(json: Json | undefined): Why | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const { property, kind, step, read } = json;
  if (typeof property !== 'string' || typeof kind !== 'string' || typeof step !== 'number') return undefined;
  const paths = (value: Json | undefined): FieldPath[] | undefined =>
    Array.isArray(value) && value.every(isPath) ? value.map((p) => [...(p as (string | number)[])]) : undefined;
  const readPaths = paths(read);
  if (readPaths === undefined || !isKind(kind)) return undefined;
  const text = (key: string) => (typeof json[key] === 'string' ? { [key]: json[key] } : {});
  const before = paths(json.readBefore);
  return {
    property,
    kind,
    step,
    read: readPaths,
    ...text('description'),
    ...text('source'),
    ...text('explanation'),
    ...text('note'),
    ...(before ? { readBefore: before } : {}),
  };
}

const KINDS: readonly PropertyKind[] = [
  'always',
  'sometimes',
  'alwaysStep',
  'eventually',
  'alwaysEventually',
  'eventuallyAlways',
  'leadsTo',
  'refines',
];

function isKind(kind: string): kind is PropertyKind {
  return (KINDS as readonly string[]).includes(kind);
}

function isPath(value: Json): boolean {
  return Array.isArray(value) && value.every((k) => typeof k === 'string' || typeof k === 'number');
}

/** The saved account of why the trace fails, as a SavedTrace field (none when absent or unreadable). */
export function withWhy(json: Json | undefined): { why?: Why } {
  const why = whyFromJson(json);
  return why === undefined ? {} : { why };
}
