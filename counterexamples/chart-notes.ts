/**
 * What a sequence chart writes beside each event: the state change it made at its node
 * (`promised 0→2 · accepted null→2:v2`; for a crash, what the node lost), the messages it sent
 * that are still in flight at the end (the votes that choose a value), and the model's milestones
 * that became true (`★ v1 chosen in ballot 1`).
 */
import { formatValue } from '../checker/format-value.ts';
import { actorStep, envelopeText, eventNode, eventOf, type EnvelopeLike } from './actor-state.ts';
import { type Change, sameValue } from './diff.ts';
import type { Trace } from './trace.ts';

export interface ChartNote {
  /** The lane the note is written on. */
  readonly node: string | undefined;
  /** What the step changed there, in one line (empty: nothing). */
  readonly change: string;
  /** Messages the step sent that no later step delivers or drops. */
  readonly inFlight: readonly string[];
  readonly milestones: readonly string[];
  /** A crash: the change is what the node lost, drawn as a warning. */
  readonly lost: boolean;
}

export function chartNote(trace: Pick<Trace, 'steps' | 'formatMessage'>, index: number): ChartNote {
  const step = trace.steps[index]!;
  const event = eventOf(step);
  const node = eventNode(event);
  const actor = actorStep(trace, index);
  const changes = node === undefined ? [] : (actor.nodes.get(node) ?? []);
  const text = changeText(changes, trace.steps[index - 1]?.shown, step.shown, node);
  const change = text === '' ? '' : event?.kind === 'Crash' ? `loses ${text}` : text;
  const inFlight = actor.sent
    .filter(({ envelope }) => !takenLater(trace, index, envelope))
    .map(({ envelope }) => envelopeText(envelope, trace.formatMessage, 40));
  return { node, change, inFlight, milestones: step.milestones ?? [], lost: event?.kind === 'Crash' && text !== '' };
}

/** `promised 0→2 · accepted null→{ ballot: 2, … }`: each changed field of the node, before → after. */
function changeText(changes: readonly Change[], before: unknown, after: unknown, node: string | undefined): string {
  if (node === undefined) return '';
  const keys = [...new Set(changes.map((c) => c.path[0]).filter((k) => k !== undefined))];
  const at = (shown: unknown, key: string | number) => nodeField(shown, node, key);
  return keys.map((k) => `${String(k)} ${formatValue(at(before, k), 40)}→${formatValue(at(after, k), 40)}`).join(' · ');
}

function nodeField(shown: unknown, node: string, key: string | number): unknown {
  const nodes = (shown as { nodes?: Record<string, unknown> } | undefined)?.nodes;
  const state = nodes?.[node];
  return typeof state === 'object' && state !== null ? (state as Record<string, unknown>)[String(key)] : undefined;
}

/** Whether a step after `index` delivers or drops `envelope`. */
function takenLater(trace: Pick<Trace, 'steps'>, index: number, envelope: EnvelopeLike): boolean {
  for (let i = index + 1; i < trace.steps.length; i++) {
    const e = eventOf(trace.steps[i]!);
    if (
      (e?.kind === 'Deliver' || e?.kind === 'Drop') &&
      e.from === envelope.from &&
      e.to === envelope.to &&
      sameValue(e.msg, envelope.msg)
    )
      return true;
  }
  return false;
}
