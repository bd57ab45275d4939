/**
 * Short labels for actor events (the contract of `spec/actor/events.ts`), shared by the trace
 * graph and the sequence chart: `Deliver p1→a2: accept(1, "v1")` instead of the raw parameter.
 */
import { formatValue } from '../checker/format-value.ts';
import { actorEvent } from '../spec/actor/events.ts';
import type { MessageFormat, TraceAction } from './trace.ts';

/**
 * `accept(2, "v2")` for `{ type: 'accept', ballot: 2, value: 'v2' }`: the kind, then the values
 * — or the model's own rendering when it gives one (`formatMessage`).
 */
export function messageLabel(msg: unknown, max: number, format?: MessageFormat): string {
  if (format !== undefined) return truncate(format(msg), max);
  if (typeof msg !== 'object' || msg === null || Array.isArray(msg) || msg instanceof Map || msg instanceof Set)
    return formatValue(msg, max);
  const entries = Object.entries(msg);
  const tag = entries.find(([k, v]) => ['type', 'kind', 'tag'].includes(k) && typeof v === 'string');
  if (tag === undefined) return formatValue(msg, max);
  const rest = entries.filter(([k]) => k !== tag[0]).map(([, v]) => formatValue(v, max));
  return truncate(rest.length > 0 ? `${String(tag[1])}(${rest.join(', ')})` : String(tag[1]), max);
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The step's label as people read it: actor events compactly, any other action as built. */
export function stepLabel(
  action: Pick<TraceAction, 'name' | 'param' | 'label'>,
  max = 60,
  format?: MessageFormat,
): string {
  const e = actorEvent({ action: action.name, param: action.param });
  if (e === undefined) return action.label;
  switch (e.kind) {
    case 'Deliver':
    case 'Drop':
    case 'Duplicate':
      return `${e.kind} ${String(e.from)}→${String(e.to)}: ${messageLabel(e.msg, max, format)}`;
    case 'Timeout':
      return `Timeout ${String(e.node)}: ${e.timer}`;
    case 'Crash':
    case 'Recover':
      return `${e.kind} ${String(e.node)}`;
    case 'Local':
      return `${String(e.node)}: ${e.label}`;
    case 'Partition':
      return `Partition ${e.groups.map((g) => g.join(',')).join(' | ')}`;
    case 'Heal':
      return 'Heal';
  }
}
