/**
 * An actor state split into per-process columns, as Spectacle splits a trace: one column per
 * node, one row per field of its local state, then whether it is up, its armed timers and the
 * messages in flight to it. A cell is marked changed when it reads differently from the state
 * before. The system's other fields (spent bounds, history, the partition) follow as a tree.
 */
import { formatValue } from '../checker/format-value.ts';
import { messageLabel } from '../counterexamples/actor-labels.ts';
import type { MessageFormat } from '../counterexamples/trace.ts';
import type { ProcessCell, ProcessTable, ValueNode } from './api-types.ts';

interface ActorState {
  readonly nodes: Readonly<Record<string, unknown>>;
  readonly down: readonly string[];
  readonly timers: Readonly<Record<string, readonly string[]>>;
  readonly network: readonly { readonly from: string; readonly to: string; readonly msg: unknown }[];
}

/** Messages listed per node before the rest are counted (the network itself lists them all). */
const INBOX_LINES = 4;
const OWN_FIELDS = new Set(['nodes', 'down', 'timers', 'network']);

export function processTable(
  state: unknown,
  before: unknown,
  tree: ValueNode,
  format?: MessageFormat,
): ProcessTable | undefined {
  if (!isActorState(state)) return undefined;
  const previous = isActorState(before) ? before : undefined;
  const ids = Object.keys(state.nodes);
  const fields = [...new Set(ids.flatMap((id) => localFields(state.nodes[id])))];
  const rows = [
    ...fields.map((field) => row(field, ids, state, previous, (s, id) => formatValue(local(s, id)[field], 48))),
    row('up', ids, state, previous, (s, id) => (s.down.includes(id) ? '✕ down' : 'up')),
    row('timers', ids, state, previous, (s, id) => (s.timers[id] ?? []).join(', ') || '—'),
    row('in flight to it', ids, state, previous, (s, id) => inbox(s, id, format)),
  ];
  const shared = (tree.children ?? []).filter((child) => !OWN_FIELDS.has(child.key));
  return { ids, rows, shared };
}

function row(
  field: string,
  ids: readonly string[],
  state: ActorState,
  before: ActorState | undefined,
  read: (s: ActorState, id: string) => string,
): ProcessTable['rows'][number] {
  const cells = ids.map((id): ProcessCell => {
    const text = read(state, id);
    const was = before === undefined || !(id in before.nodes) ? text : read(before, id);
    return was === text ? { text, changed: false } : { text, changed: true, before: was };
  });
  return { field, cells };
}

function inbox(state: ActorState, id: string, format?: MessageFormat): string {
  const messages = state.network.filter((e) => e.to === id).map((e) => `${e.from}: ${messageLabel(e.msg, 40, format)}`);
  if (messages.length <= INBOX_LINES) return messages.join('\n') || '—';
  return `${messages.slice(0, INBOX_LINES - 1).join('\n')}\n… ${messages.length - INBOX_LINES + 1} more (${messages.length} in all)`;
}

/** A node's local state by field (a local state that is not a record is one field, `state`). */
function local(state: ActorState, id: string): Record<string, unknown> {
  const value = state.nodes[id];
  return isRecord(value) ? value : { state: value };
}

function localFields(value: unknown): string[] {
  return isRecord(value) ? Object.keys(value) : ['state'];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Map) &&
    !(value instanceof Set)
  );
}

function isActorState(value: unknown): value is ActorState {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<ActorState>;
  return (
    typeof s.nodes === 'object' &&
    s.nodes !== null &&
    Array.isArray(s.down) &&
    typeof s.timers === 'object' &&
    Array.isArray(s.network)
  );
}
