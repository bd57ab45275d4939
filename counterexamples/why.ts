/**
 * Why a counterexample fails, for every picture to show: the property, what it says (its
 * description, else its predicate's source text), the model's explanation of the failing state,
 * and the fields its predicate read there — recorded by re-evaluating it once through a recording
 * stand-in (`read-tracking.ts`), not guessed. Where the predicate scans a collection, the elements
 * it read further than the rest (the votes among all messages) are the ones that stand out.
 */
import type { Property, PropertyKind } from '../spec/properties.ts';
import type { Spec } from '../spec/types.ts';
import type { Words } from '../spec/packed.ts';
import { explanationOf } from './explain.ts';
import { type FieldPath, type FieldRead, trackReads, trackWordReads } from './read-tracking.ts';

export interface Why {
  readonly property: string;
  readonly kind: PropertyKind;
  readonly description?: string;
  /** The predicate's source text, when the property has no description. */
  readonly source?: string;
  /** The model's own account of the failing state (`always(name, p, { explain })`). */
  readonly explanation?: string;
  /** The state the predicate was read in (the last one; for a lasso, where its cycle starts). */
  readonly step: number;
  /** The fields of that state the predicate read that stand out (paths into the shown state). */
  readonly read: readonly FieldPath[];
  /** For a step property: the fields it read in the state before. */
  readonly readBefore?: readonly FieldPath[];
  /** Why no fields are listed, when they could not be recorded. */
  readonly note?: string;
}

interface Evaluation<S> {
  readonly step: number;
  readonly states: readonly S[];
  readonly run: (...states: S[]) => unknown;
}

/** Why the trace of `states` fails `name` (its last state, or the cycle from `loop`); undefined when the spec has no such property. */
export function whyItFails<S>(
  spec: Spec<S>,
  states: readonly S[],
  shown: readonly unknown[],
  name: string,
  loop?: number,
  step?: { action: string; param: unknown },
): Why | undefined {
  const property = spec.properties.find((p) => p.name === name);
  if (property === undefined || states.length === 0) return undefined;
  const evaluation = evaluationOf(property, states, loop, step);
  const said = property.description !== undefined ? { description: property.description } : sourceOf(property);
  const explanation = property.kind === 'always' ? explanationOf(property, states.at(-1)!) : undefined;
  const base = {
    property: name,
    kind: property.kind,
    ...said,
    ...(explanation !== undefined ? { explanation } : {}),
    step: evaluation.step,
  };
  const reads = readsIn(spec, evaluation);
  if (typeof reads === 'string') return { ...base, read: [], note: reads };
  const fields = reads.map((r, i) =>
    standOut(r.filter((read) => hasPath(shown[evaluation.step - (reads.length - 1) + i], read.path))),
  );
  return { ...base, read: fields.at(-1)!, ...(fields.length > 1 ? { readBefore: fields[0]! } : {}) };
}

function evaluationOf<S>(
  property: Property<S>,
  states: readonly S[],
  loop: number | undefined,
  step?: { action: string; param: unknown },
): Evaluation<S> {
  const last = states.length - 1;
  switch (property.kind) {
    case 'always':
    case 'sometimes':
      return { step: last, states: [states[last]!], run: (s) => property.holds(s) };
    case 'alwaysStep': {
      if (last === 0 || step === undefined) return { step: last, states: [], run: () => undefined };
      return {
        step: last,
        states: [states[last - 1]!, states[last]!],
        run: (before, after) => property.holds(before!, after!, step),
      };
    }
    case 'leadsTo':
      return cycleStart(states, loop, (s) => property.to(s));
    case 'refines':
      return { step: last, states: [], run: () => undefined };
    default:
      return cycleStart(states, loop, (s) => property.holds(s));
  }
}

function cycleStart<S>(states: readonly S[], loop: number | undefined, run: (s: S) => unknown): Evaluation<S> {
  const at = loop !== undefined && loop >= 0 && loop < states.length ? loop : states.length - 1;
  return { step: at, states: [states[at]!], run: (s) => run(s!) };
}

