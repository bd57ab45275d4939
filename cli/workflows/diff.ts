/**
 * `kripke diff` as a library call: two variants of a model (or two model files), and in each
 * direction the shortest behaviour one allows and the other forbids (see checker/diff/ for the
 * semantics), rebuilt as traces and rendered like counterexamples.
 */
import { join } from 'node:path';
import { type DiffOutcome, findBehaviourOnlyIn, type Observe } from '../../checker/diff/index.ts';
import { formatPath } from '../../checker/path.ts';
import { folderName, writeArtifacts } from '../../counterexamples/artifacts.ts';
import { renderTraceText } from '../../counterexamples/text.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import type { Json } from '../../counterexamples/json-value.ts';
import { type LoadedModel, loadModel } from '../load-model.ts';
import { declaredObservation, observeFields } from './observe-fields.ts';
import { kripkeVersion } from '../../counterexamples/version.ts';

export interface DiffSide {
  /** A shipped model's name or a model file (`path#export`). */
  readonly model: string;
  readonly variant?: string;
  readonly settings?: Readonly<Record<string, string>>;
}

export interface DiffRequest {
  readonly a: DiffSide;
  readonly b: DiffSide;
  /** Observe only these fields (dotted paths); default: the model file's `observe` export, else the whole state. */
  readonly fields?: readonly string[];
  /** Stop as incomplete after this many (state, set) pairs in one direction. */
  readonly maxPairs?: number;
}

/** One direction: a behaviour `allows` has and `forbids` does not. */
export interface Direction {
  readonly allows: string;
  readonly forbids: string;
  readonly outcome: DiffOutcome;
}

export interface BehaviourDiff {
  readonly a: LoadedModel;
  readonly b: LoadedModel;
  /** What was observed: `the whole state`, `rmState, tmState`, or `observe() of <file>`. */
  readonly observation: string;
  readonly directions: readonly [Direction, Direction];
}

export async function diffModels(request: DiffRequest): Promise<BehaviourDiff> {
  const a = await loadModel(request.a.model, { settings: request.a.settings ?? {}, variant: request.a.variant });
  const b = await loadModel(request.b.model, { settings: request.b.settings ?? {}, variant: request.b.variant });
  const [seeA, seeB, observation] = await observations(request, a, b);
  const [nameA, nameB] = labels(request, a, b);
  const options = { maxPairs: request.maxPairs };
  return {
    a,
    b,
    observation,
    directions: [
      {
        allows: nameA,
        forbids: nameB,
        outcome: findBehaviourOnlyIn(a.spec, b.spec, { ...options, observeAllowed: seeA, observeForbidding: seeB }),
      },
      {
        allows: nameB,
        forbids: nameA,
        outcome: findBehaviourOnlyIn(b.spec, a.spec, { ...options, observeAllowed: seeB, observeForbidding: seeA }),
      },
    ],
  };
}

type Observations = [Observe<unknown> | undefined, Observe<unknown> | undefined, string];

async function observations(request: DiffRequest, a: LoadedModel, b: LoadedModel): Promise<Observations> {
  if (request.fields && request.fields.length > 0) {
    return [observeFields(a.spec, request.fields), observeFields(b.spec, request.fields), request.fields.join(', ')];
  }
  const [declaredA, declaredB] = [
    await declaredObservation(request.a.model),
    await declaredObservation(request.b.model),
  ];
  if (!declaredA && !declaredB) return [undefined, undefined, 'the whole state'];
  return [declaredA, declaredB, `the models' observe()`];
}

/** Variant names when both sides are one model; the references otherwise. */
function labels(request: DiffRequest, a: LoadedModel, b: LoadedModel): [string, string] {
  const label = (m: LoadedModel) => (m.variant ? `${m.reference} ${m.variant}` : m.reference);
  if (request.a.model === request.b.model && a.variant && b.variant) return [a.variant, b.variant];
  return [label(a), label(b)];
}

