/**
 * What one state box of the trace graph lists, row by row: every field, the changed ones marked;
 * a nested change as its own row (`↳ rm.r1`); elements added to or removed from a set or list
 * (`+ msgs`); small records one entry per row; long values collapsed; and, for big states, only
 * the changed fields (the initial and the violating state are always shown in full).
 */
import { formatValue } from '../checker/format-value.ts';
import { type Change, formatChangePath, sameValue } from './diff.ts';
import type { FieldPath } from './read-tracking.ts';
import type { TraceStep } from './trace.ts';
import { VISUALS as V } from './visuals.ts';
import { wasRead } from './why.ts';

export type Row =
  | {
      readonly kind: 'field';
      readonly key: string;
      readonly value: string;
      readonly changed: boolean;
      /** Where the row's value sits in the shown state (what `read` is matched against). */
      readonly path?: FieldPath;
      /** The failing property's predicate read this field (`Trace.why`). */
      readonly read?: boolean;
      /** Drawn muted: context, not news. */
      readonly quiet?: boolean;
    }
  | { readonly kind: 'note'; readonly text: string };

export interface RowOptions {
  /** Rows shown per state before the rest are summarised (default 30). */
  readonly maxFields?: number;
  /** Nested changes (or set elements) listed under one field before the rest are summarised (default 6). */
  readonly maxNested?: number;
  /** Show every field even in a big state (the initial and violating states). */
  readonly full?: boolean;
  /** The fields the failing predicate read in this state: their rows are marked. */
  readonly read?: readonly FieldPath[];
}

/** A state with more rows than this shows only its changed fields (unless `full`). */
const COMPACT_ABOVE = 12;

export function stateRows(step: TraceStep<unknown>, options: RowOptions = {}): Row[] {
  const fields = topLevelFields(step.shown);
  const limit = options.maxFields ?? 30;
  const perField = fields
    .slice(0, limit)
    .map(([key, value]) => fieldRows([key], value, under(step.changes, key), options.maxNested ?? 6, true));
  const compact = !options.full && perField.flat().length > COMPACT_ABOVE;
  // A compact state keeps what the failing predicate read (a lasso's cycle start), not only what changed.
  const read = options.read ?? [];
  const kept = (r: Row) => r.kind === 'field' && (r.changed || (r.path !== undefined && wasRead(read, r.path)));
  const shown = compact ? perField.filter((rows) => rows.some(kept)) : perField;
  const rows = shown.flat();
  if (compact && shown.length < perField.length)
    rows.push(note(`… ${perField.length - shown.length} unchanged fields not shown`));
  if (fields.length > limit) rows.push(note(`… ${fields.length - limit} more fields`));
  if (step.action !== undefined && step.changes.length === 0) rows.push(note('(no change: the state repeats)'));
  return markRead(rows, options.read);
}

/** The rows whose fields the predicate read, marked. */
export function markRead(rows: readonly Row[], read: readonly FieldPath[] | undefined): Row[] {
  if (read === undefined || read.length === 0) return [...rows];
  return rows.map((r) =>
    r.kind === 'field' && r.path !== undefined && wasRead(read, r.path) ? { ...r, read: true } : r,
  );
}

/** The rows of one field: itself, its entries (a small record), or its nested changes and changed elements. */
export function fieldRows(
  path: readonly (string | number)[],
  value: unknown,
  changes: readonly Change[],
  maxNested: number,
  expand: boolean,
  label?: string,
): Row[] {
  const key = label ?? formatChangePath(path);
  const whole = changes.find((c) => c.path.length === path.length);
  const entries = expand ? expandable(value) : undefined;
  if (entries !== undefined) {
    return entries.flatMap(([sub, v]) =>
      fieldRows(
        [...path, sub],
        v,
        whole ? [{ ...whole, path: [...path, sub] }] : under(changes, sub, path.length),
        maxNested,
        false,
      ),
    );
  }
  const elements = whole ? elementChanges(whole) : undefined;
  if (elements !== undefined) return elementRows(key, path, value, elements, maxNested);
  if (whole) return [field(key, formatValue(value, V.changedValueWidth), true, path)];
  const rows = [field(key, formatValue(value, V.valueWidth), false, path)];
  for (const change of changes.slice(0, maxNested)) {
    rows.push(
      field(`↳ ${formatChangePath(change.path)}`, formatValue(change.after, V.changedValueWidth), true, change.path),
    );
  }
  if (changes.length > maxNested) rows.push(note(`↳ … ${changes.length - maxNested} more changes in ${key}`));
  return rows;
}

/** The changes inside `key` at depth `depth` of their paths. */
function under(changes: readonly Change[], key: string | number, depth = 0): Change[] {
  return changes.filter((c) => c.path.length > depth && String(c.path[depth]) === String(key));
}

interface ElementChanges {
  readonly added: readonly unknown[];
  readonly removed: readonly unknown[];
}

/** For a set or a list: the elements added and removed (as a multiset), not the whole value. */
function elementChanges({ before, after }: Change): ElementChanges | undefined {
  const list = (v: unknown) => (v instanceof Set ? [...v] : Array.isArray(v) ? v : undefined);
  const was = list(before),
    now = list(after);
  if (was === undefined || now === undefined || before instanceof Set !== after instanceof Set) return undefined;
  const removed = [...was];
  const added = now.filter((x) => {
    const i = removed.findIndex((y) => sameValue(x, y));
    if (i >= 0) removed.splice(i, 1);
    return i < 0;
  });
  return added.length + removed.length > 0 ? { added, removed } : undefined;
}

function elementRows(key: string, path: FieldPath, value: unknown, elements: ElementChanges, maxNested: number): Row[] {
  const marked = [...elements.added.map((x) => ['+', x] as const), ...elements.removed.map((x) => ['−', x] as const)];
  const rows: Row[] = [field(key, formatValue(value, V.valueWidth), false, path)];
  for (const [sign, element] of marked.slice(0, maxNested))
    rows.push(field(`${sign} ${key}`, formatValue(element, V.changedValueWidth), true, path));
  if (marked.length > maxNested) rows.push(note(`… ${marked.length - maxNested} more elements changed in ${key}`));
  return rows;
}

/** Small records and maps too long for one line are shown one entry per row, so no entry is hidden. */
function expandable(value: unknown): [string | number, unknown][] | undefined {
  if (formatValue(value, Infinity).length <= V.valueWidth) return undefined;
  const entries: [string | number, unknown][] | undefined =
    value instanceof Map
      ? [...value].map(([k, v]) => [typeof k === 'string' || typeof k === 'number' ? k : formatValue(k, 30), v])
      : topLevelFields(value)[0]?.[0] !== '(state)'
        ? topLevelFields(value)
        : undefined;
  return entries !== undefined && entries.length > 0 && entries.length <= V.expandEntries ? entries : undefined;
}

/** The rows a state is shown as: its fields for a record, else the whole value. */
export function topLevelFields(state: unknown): [string, unknown][] {
  const isRecord =
    typeof state === 'object' &&
    state !== null &&
    !Array.isArray(state) &&
    !(state instanceof Map) &&
    !(state instanceof Set);
  return isRecord ? Object.entries(state) : [['(state)', state]];
}

export const field = (key: string, value: string, changed: boolean, path?: FieldPath): Row =>
  path === undefined ? { kind: 'field', key, value, changed } : { kind: 'field', key, value, changed, path };
export const note = (text: string): Row => ({ kind: 'note', text });
