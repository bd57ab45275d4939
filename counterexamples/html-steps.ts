/**
 * The report's step list: one foldable entry per step — its action and what it changed (messages
 * in the model's own words) — open where the story is (the first and last steps, milestones,
 * crashes, changes to what the property read), closed elsewhere; runs of the same action between
 * the landmarks (all but changes to what was read) fold into one entry per run (`states 5–19,980: tick ×19,976`), listing at most
 * `RUN_SHOWN` of their steps, so a trace of thousands of steps stays a page people can scroll.
 */
import { formatValue } from '../checker/format-value.ts';
import { paintWith } from './ansi.ts';
import { stepLabel } from './actor-labels.ts';
import { envelopeText, eventOf, isActorTrace, networkOf, nodesOf } from './actor-state.ts';
import { nodeText } from './actor-rows.ts';
import { DRAW_ALL, gapSummary } from './outline.ts';
import { topLevelFields } from './state-rows.ts';
import { changeLine } from './text.ts';
import type { Trace, TraceStep } from './trace.ts';
import { actionColors, type Lasso, lassoOf, VISUALS as V } from './visuals.ts';
import { wasRead } from './why.ts';

const esc = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** A run of this many steps that matter less folds into one entry. */
const RUN = 4;
const RUN_SHOWN = 40;

interface Context {
  readonly trace: Trace;
  readonly colors: ReadonlyMap<string, string>;
  readonly lasso: Lasso | undefined;
  readonly actor: boolean;
}

export function stepList(trace: Trace): string {
  const context: Context = { trace, colors: actionColors(trace), lasso: lassoOf(trace), actor: isActorTrace(trace) };
  const landmark = trace.steps.map((_, i) => landmarkAt(trace, i));
  // A short trace lists every step: there, consecutive steps of one action (Deliver) differ.
  const long = trace.steps.length > DRAW_ALL;
  const matters = trace.steps.map((_, i) => landmark[i]! || readChangedAt(trace, i));
  const parts: string[] = [];
  for (let i = 0; i < trace.steps.length; ) {
    let end = i;
    if (long && !landmark[i])
      while (end + 1 < trace.steps.length && !landmark[end + 1] && sameAction(trace, i, end + 1)) end++;
    if (end - i + 1 >= RUN) {
      parts.push(run(context, i, end));
      i = end + 1;
    } else {
      parts.push(step(context, i, matters[i]!));
      i++;
    }
  }
  return `<div class="steps">\n${parts.join('\n')}\n</div>`;
}

function sameAction(trace: Trace, a: number, b: number): boolean {
  return trace.steps[a]!.action?.name === trace.steps[b]!.action?.name;
}

/** A step no run folds away: the first, the last two, a milestone, a crash or recovery, where a cycle starts. */
function landmarkAt(trace: Trace, i: number): boolean {
  const step = trace.steps[i]!;
  if (i === 0 || i >= trace.steps.length - 2 || step.milestones !== undefined || i === trace.loop) return true;
  const kind = eventOf(step)?.kind;
  return kind === 'Crash' || kind === 'Recover';
}

/** A step that changed what the property read: shown open, unless inside a run of the same action. */
function readChangedAt(trace: Trace, i: number): boolean {
  const read = trace.why?.read ?? [];
  return trace.steps[i]!.changes.some((c) => wasRead(read, c.path));
}

function run(context: Context, from: number, to: number): string {
  const { trace } = context;
  const actions = new Map<string, number>();
  for (let i = from; i <= to; i++)
    actions.set(
      trace.steps[i]!.action?.name ?? '(initial)',
      (actions.get(trace.steps[i]!.action?.name ?? '(initial)') ?? 0) + 1,
    );
  const count = to - from + 1;
  const shown =
    count <= RUN_SHOWN
      ? range(from, to)
      : [...range(from, from + RUN_SHOWN / 2 - 1), ...range(to - RUN_SHOWN / 2 + 1, to)];
  const inner = shown.map(
    (i, k) =>
      (k > 0 && i !== shown[k - 1]! + 1 ? `<p class="muted">… ${i - shown[k - 1]! - 1} steps not listed</p>` : '') +
      step(context, i, false),
  );
  return `<details class="run"><summary>states ${(from + 1).toLocaleString('en-US')}–${(to + 1).toLocaleString('en-US')}: ${esc(gapSummary(actions))}</summary>\n${inner.join('\n')}\n</details>`;
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, k) => a + k);