/** The spec of the side that allows the behaviour of a direction. */
function allowing(d: BehaviourDiff, i: 0 | 1): LoadedModel {
  return i === 0 ? d.a : d.b;
}

export function renderDiffText(d: BehaviourDiff, color = false): string {
  const lines = [`Behaviours of ${d.directions[0].allows} and ${d.directions[1].allows}, observing ${d.observation}:`];
  d.directions.forEach((direction, i) => {
    lines.push('', ...directionLines(direction, allowing(d, i as 0 | 1), color));
  });
  return lines.join('\n');
}

function directionLines({ allows, forbids, outcome }: Direction, model: LoadedModel, color: boolean): string[] {
  switch (outcome.status) {
    case 'included':
      return [
        `✔ every behaviour of ${allows} is one of ${forbids} (${outcome.stats.pairs.toLocaleString('en-US')} pairs of states explored)`,
      ];
    case 'incomplete':
      return [
        `… ${allows} against ${forbids}: incomplete (${outcome.reason}); no difference found in the part explored`,
      ];
    case 'error':
      return [`✘ model error [${outcome.error.code}]: ${outcome.error.message}`];
    case 'differs': {
      const steps = outcome.path.steps.length;
      const trace = buildTrace(model.spec, outcome.path);
      return [
        `✘ only ${allows} allows this behaviour (${steps} step${steps === 1 ? '' : 's'}); ${forbids} forbids it:`,
        renderTraceText(trace, { color }),
        `  ${whyForbidden(outcome, forbids)}`,
        `  path: ${formatPath(outcome.path)}`,
      ];
    }
  }
}

function whyForbidden(outcome: Extract<DiffOutcome, { status: 'differs' }>, forbids: string): string {
  const n = outcome.path.steps.length;
  if (outcome.witness === undefined) return `no initial state of ${forbids} looks like State 1`;
  const its = `${outcome.witness.steps.length} step${outcome.witness.steps.length === 1 ? '' : 's'} of its own, path ${formatPath(outcome.witness)}`;
  const where =
    outcome.candidates === 1
      ? 'the one state it can then be in has no step'
      : `none of the ${outcome.candidates} states it can then be in has a step`;
  return `${forbids} shows the same up to State ${n} (${its}), but ${where} that shows State ${n + 1}`;
}

/** Each difference's files (trace.json, ITF, pictures, HTML report) in `<dir>/only-in-<name>/`. */
export async function writeDiffArtifacts(d: BehaviourDiff, dir: string): Promise<string[]> {
  const written: string[] = [];
  for (const [i, direction] of d.directions.entries()) {
    if (direction.outcome.status !== 'differs') continue;
    const model = allowing(d, i as 0 | 1);
    const trace = buildTrace(model.spec, direction.outcome.path);
    const context = { reference: model.reference, variant: model.variant, settings: {} };
    written.push(
      ...(await writeArtifacts(join(dir, `only-in-${folderName(direction.allows)}`), trace, context, model.spec)),
    );
  }
  return written;
}

export function diffJson(d: BehaviourDiff): Json {
  return {
    kind: 'kripke-diff',
    version: 1,
    kripkeVersion: kripkeVersion(),
    observation: d.observation,
    directions: d.directions.map(({ allows, forbids, outcome }) => ({
      allows,
      forbids,
      status: outcome.status,
      ...(outcome.status === 'differs'
        ? {
            steps: outcome.path.steps.length,
            path: formatPath(outcome.path),
            witness: outcome.witness ? formatPath(outcome.witness) : null,
            candidates: outcome.candidates,
          }
        : {}),
      ...(outcome.status === 'error' ? { error: { code: outcome.error.code, message: outcome.error.message } } : {}),
      ...(outcome.status === 'incomplete' ? { reason: outcome.reason } : {}),
      ...('stats' in outcome ? { stats: { ...outcome.stats } } : {}),
    })),
  };
}
