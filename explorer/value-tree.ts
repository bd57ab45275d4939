/**
 * A state as a tree for the page: records, maps, lists and sets open into their entries, each
 * node named by its path (`nodes.p1.ballot`, `log[2]`), marked where a list of changes (the last
 * step's, or the differences between two traces) touches it: changed with its old value, changed
 * inside, or a member added; removed members are listed on their set or list.
 */
import { formatValue } from '../checker/format-value.ts';
import { type Change, formatChangePath, multisetDelta, sameValue, setDelta } from '../counterexamples/diff.ts';
import type { ValueNode } from './api-types.ts';

/** Children listed per container before the rest are summarised. */
const MAX_CHILDREN = 200;
const TEXT_WIDTH = 160;

type Key = string | number;

export function valueTree(value: unknown, changes: readonly Change[]): ValueNode {
  return node('(state)', [], value, changes);
}

function node(key: string, path: readonly Key[], value: unknown, changes: readonly Change[]): ValueNode {
  const here = changes.find((c) => c.path.length === path.length);
  const inside = changes.filter((c) => c.path.length > path.length);
  const entries = entriesOf(value);
  const kind = kindOf(value);
  const base = {
    key,
    path: formatChangePath(path),
    kind,
    text: entries === undefined ? formatValue(value, TEXT_WIDTH) : '',
    ...(here
      ? { change: 'changed' as const, before: formatValue(here.before, TEXT_WIDTH) }
      : inside.length > 0
        ? { change: 'inside' as const }
        : {}),
  };
  if (entries === undefined) return base;
  const delta = here ? memberDelta(here) : undefined;
  const added = delta ? [...delta.added] : undefined; // a multiset, consumed as children match
  const children = entries.slice(0, MAX_CHILDREN).map(([k, v]) => {
    const child = node(String(k), [...path, k], v, under(inside, k, path.length));
    return added !== undefined && take(added, v) ? { ...child, change: 'added' as const } : child;
  });
  return {
    ...base,
    text: containerText(kind, children, entries.length > MAX_CHILDREN),
    children,
    ...(delta && delta.removed.length > 0 ? { removed: delta.removed.map((v) => formatValue(v, TEXT_WIDTH)) } : {}),
    ...(entries.length > MAX_CHILDREN ? { omitted: entries.length - MAX_CHILDREN } : {}),
  };
}

/**
 * A container's line, composed from its children's (each already cut), as `formatValue` writes
 * it: rendering every subtree again at every level would cost a large state dearly.
 */
function containerText(kind: ValueNode['kind'], children: readonly ValueNode[], more: boolean): string {
  const items: string[] = [];
  let length = 0;
  for (const child of children) {
    const item =
      kind === 'record'
        ? `${/^[A-Za-z_$][\w$]*$/.test(child.key) ? child.key : JSON.stringify(child.key)}: ${child.text}`
        : kind === 'map'
          ? `${child.key} => ${child.text}`
          : child.text;
    items.push(item);
    length += item.length + 2;
    if (length > TEXT_WIDTH) break;
  }
  if (more || items.length < children.length) items.push('…');
  const body = items.join(', ');
  const text =
    kind === 'list'
      ? `[${body}]`
      : kind === 'set'
        ? `{${body}}`
        : kind === 'map'
          ? `Map{${body}}`
          : children.length === 0
            ? '{}'
            : `{ ${body} }`;
  return text.length > TEXT_WIDTH ? `${text.slice(0, TEXT_WIDTH - 1)}…` : text;
}

function kindOf(value: unknown): ValueNode['kind'] {
  if (value instanceof Set) return 'set';
  if (value instanceof Map) return 'map';
  if (Array.isArray(value)) return 'list';
  return typeof value === 'object' && value !== null ? 'record' : 'leaf';
}

/** A container's entries, keyed as `diffStates` keys its paths; sets by position in display order. */
function entriesOf(value: unknown): [Key, unknown][] | undefined {
  if (value instanceof Set)
    return [...value].map((m) => [formatValue(m, 60), m] as [string, unknown]).sort(([a], [b]) => (a < b ? -1 : 1));
  if (value instanceof Map) return [...value].map(([k, v]) => [mapKey(k), v]);
  if (Array.isArray(value)) return value.map((v, i) => [i, v]);
  if (typeof value === 'object' && value !== null) return Object.entries(value);
  return undefined;
}

/** As `diffStates` names a Map key in a path. */
function mapKey(key: unknown): Key {
  return typeof key === 'string' || typeof key === 'number' ? key : (JSON.stringify(key) ?? String(key));
}

function under(changes: readonly Change[], key: Key, depth: number): Change[] {
  return changes.filter((c) => String(c.path[depth]) === String(key));
}

/** Members added and removed when a whole set or list changed. */
function memberDelta({ before, after }: Change): { added: unknown[]; removed: unknown[] } | undefined {
  if (before instanceof Set && after instanceof Set) return setDelta(before, after);
  if (Array.isArray(before) && Array.isArray(after)) return multisetDelta(before, after);
  return undefined;
}

function take(pool: unknown[], value: unknown): boolean {
  const i = pool.findIndex((v) => sameValue(v, value));
  if (i >= 0) pool.splice(i, 1);
  return i >= 0;
}
