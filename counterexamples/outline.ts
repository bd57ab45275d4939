/**
 * Which states of a long trace a picture draws, and how it summarises the rest: a trace of up to
 * `DRAW_ALL` states is drawn whole; a longer one keeps its first and last states, the states where
 * a milestone became true and the state the property failed in, and folds every stretch between
 * them into one gap that counts its actions (`tick ×19,975`) — so a 20,000-step counterexample
 * still renders, and shows what matters.
 */
import type { Trace } from './trace.ts';

export type OutlineItem =
  | { readonly kind: 'state'; readonly index: number }
  /** States `from`…`to` (inclusive) not drawn; `actions`: the steps into them, by action name. */
  | { readonly kind: 'gap'; readonly from: number; readonly to: number; readonly actions: ReadonlyMap<string, number> };

export const DRAW_ALL = 40;
const HEAD = 4;
const TAIL = 12;

/**
 * The outline of states `0…last` (default: the whole trace); a trace of at most `drawAll` states
 * is kept whole. `alsoKeep`: further states that must stay (a lasso's cycle start, for the text).
 */
export function outline(
  trace: Pick<Trace, 'steps' | 'why'>,
  last = trace.steps.length - 1,
  drawAll = DRAW_ALL,
  alsoKeep: readonly number[] = [],
): OutlineItem[] {
  if (last + 1 <= drawAll) return Array.from({ length: last + 1 }, (_, index) => ({ kind: 'state', index }));
  const kept = keptStates(trace, last, alsoKeep);
  const items: OutlineItem[] = [];
  let previous = -1;
  for (const index of kept) {
    if (index - previous > 2) items.push(gap(trace, previous + 1, index - 1));
    else if (index - previous === 2) items.push({ kind: 'state', index: index - 1 });
    items.push({ kind: 'state', index });
    previous = index;
  }
  return items;
}

function keptStates(trace: Pick<Trace, 'steps' | 'why'>, last: number, alsoKeep: readonly number[]): number[] {
  const kept = new Set<number>(alsoKeep);
  for (let i = 0; i < HEAD; i++) kept.add(i);
  for (let i = last - TAIL + 1; i <= last; i++) kept.add(i);
  trace.steps.forEach((step, i) => {
    if (i <= last && step.milestones !== undefined) kept.add(i);
  });
  const why = trace.why?.step;
  if (why !== undefined && why <= last) kept.add(why);
  return [...kept].filter((i) => i >= 0 && i <= last).sort((a, b) => a - b);
}

function gap(trace: Pick<Trace, 'steps'>, from: number, to: number): OutlineItem {
  const actions = new Map<string, number>();
  for (let i = from; i <= to; i++) {
    const name = trace.steps[i]!.action?.name ?? '(initial)';
    actions.set(name, (actions.get(name) ?? 0) + 1);
  }
  return { kind: 'gap', from, to, actions };
}

/** `tick ×19,975, reset ×2` — the most frequent actions first. */
export function gapSummary(actions: ReadonlyMap<string, number>, max = 4): string {
  const sorted = [...actions].sort((a, b) => b[1] - a[1]);
  const shown = sorted.slice(0, max).map(([name, n]) => `${name} ×${n.toLocaleString('en-US')}`);
  return sorted.length > max ? `${shown.join(', ')}, … ${sorted.length - max} more actions` : shown.join(', ');
}
