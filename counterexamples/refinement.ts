/**
 * A refinement counterexample side by side with its image: each state of the concrete trace, the
 * abstract state it maps to, and the abstract step that explains each concrete step (or a
 * stutter) — up to the first step with no abstract counterpart, which is named.
 */
import { formatValue } from '../checker/format-value.ts';
import { Successors } from '../checker/successors.ts';
import type { Refinement } from '../spec/properties.ts';
import type { Spec } from '../spec/types.ts';
import { paintWith } from './ansi.ts';
import { type Change, diffStates, formatChangePath } from './diff.ts';
import { esc } from './html.ts';
import type { Trace } from './trace.ts';

export interface AbstractStep {
  /** The abstract state, as people see it. */
  readonly state: unknown;
  /** The abstract action's label, `'stutter'`, `'initial'`, or undefined when there is no counterpart. */
  readonly counterpart: string | undefined;
  readonly changes: readonly Change[];
}

export interface AbstractTrace {
  readonly abstractModel: string;
  readonly steps: readonly AbstractStep[];
  /** The first concrete step (0: the initial state) with no abstract counterpart, if any. */
  readonly firstUnmatched: number | undefined;
}

/** The refinement a violation names, if it is one. */
export function refinementOf<S>(spec: Spec<S>, property: string | undefined): Refinement<S> | undefined {
  const found = spec.properties.find((p) => p.name === property);
  return found?.kind === 'refines' ? found : undefined;
}

export function abstractTrace<S>(refinement: Refinement<S>, trace: Trace<S>): AbstractTrace {
  const abstract = new Successors(refinement.abstract, false);
  const show = refinement.abstract.display;
  const mapped = trace.steps.map((s) => refinement.map(s.state));
  const inits = new Set(abstract.initialStates().map((s) => abstract.identityOf(s)));
  const steps: AbstractStep[] = [];
  let firstUnmatched: number | undefined;
  mapped.forEach((state, i) => {
    const counterpart =
      i === 0
        ? inits.has(abstract.identityOf(state))
          ? 'initial'
          : undefined
        : stepLabel(refinement.abstract, abstract, mapped[i - 1], state);
    if (counterpart === undefined) firstUnmatched ??= i;
    steps.push({
      state: show(state),
      counterpart,
      changes: i === 0 ? [] : diffStates(show(mapped[i - 1]), show(state)),
    });
  });
  return { abstractModel: refinement.abstract.name, steps, firstUnmatched };
}

/** The abstract step from `before` to `after`: a stutter, the first abstract action that leads there, or none. */
function stepLabel<A>(spec: Spec<A>, abstract: Successors<A>, before: A, after: A): string | undefined {
  const target = abstract.identityOf(after);
  if (abstract.identityOf(before) === target) return 'stutter';
  let label: string | undefined;
  abstract.forEach(before, (next, a, p) => {
    if (label !== undefined || abstract.identityOf(next) !== target) return;
    const action = spec.actions[a]!;
    label = action.parameterless ? action.name : `${action.name}(${formatValue(action.domain(before)[p], 60)})`;
  });
  return label;
}

/** Text: one line per concrete state and the abstract step into its image, the failing one marked. */
export function renderAbstractTraceText(trace: Trace, image: AbstractTrace, color = false): string {
  const paint = paintWith(color);
  const heads = image.steps.map((_, i) =>
    i === 0 ? 'State 1 (initial)' : `State ${i + 1} ← ${trace.steps[i]!.action!.label}`,
  );
  const width = Math.min(60, Math.max(...heads.map((h) => h.length)));
  const lines = [`  mapped onto ${image.abstractModel}:`];
  image.steps.forEach((step, i) =>
    lines.push(`    ${heads[i]!.padEnd(width)}  ${imageText(step, image.abstractModel, paint)}`),
  );
  const at = image.firstUnmatched;
  if (at === 0) lines.push(`  the initial state maps to no initial state of ${image.abstractModel}`);
  else if (at !== undefined)
    lines.push(
      `  the first step with no abstract counterpart is the step into state ${at + 1}: ${trace.steps[at]!.action!.label}`,
    );
  return lines.join('\n');
}

function imageText(step: AbstractStep, model: string, paint: ReturnType<typeof paintWith>): string {
  const changes = step.changes
    .map((c) => `${formatChangePath(c.path)}: ${formatValue(c.before, 40)} → ${formatValue(c.after, 40)}`)
    .join(', ');
  switch (step.counterpart) {
    case undefined:
      return paint('red', `✘ no step of ${model}${changes ? ` makes ${changes}` : ''}`);
    case 'initial':
      return `↦ ${formatValue(step.state, 100)}`;
    case 'stutter':
      return paint('dim', '↦ (stutter: the abstract state does not change)');
    default:
      return `↦ ${paint('cyan', step.counterpart)}${changes ? `: ${changes}` : ''}`;
  }
}

/** HTML: the same mapping as a table, for the report (`html.ts`). */
export function renderAbstractTraceHtml(trace: Trace, image: AbstractTrace): string {
  const rows = image.steps.map((step, i) => {
    const concrete = i === 0 ? '<i>initial state</i>' : `<code>${esc(trace.steps[i]!.action!.label)}</code>`;
    const what =
      step.counterpart === undefined
        ? `✘ no step of ${esc(image.abstractModel)}`
        : step.counterpart === 'initial'
          ? 'initial state'
          : step.counterpart === 'stutter'
            ? '<i class="muted">stutter</i>'
            : `<code>${esc(step.counterpart)}</code>`;
    const changes = step.changes
      .map(
        (c) =>
          `<code class="path">${esc(formatChangePath(c.path))}</code>: ` +
          `<code class="old">${esc(formatValue(c.before, 200))}</code> → <code class="new">${esc(formatValue(c.after, 200))}</code>`,
      )
      .join('<br>');
    return (
      `<tr${step.counterpart === undefined ? ' class="violating"' : ''}><td class="n">${i + 1}</td><td>${concrete}</td><td>${what}</td>` +
      `<td>${i === 0 ? `<code>${esc(formatValue(step.state, 400))}</code>` : changes}</td></tr>`
    );
  });
  return (
    `<section>\n<h2>Mapped onto ${esc(image.abstractModel)}</h2>\n<table class="steps"><thead><tr><th>State</th><th>Step</th>` +
    `<th>Abstract step</th><th>Abstract changes</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>\n</section>`
  );
}
