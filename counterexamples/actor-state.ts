/**
 * An actor system's steps as people read them — the messages a step sent, the ones it removed
 * without delivering, and what changed in each node — shared by the trace graph, the report, the
 * text trace and the sequence chart. Reads the shown state's shape (`nodes`, and `network` as
 * envelopes: the contract of `spec/actor/types.ts`) and each step's event (`actorEvent`).
 */
import { type ActorEvent, actorEvent } from '../spec/actor/events.ts';
import { messageLabel } from './actor-labels.ts';
import { type Change, multisetDelta, sameValue } from './diff.ts';
import type { MessageFormat, Trace, TraceStep } from './trace.ts';

export interface EnvelopeLike {
  readonly from: string;
  readonly to: string;
  readonly msg: unknown;
}

export interface ActorStep {
  readonly event: ActorEvent | undefined;
  /** Messages this step put in flight, with their places in the new network. */
  readonly sent: readonly { readonly index: number; readonly envelope: EnvelopeLike }[];
  /** Messages it took out of flight other than the one delivered or dropped (discarded as obsolete). */
  readonly discarded: readonly EnvelopeLike[];
  /** Per node, in node order: what changed in its local state (paths from the node). */
  readonly nodes: ReadonlyMap<string, readonly Change[]>;
  /** Every other change (down, timers, partition, spent, history). */
  readonly rest: readonly Change[];
}

export function isEnvelope(value: unknown): value is EnvelopeLike {
  return typeof value === 'object' && value !== null && 'from' in value && 'to' in value && 'msg' in value;
}

/** `a1→p1 accepted(1, v1)` */
export function envelopeText(envelope: EnvelopeLike, format?: MessageFormat, max = 80): string {
  return `${envelope.from}→${envelope.to} ${messageLabel(envelope.msg, max, format)}`;
}

/** The nodes of an actor system's shown state, or undefined for any other state. */
export function nodesOf(shown: unknown): Readonly<Record<string, unknown>> | undefined {
  if (typeof shown !== 'object' || shown === null || !('nodes' in shown) || !('network' in shown)) return undefined;
  const { nodes, network } = shown as { nodes: unknown; network: unknown };
  const record = typeof nodes === 'object' && nodes !== null && !Array.isArray(nodes) && !(nodes instanceof Map);
  return record && Array.isArray(network) && network.every(isEnvelope) ? (nodes as Record<string, unknown>) : undefined;
}

export function networkOf(shown: unknown): readonly EnvelopeLike[] {
  return nodesOf(shown) === undefined ? [] : (shown as { network: EnvelopeLike[] }).network;
}

/** Whether the trace's states are an actor system's (so pictures read them as nodes and messages). */
export function isActorTrace(trace: Pick<Trace, 'steps'>): boolean {
  return trace.steps.length > 0 && trace.steps.every((s) => nodesOf(s.shown) !== undefined);
}

export function eventOf(step: TraceStep<unknown>): ActorEvent | undefined {
  return step.action && actorEvent({ action: step.action.name, param: step.action.param });
}

/** Step `index` of an actor trace read as messages and node changes. */
export function actorStep(trace: Pick<Trace, 'steps'>, index: number): ActorStep {
  const step = trace.steps[index]!;
  const event = eventOf(step);
  const before = index > 0 ? networkOf(trace.steps[index - 1]!.shown) : [];
  const after = networkOf(step.shown);
  const delta = index > 0 ? (multisetDelta(before, after) ?? { added: [], removed: [] }) : { added: [], removed: [] };
  const own = event && 'msg' in event ? { from: event.from, to: event.to, msg: event.msg } : undefined;
  const added = event?.kind === 'Duplicate' ? withoutOne(delta.added, own) : delta.added;
  const removed = event?.kind === 'Deliver' || event?.kind === 'Drop' ? withoutOne(delta.removed, own) : delta.removed;
  const sent = added.filter(isEnvelope).map((envelope) => ({ index: after.indexOf(envelope), envelope }));
  const nodes = new Map<string, Change[]>();
  const rest: Change[] = [];
  for (const change of step.changes) {
    const [root, id] = change.path;
    if (root === 'network') continue;
    if (root === 'nodes' && id !== undefined)
      nodes.set(String(id), [...(nodes.get(String(id)) ?? []), { ...change, path: change.path.slice(2) }]);
    else rest.push(change);
  }
  return { event, sent, discarded: removed.filter(isEnvelope), nodes, rest };
}

function withoutOne(items: readonly unknown[], item: unknown): unknown[] {
  const at = item === undefined ? -1 : items.findIndex((x) => sameValue(x, item));
  return at < 0 ? [...items] : [...items.slice(0, at), ...items.slice(at + 1)];
}

/** The node a step happens at: the receiver of a message, the node of a timeout, crash or local step. */
export function eventNode(event: ActorEvent | undefined): string | undefined {
  if (event === undefined) return undefined;
  if ('to' in event) return event.kind === 'Drop' ? event.from : event.to;
  return 'node' in event ? event.node : undefined;
}