/** What the predicate read in each evaluated state, or why that could not be recorded. */
function readsIn<S>(spec: Spec<S>, { states, run }: Evaluation<S>): FieldRead[][] | string {
  if (states.length === 0) return 'a step property needs the step into the state';
  let plain: unknown;
  try {
    plain = run(...states);
  } catch (e) {
    return `its predicate threw: ${e instanceof Error ? e.message : String(e)}`;
  }
  try {
    const layout = spec.layout;
    const tracked =
      layout !== undefined
        ? trackWordReads(layout, states as unknown as Words[], run as unknown as (...w: Words[]) => unknown)
        : trackReads(states, run);
    if (tracked.result !== plain)
      return 'reading it through a recording stand-in changed its answer, so its reads are not shown';
    return tracked.reads;
  } catch (e) {
    return `its reads could not be recorded (${e instanceof Error ? e.message : String(e)})`;
  }
}

/** The predicate's own text, one line, when it is short enough to read. */
function sourceOf<S>(property: Property<S>): { source: string } | Record<string, never> {
  const fn = property.kind === 'leadsTo' ? property.to : property.kind === 'refines' ? property.map : property.holds;
  const text = String(fn).replace(/\s+/g, ' ').trim();
  return text.length > 0 && !text.includes('[native code]')
    ? { source: text.length > 160 ? `${text.slice(0, 159)}…` : text }
    : {};
}

/**
 * The reads that stand out: every value read, except that where elements of one collection were
 * read, only those read further than the rest (or all, when all were read alike), as the element.
 */
export function standOut(reads: readonly FieldRead[]): FieldPath[] {
  const out = new Map<string, FieldPath>();
  const add = (path: FieldPath) => out.set(JSON.stringify(path), path);
  const groups = new Map<string, { prefix: FieldPath; elements: Map<number, Set<string>> }>();
  for (const { path, kind } of reads) {
    const at = path.findIndex((k) => typeof k === 'number');
    if (at < 0 || (kind === 'size' && at === path.length - 1)) {
      if (kind === 'value' || !reads.some((r) => r.path.length > path.length && startsWith(r.path, path))) add(path);
      continue;
    }
    const prefix = path.slice(0, at);
    const group = groups.get(JSON.stringify(prefix)) ?? { prefix, elements: new Map() };
    groups.set(JSON.stringify(prefix), group);
    const element = path[at] as number;
    group.elements.set(
      element,
      (group.elements.get(element) ?? new Set()).add(`${kind}:${JSON.stringify(path.slice(at + 1))}`),
    );
  }
  for (const { prefix, elements } of groups.values()) {
    const sets = [...elements.values()];
    const common = sets.reduce((a, b) => new Set(Array.from(a).filter((x) => b.has(x))));
    const further = [...elements].filter(([, s]) => s.size > common.size);
    for (const [element] of further.length > 0 ? further : [...elements]) add([...prefix, element]);
  }
  return [...out.values()];
}

/** Whether a row at `path` shows something the predicate read (the read itself, inside it, or around it). */
export function wasRead(read: readonly FieldPath[], path: FieldPath): boolean {
  return read.some((r) => startsWith(r, path) || startsWith(path, r));
}

function startsWith(path: FieldPath, prefix: FieldPath): boolean {
  return prefix.length <= path.length && prefix.every((k, i) => String(k) === String(path[i]));
}

function hasPath(value: unknown, path: FieldPath): boolean {
  let at = value;
  for (const key of path) {
    if (at instanceof Map) {
      if (!at.has(key)) return false;
      at = at.get(key);
    } else if (typeof at === 'object' && at !== null && Object.hasOwn(at, String(key)))
      at = (at as Record<string, unknown>)[String(key)];
    else return at instanceof Set;
  }
  return true;
}
