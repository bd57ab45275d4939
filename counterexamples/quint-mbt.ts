/**
 * Quint's model-based-testing variables (`quint run --mbt`): each state records the action that
 * produced it (`mbt::actionTaken`) and the values its `nondet` bindings picked
 * (`mbt::nondetPicks`, a record of `Some(v)` or `None` per binding). A Kripke action has one
 * parameter, so the picks that were made become it: none — no parameter; one — its value; several
 * — a record of them by name (a Kripke action taking `{ rm, value }` matches picks `rm` and `value`).
 */
import { formatValue } from '../checker/format-value.ts';
import type { Json } from './json-value.ts';
import { decodeItfValue } from './itf-value.ts';
import { isObject, type SavedAction } from './saved-trace.ts';

export const ACTION_TAKEN = 'mbt::actionTaken';
export const NONDET_PICKS = 'mbt::nondetPicks';

/** The step's action as Quint recorded it, or undefined when the state has no `mbt::actionTaken`. */
export function mbtAction(state: { readonly [key: string]: Json }): SavedAction | undefined {
  const name = state[ACTION_TAKEN];
  if (typeof name !== 'string') return undefined;
  const encodedParam = pickedParam(state[NONDET_PICKS]);
  if (encodedParam === undefined) return { name, label: name, param: undefined };
  const param = decodeItfValue(encodedParam);
  return { name, label: `${name}(${formatValue(param, 60)})`, param, encodedParam };
}

function pickedParam(picks: Json | undefined): Json | undefined {
  if (!isObject(picks)) return undefined;
  const made = Object.entries(picks).flatMap(([name, pick]) => {
    const value = picked(pick);
    return value === undefined ? [] : [[name, value] as const];
  });
  if (made.length === 0) return undefined;
  return made.length === 1 ? made[0]![1] : Object.fromEntries(made);
}

/** `Some(v)` is v, `None` is no pick; a bare value (older Quint) is itself. */
function picked(pick: Json): Json | undefined {
  if (isObject(pick) && Object.keys(pick).length === 2 && 'tag' in pick && 'value' in pick) {
    if (pick.tag === 'None') return undefined;
    if (pick.tag === 'Some') return pick.value;
  }
  return pick;
}