function step({ trace, colors, lasso, actor }: Context, i: number, open: boolean): string {
  const s = trace.steps[i]!;
  const violating = trace.property !== undefined && lasso === undefined && i === trace.steps.length - 1;
  const classes = ['step', violating ? 'violating' : '', lasso && i >= lasso.start ? 'cycle' : '']
    .filter((c) => c !== '')
    .join(' ');
  const color = s.action ? colors.get(s.action.name) : undefined;
  const action = s.action
    ? `<span class="action" style="border-color:${color}" title="${esc(s.action.label)}">${esc(stepLabel(s.action, 80, trace.formatMessage))}</span>`
    : '<i>initial state</i>';
  const notes = [
    ...(s.milestones ?? []).map((m) => `<span class="milestone">★ ${esc(m)}</span>`),
    ...loopNotes(trace, lasso, i),
  ];
  const body =
    s.action === undefined
      ? stateList(trace, s, actor)
      : `${changeList(trace, s)}<details><summary>whole state</summary>${stateList(trace, s, actor)}</details>`;
  return `<details class="${classes}" id="state-${i + 1}"${open ? ' open' : ''}><summary><span class="n">${violating ? '✘ ' : ''}${i + 1}</span> ${action} ${notes.join(' ')}</summary>${body}</details>`;
}

function loopNotes(trace: Trace, lasso: Lasso | undefined, i: number): string[] {
  if (lasso === undefined) return [];
  const last = trace.steps.length - 1;
  const notes = lasso.start === i ? ['<span class="loop">↺ cycle starts</span>'] : [];
  if (i === last)
    notes.push(
      `<span class="loop">↺ ${lasso.close === 'repeat' ? `same as state ${lasso.start + 1}: repeats forever` : lasso.close === 'stutter' ? 'stays here forever' : `back to state ${lasso.start + 1}`}</span>`,
    );
  return notes;
}

/** The step's changes, one per line: `nodes.a2.promised: 2 → 0`, `network: + a1→p1: accepted(1, v1)`. */
function changeList(trace: Trace, s: TraceStep<unknown>): string {
  if (s.changes.length === 0) return '<p class="muted">no change: the state repeats</p>';
  const plain = paintWith(false);
  return `<ul class="changes">${s.changes.map((c) => `<li><code>${esc(changeLine(c, plain, trace.formatMessage))}</code></li>`).join('')}</ul>`;
}

/** A whole state: an actor system's nodes one per line and its messages as messages; else its fields. */
function stateList(trace: Trace, s: TraceStep<unknown>, actor: boolean): string {
  const nodes = actor ? nodesOf(s.shown) : undefined;
  if (nodes !== undefined) {
    const lines = [
      ...Object.entries(nodes).map(([id, n]) => [id, nodeText(n, 160)]),
      ...networkOf(s.shown).map((e, k) => [`network[${k}]`, envelopeText(e, trace.formatMessage)]),
      ...topLevelFields(s.shown)
        .filter(([k]) => k !== 'nodes' && k !== 'network')
        .map(([k, v]) => [k, formatValue(v, 200)]),
    ];
    return fieldItems(lines as [string, string][]);
  }
  return fieldItems(topLevelFields(s.shown).map(([k, v]) => [k, formatValue(v, 400)]));
}

function fieldItems(lines: readonly (readonly [string, string])[]): string {
  return `<ul class="fields">${lines.map(([k, v]) => `<li><code class="key">${esc(k)}</code> <code>${esc(v)}</code></li>`).join('')}</ul>`;
}

export const STEP_STYLE = `
.steps details.step { border-bottom: 1px solid #e0e6ea; padding: .25em .4em; }
.steps details.step > summary { cursor: pointer; }
.steps .n { display: inline-block; min-width: 3.2em; font-weight: bold; }
.steps details.violating { background: ${V.violationFill}; } .steps details.violating .n { color: ${V.violation}; }
.steps details.cycle { border-left: 4px dashed ${V.cycle}; }
.steps details.run { border: 1px dashed ${V.border}; border-radius: 4px; margin: .3em 0; padding: .3em .6em; color: ${V.muted}; }
.steps details.run[open] { color: inherit; }
.action { font-family: ${'var(--mono)'}; border-left: 4px solid; padding-left: .4em; }
.milestone { color: ${V.milestone}; font-weight: bold; margin-left: .6em; }
.loop { color: ${V.cycle}; font-weight: bold; white-space: nowrap; }
ul.changes, ul.fields { list-style: none; margin: .2em 0 .2em 3.6em; padding: 0; }
ul.fields code.key { color: ${V.muted}; }
details details > summary { color: ${V.muted}; cursor: pointer; font-size: .85em; margin-left: 4.2em; }
`;
