/**
 * Re-executes a saved trace against the current model and names the first step that no longer
 * holds: an action that is gone or not enabled, or one that now leads to a different state (with
 * the differing fields). Steps are matched by action name and parameter value, not by position,
 * so a saved counterexample survives reordering actions. A trace that replays is then checked to
 * still violate its property, on the model's own states — saved counterexamples become
 * regression tests.
 *
 * States are compared by what identifies them: a packed model's words when the file saved words,
 * otherwise the state as shown (`Spec.display`) — so a trace saved from the object model replays
 * against the packed one and back, wherever the packed layout shows its states as the object
 * model's. Differences are always named by the shown fields.
 */
import { KripkeError } from '../spec/errors.ts';
import type { Words } from '../spec/packed.ts';
import type { Spec } from '../spec/types.ts';
import type { PathStep } from '../checker/path.ts';
import { Successors } from '../checker/successors.ts';
import { type Change, diffStates } from './diff.ts';
import { decodeItfValue, encodeItfValue } from './itf.ts';
import { canonical, decodeValue, encodeValue, type Json } from './json-value.ts';
import { stepLabel } from './actor-labels.ts';
import { stillViolates } from './still-violates.ts';
import type { SavedStep, SavedTrace, TraceFormat } from './saved-trace.ts';
import { buildTrace, type Trace } from './trace.ts';

export { canonical } from './json-value.ts';

export type DivergenceReason =
  | 'initial-state'
  | 'unknown-action'
  | 'not-enabled'
  | 'different-state'
  | 'no-longer-violates';

export interface Divergence {
  /** The step that no longer holds: 0 is the initial state, n the state after the n-th action. */
  readonly step: number;
  readonly action: string | undefined;
  readonly reason: DivergenceReason;
  readonly message: string;
  /** For a different state: saved value → value the model produces now, by field path. */
  readonly differences: readonly Change[];
}

export interface Diverged {
  readonly status: 'diverged';
  readonly divergence: Divergence;
}

export type ReplayResult =
  | { readonly status: 'reproduced'; readonly trace: Trace; readonly verdict: string }
  | Diverged;

/** `saved` turns a file's encoding into the form `encode` gives: another ITF writer orders sets its own way. */
interface Codec {
  encode: (v: unknown) => Json;
  decode: (j: Json) => unknown;
  saved: (j: Json) => string;
}
const CODECS: Record<TraceFormat, Codec> = {
  kripke: { encode: encodeValue, decode: decodeValue, saved: canonical },
  itf: { encode: encodeItfValue, decode: decodeItfValue, saved: (j) => canonical(encodeItfValue(decodeItfValue(j))) },
};

export type ReexecuteResult<S> = { readonly status: 'replayed'; readonly trace: Trace<S> } | Diverged;

/** Replays a saved trace and checks that it still violates its property. */
export function replayTrace<S>(spec: Spec<S>, saved: SavedTrace): ReplayResult {
  const run = reexecuteTrace(spec, saved);
  if (run.status === 'diverged') return run;
  const { trace } = run;
  const verdict = stillViolates(spec, trace, saved.kind);
  if (!verdict.violates)
    return diverged(
      trace.steps.length - 1,
      trace.steps.at(-1)?.action?.label,
      'no-longer-violates',
      verdict.message,
      [],
    );
  return { status: 'reproduced', trace, verdict: verdict.message };
}

/** Re-executes every step of a saved trace on the model: the model's own trace, or where it diverges. */
export function reexecuteTrace<S>(spec: Spec<S>, saved: SavedTrace): ReexecuteResult<S> {
  const codec = CODECS[saved.format];
  const successors = new Successors(spec, false);
  const inits = successors.initialStates();
  const init = matchInitial(spec, inits, saved.steps[0]!, codec, saved.path?.init);
  if (typeof init !== 'number') return diverged(0, undefined, 'initial-state', init.message, init.differences);
  let state: S = inits[init]!;
  const steps: PathStep[] = [];
  for (let i = 1; i < saved.steps.length; i++) {
    const outcome = replayStep(spec, successors, state, saved.steps[i]!, i, codec);
    if ('reason' in outcome) return { status: 'diverged', divergence: outcome };
    steps.push(outcome.step);
    state = outcome.state;
  }
  return {
    status: 'replayed',
    trace: buildTrace(spec, { init, steps }, { property: saved.property, instance: saved.instance, loop: saved.loop }),
  };
}

