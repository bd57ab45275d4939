/**
 * States crossing a thread. Structured clone copies every object, which keeps values but loses
 * identity — and interned records (`spec/interned.ts`) mean something by identity: a model asks
 * `msgs.has(vote('a1', 2))`. So the sender lists the interned objects its states hold (one
 * message keeps shared references shared), and the receiver swaps each copy for its own thread's
 * interned object of that value (adopting the copy when it has none yet) before anyone reads them.
 */
import { adoptInterned, isInterned } from '../../spec/interned.ts';

export interface Parcel<S> {
  readonly states: S[];
  /** The interned objects inside `states`, parts before the records that hold them. */
  readonly interned: object[];
}

export function packStates<S>(states: S[]): Parcel<S> {
  const interned: object[] = [];
  const seen = new Set<object>();
  const visit = (value: unknown): void => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    forEachPart(value, visit);
    if (isInterned(value)) interned.push(value);
  };
  states.forEach(visit);
  return { states, interned };
}

/** The states of a parcel just received, their interned parts replaced by this thread's (in place). */
export function unpackStates<S>(parcel: Parcel<S>): S[] {
  if (parcel.interned.length === 0) return parcel.states;
  const canonical = new Map<object, object>();
  for (const copy of parcel.interned) {
    replaceParts(copy, canonical);
    canonical.set(copy, adoptInterned(copy));
  }
  const done = new Set<object>();
  const visit = (value: unknown): void => {
    if (typeof value !== 'object' || value === null || done.has(value) || canonical.has(value)) return;
    done.add(value);
    forEachPart(value, visit);
    replaceParts(value, canonical);
  };
  parcel.states.forEach(visit);
  return parcel.states.map((s) => (canonical.get(s as object) as S | undefined) ?? s);
}

function forEachPart(value: object, visit: (part: unknown) => void): void {
  if (value instanceof Map)
    value.forEach((v, k) => {
      visit(k);
      visit(v);
    });
  else if (value instanceof Set) value.forEach(visit);
  else if (Array.isArray(value)) value.forEach(visit);
  else for (const key of Object.keys(value)) visit((value as Record<string, unknown>)[key]);
}

/** Replaces, in a freshly received (unfrozen) copy, each part that has a canonical object; Set and Map order is kept. */
function replaceParts(value: object, canonical: ReadonlyMap<object, object>): void {
  const swap = (part: unknown) => (typeof part === 'object' && part !== null ? (canonical.get(part) ?? part) : part);
  if (Object.isFrozen(value)) return;
  if (value instanceof Map) {
    const entries = [...value].map(([k, v]) => [swap(k), swap(v)] as const);
    value.clear();
    for (const [k, v] of entries) value.set(k, v);
  } else if (value instanceof Set) {
    const members = [...value].map(swap);
    value.clear();
    for (const m of members) value.add(m);
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = swap(value[i]);
  } else {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = swap(record[key]);
  }
}
