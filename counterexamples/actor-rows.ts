/**
 * What one state box of an actor trace lists: the nodes whose state the step changed, each changed
 * field in full with the value it had (`promised = 0  (was 2)`), the other nodes collapsed into
 * one line; the messages the step sent (`+ a1→p1 accepted(1, v1)`) in the model's own words
 * (`formatMessage`), never the raw network array; and the other fields (down, spent) as usual.
 * The initial and violating states list every node on a row of its own (the initial one, every field).
 */
import { formatValue } from '../checker/format-value.ts';
import { actorStep, envelopeText, isEnvelope, networkOf, nodesOf } from './actor-state.ts';
import { type Change, sameValue } from './diff.ts';
import type { FieldPath } from './read-tracking.ts';
import { field, fieldRows, markRead, note, type Row } from './state-rows.ts';
import type { Trace } from './trace.ts';
import { wasRead } from './why.ts';

export interface ActorRowOptions {
  /** Every node and the whole network (the initial and violating states). */
  readonly full?: boolean;
  /** The fields the failing predicate read in this state. */
  readonly read?: readonly FieldPath[];
}

/** Wide enough for a node's whole state on one row. */
const NODE_WIDTH = 96;

export function actorRows(
  trace: Pick<Trace, 'steps' | 'formatMessage'>,
  index: number,
  options: ActorRowOptions = {},
): Row[] {
  const step = trace.steps[index]!;
  const nodes = nodesOf(step.shown)!;
  const before = index > 0 ? nodesOf(trace.steps[index - 1]!.shown) : undefined;
  const actor = actorStep(trace, index);
  const read = options.read ?? [];
  const rows: Row[] = [];
  const quiet: string[] = [];
  for (const [id, node] of Object.entries(nodes)) {
    const changes = actor.nodes.get(id);
    if (changes !== undefined) rows.push(...changedNode(id, node, before?.[id], changes));
    else if (options.full || wasRead(read, ['nodes', id])) rows.push(field(id, nodeText(node), false, ['nodes', id]));
    else quiet.push(id);
  }
  if (quiet.length > 0) rows.push(note(`${quiet.join(', ')} unchanged`));
  rows.push(...networkRows(trace, index, actor.sent, options));
  const rest = Object.entries(step.shown as Record<string, unknown>).filter(([k]) => k !== 'nodes' && k !== 'network');
  for (const [key, value] of rest) {
    const changes = actor.rest.filter((c) => c.path[0] === key);
    if (changes.length > 0 || (options.full && index === 0)) rows.push(...fieldRows([key], value, changes, 6, true));
  }
  if (step.action !== undefined && step.changes.length === 0) rows.push(note('(no change: the state repeats)'));
  return markRead(rows, read);
}

/** `a2` then one row per field the step changed: its new value in full and what it was. */
function changedNode(id: string, node: unknown, was: unknown, changes: readonly Change[]): Row[] {
  const keys = [...new Set(changes.map((c) => c.path[0]).filter((k) => k !== undefined))];
  if (keys.length === 0 || typeof node !== 'object' || node === null) {
    return [field(id, formatValue(node, NODE_WIDTH), true, ['nodes', id])];
  }
  const get = (v: unknown, k: string | number) =>
    typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[String(k)] : undefined;
  return [
    field(id, '', false, ['nodes', id]),
    ...keys.map((k) => {
      const now = get(node, k),
        then = get(was, k);
      const old = was === undefined || sameValue(now, then) ? '' : `  (was ${formatValue(then, 40)})`;
      return field(`  .${String(k)}`, `${formatValue(now, 64)}${old}`, true, ['nodes', id, k]);
    }),
  ];
}

/** A node's state on one line, without its `role` (the lane name says it): `promised: 1, accepted: …`. */
export function nodeText(node: unknown, width = NODE_WIDTH): string {
  if (typeof node !== 'object' || node === null || Array.isArray(node) || node instanceof Map || node instanceof Set)
    return formatValue(node, width);
  const entries = Object.entries(node).filter(([k]) => k !== 'role');
  const role = (node as { role?: unknown }).role;
  const text = `${typeof role === 'string' ? `${role}: ` : ''}${entries.map(([k, v]) => `${k} ${formatValue(v, width)}`).join(' · ')}`;
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

type Sent = ReturnType<typeof actorStep>['sent'];

/** The messages sent in this step; in a full state, how many are in flight and those the predicate read. */
function networkRows(
  trace: Pick<Trace, 'steps' | 'formatMessage'>,
  index: number,
  sent: Sent,
  options: ActorRowOptions,
): Row[] {
  const network = networkOf(trace.steps[index]!.shown);
  const rows: Row[] = sent.map(({ index: at, envelope }) =>
    field('+ sent', envelopeText(envelope, trace.formatMessage), true, ['network', at]),
  );
  const read = options.read ?? [];
  const readAt = network.flatMap((e, i) =>
    isEnvelope(e) && wasRead(read, ['network', i]) && !sent.some((s) => s.index === i) ? [i] : [],
  );
  if (options.full || readAt.length > 0)
    rows.push(field('network', `${network.length} message${network.length === 1 ? '' : 's'} in flight`, false));
  for (const i of readAt)
    rows.push(field(`  [${i}]`, envelopeText(network[i]!, trace.formatMessage), false, ['network', i]));
  return rows;
}