function matchInitial<S>(
  spec: Spec<S>,
  inits: readonly S[],
  saved: SavedStep,
  codec: Codec,
  preferred = 0,
): number | { message: string; differences: Change[] } {
  const found = [preferred, ...inits.keys()].find((i) => i < inits.length && matches(spec, saved, inits[i]!, codec));
  if (found !== undefined) return found;
  const closest = inits[preferred] ?? inits[0];
  return {
    message: `the initial state differs: none of the model's ${inits.length} initial state(s) equals the saved one`,
    differences: closest === undefined ? [] : differences(spec, saved, closest, codec),
  };
}

type StepOutcome<S> = { step: PathStep; state: S } | Divergence;

function replayStep<S>(
  spec: Spec<S>,
  successors: Successors<S>,
  state: S,
  saved: SavedStep,
  index: number,
  codec: Codec,
): StepOutcome<S> {
  const label = saved.action && stepLabel(saved.action);
  const actionIndex = spec.actions.findIndex((a) => a.name === saved.action?.name);
  const action = spec.actions[actionIndex];
  if (action === undefined) {
    const names = spec.actions.map((a) => a.name).join(', ');
    return divergence(
      index,
      label,
      'unknown-action',
      `the model has no action '${saved.action?.name}' any more; it has: ${names}`,
    );
  }
  const param = paramIndexOf(spec, action.index, state, saved, codec);
  const next = param === undefined ? undefined : successors.successor(state, actionIndex, param);
  if (param === undefined || next === undefined) {
    return divergence(index, label, 'not-enabled', `${label} is not enabled in the state before it`);
  }
  if (!matches(spec, saved, next, codec)) {
    const diffs = differences(spec, saved, next, codec);
    return divergence(
      index,
      label,
      'different-state',
      `${label} now leads to a different state (${diffs.length} ${diffs.length === 1 ? 'field differs' : 'fields differ'})`,
      diffs,
    );
  }
  return { step: { action: actionIndex, param }, state: next };
}

/** The parameter's position in the action's domain now, found by value (index for old files). */
function paramIndexOf<S>(
  spec: Spec<S>,
  actionIndex: number,
  state: S,
  saved: SavedStep,
  codec: Codec,
): number | undefined {
  const action = spec.actions[actionIndex]!;
  if (action.parameterless) return 0;
  let domain: readonly unknown[];
  try {
    domain = action.domain(state);
  } catch (e) {
    throw new KripkeError(
      'domain-threw',
      `action '${action.name}': params threw: ${e instanceof Error ? e.message : String(e)}`,
      { model: spec.name, action: action.name },
    );
  }
  if (saved.action?.encodedParam === undefined) return saved.action?.paramIndex;
  const wanted = codec.saved(saved.action.encodedParam);
  const found = domain.findIndex((p) => canonical(codec.encode(p)) === wanted);
  return found >= 0 ? found : undefined;
}

/** Whether the model's state is the saved one: by words when both are packed, else as shown. */
function matches<S>(spec: Spec<S>, saved: SavedStep, state: S, codec: Codec): boolean {
  if (saved.words !== undefined && spec.layout !== undefined) return sameWords(saved.words, state);
  return canonical(codec.encode(spec.display(state))) === codec.saved(saved.encoded);
}

function sameWords(words: Words, state: unknown): boolean {
  return Array.isArray(state) && state.length === words.length && words.every((w, i) => state[i] === w);
}

/** The shown fields that differ; for equal fields in other words (a changed layout), the words. */
function differences<S>(spec: Spec<S>, saved: SavedStep, actual: S, codec: Codec): Change[] {
  const shown = diffStates(codec.decode(saved.encoded), codec.decode(codec.encode(spec.display(actual))));
  if (shown.length > 0 || saved.words === undefined) return shown;
  return diffStates(saved.words, actual).map((c) => ({ ...c, path: ['(words)', ...c.path] }));
}

function divergence(
  step: number,
  action: string | undefined,
  reason: DivergenceReason,
  message: string,
  differences: Change[] = [],
): Divergence {
  return { step, action, reason, message, differences };
}

function diverged(
  step: number,
  action: string | undefined,
  reason: DivergenceReason,
  message: string,
  differences: Change[],
): Diverged {
  return { status: 'diverged', divergence: divergence(step, action, reason, message, differences) };
}
