/**
 * The contract between the actor layer and the renderers: an actor model compiles to a spec
 * whose actions have these names, and whose parameters carry who did what. Renderers (the
 * message sequence chart) read traces through `actorEvent` and nothing else.
 */
export type ActorId = string & { readonly __brand?: 'ActorId' };

export type ActorEvent =
  | { readonly kind: 'Deliver'; readonly from: ActorId; readonly to: ActorId; readonly msg: unknown }
  | { readonly kind: 'Drop'; readonly from: ActorId; readonly to: ActorId; readonly msg: unknown }
  | { readonly kind: 'Duplicate'; readonly from: ActorId; readonly to: ActorId; readonly msg: unknown }
  | { readonly kind: 'Timeout'; readonly node: ActorId; readonly timer: string }
  | { readonly kind: 'Crash'; readonly node: ActorId }
  | { readonly kind: 'Recover'; readonly node: ActorId }
  | { readonly kind: 'Partition'; readonly groups: readonly (readonly ActorId[])[] }
  | { readonly kind: 'Heal' }
  /** A client operation or any other named local step of one node. */
  | { readonly kind: 'Local'; readonly node: ActorId; readonly label: string };

export type ActorEventKind = ActorEvent['kind'];

export const ACTOR_ACTIONS: readonly ActorEventKind[] = [
  'Deliver',
  'Drop',
  'Duplicate',
  'Timeout',
  'Crash',
  'Recover',
  'Partition',
  'Heal',
  'Local',
];

/**
 * Reads one trace step as an actor event: the action's name is the event kind and its
 * parameter is the event without `kind`. Returns undefined for steps that are not actor events.
 */
export function actorEvent(step: { readonly action: string; readonly param: unknown }): ActorEvent | undefined {
  if (!(ACTOR_ACTIONS as readonly string[]).includes(step.action)) return undefined;
  if (typeof step.param !== 'object' || step.param === null)
    return step.action === 'Heal' ? { kind: 'Heal' } : undefined;
  return { ...(step.param as object), kind: step.action } as ActorEvent;
}

/**
 * One line per event, for people: `Deliver p1 → a1: prepare(1)`, `Crash a2`, `Timeout p1 (start)`.
 * `formatMessage` renders a message (default: JSON).
 */
export function describeActorEvent(event: ActorEvent, formatMessage: (msg: never) => string = JSON.stringify): string {
  const show = formatMessage as (msg: unknown) => string;
  switch (event.kind) {
    case 'Deliver':
    case 'Drop':
    case 'Duplicate':
      return `${event.kind} ${event.from} → ${event.to}: ${show(event.msg)}`;
    case 'Timeout':
      return `Timeout ${event.node} (${event.timer})`;
    case 'Crash':
    case 'Recover':
      return `${event.kind} ${event.node}`;
    case 'Partition':
      return `Partition ${event.groups.map((g) => `{${g.join(', ')}}`).join(' | ')}`;
    case 'Heal':
      return 'Heal';
    case 'Local':
      return `Local ${event.node}: ${event.label}`;
  }
}
