/**
 * Re-executes a saved trace against the current model and names the first step that no longer
 * holds: an action that is gone or not enabled, or one that now leads to a different state (with
 * the differing fields). Steps are matched by action name and parameter value, not by position,
 * so a saved counterexample survives reordering actions. A trace that replays is then checked to
 * still violate its property — saved counterexamples become regression tests.
 */
import { KripkeError } from '../spec/errors.ts';
import type { Spec } from '../spec/types.ts';
import type { PathStep } from '../checker/path.ts';
import { Successors } from '../checker/successors.ts';
import { type Change, diffStates } from './diff.ts';
import { displayOf } from './display.ts';
import { decodeItfValue, encodeItfValue } from './itf.ts';
import { decodeValue, encodeValue, type Json } from './json-value.ts';
import { stepLabel } from './actor-labels.ts';
import { stillViolates } from './still-violates.ts';
import type { SavedStep, SavedTrace, TraceFormat } from './saved-trace.ts';
import { buildTrace, type Trace } from './trace.ts';

export type DivergenceReason = 'initial-state' | 'unknown-action' | 'not-enabled' | 'different-state' | 'no-longer-violates';

export interface Divergence {
  /** The step that no longer holds: 0 is the initial state, n the state after the n-th action. */
  readonly step: number;
  readonly action: string | undefined;
  readonly reason: DivergenceReason;
  readonly message: string;
  /** For a different state: saved value → value the model produces now, by field path. */
  readonly differences: readonly Change[];
}

export type ReplayResult =
  | { readonly status: 'reproduced'; readonly trace: Trace; readonly verdict: string }
  | { readonly status: 'diverged'; readonly divergence: Divergence };

interface Codec { encode: (v: unknown) => Json; decode: (j: Json) => unknown }
const CODECS: Record<TraceFormat, Codec> = {
  kripke: { encode: encodeValue, decode: decodeValue },
  itf: { encode: encodeItfValue, decode: decodeItfValue },
};

export function replayTrace<S>(spec: Spec<S>, saved: SavedTrace): ReplayResult {
  const codec = CODECS[saved.format];
  // A saved file holds what people saw (the display form): compare the model's states in that form.
  const show = displayOf(spec);
  const states: Codec = { encode: (state) => codec.encode(show(state as S)), decode: codec.decode };
  const successors = new Successors(spec, false);
  const inits = successors.initialStates();
  const first = saved.steps[0]!;
  const init = matchInitial(inits, first, states, saved.path?.init);
  if (typeof init !== 'number') return diverged(0, undefined, 'initial-state', init.message, init.differences);
  let state: S = inits[init]!;
  const steps: PathStep[] = [];
  for (let i = 1; i < saved.steps.length; i++) {
    const outcome = replayStep(spec, successors, state, saved.steps[i]!, i, { params: codec, states });
    if ('reason' in outcome) return { status: 'diverged', divergence: outcome };
    steps.push(outcome.step);
    state = outcome.state;
  }
  const trace = buildTrace(spec, { init, steps }, { property: saved.property, instance: saved.instance, loop: saved.loop });
  const verdict = stillViolates(spec, trace, saved.kind);
  if (!verdict.violates) return diverged(trace.steps.length - 1, trace.steps.at(-1)?.action?.label, 'no-longer-violates', verdict.message, []);
  return { status: 'reproduced', trace, verdict: verdict.message };
}

function matchInitial<S>(inits: readonly S[], saved: SavedStep, codec: Codec, preferred = 0): number | { message: string; differences: Change[] } {
  const wanted = canonical(saved.encoded);
  const found = [preferred, ...inits.keys()].find((i) => inits[i] !== undefined && canonical(codec.encode(inits[i])) === wanted);
  if (found !== undefined) return found;
  const closest = inits[preferred] ?? inits[0];
  return {
    message: `the initial state differs: none of the model's ${inits.length} initial state(s) equals the saved one`,
    differences: closest === undefined ? [] : differences(saved, closest, codec),
  };
}

type StepOutcome<S> = { step: PathStep; state: S } | Divergence;

function replayStep<S>(spec: Spec<S>, successors: Successors<S>, state: S, saved: SavedStep, index: number,
  codecs: { params: Codec; states: Codec }): StepOutcome<S> {
  const label = saved.action && stepLabel(saved.action);
  const actionIndex = spec.actions.findIndex((a) => a.name === saved.action?.name);
  const action = spec.actions[actionIndex];
  if (action === undefined) {
    const names = spec.actions.map((a) => a.name).join(', ');
    return divergence(index, label, 'unknown-action', `the model has no action '${saved.action?.name}' any more; it has: ${names}`);
  }
  const param = paramIndexOf(spec, action.index, state, saved, codecs.params);
  const next = param === undefined ? undefined : successors.successor(state, actionIndex, param);
  if (param === undefined || next === undefined) {
    return divergence(index, label, 'not-enabled', `${label} is not enabled in the state before it`);
  }
  if (canonical(codecs.states.encode(next)) !== canonical(saved.encoded)) {
    const diffs = differences(saved, next, codecs.states);
    return divergence(index, label, 'different-state', `${label} now leads to a different state (${diffs.length} ${diffs.length === 1 ? 'field differs' : 'fields differ'})`, diffs);
  }
  return { step: { action: actionIndex, param }, state: next };
}

/** The parameter's position in the action's domain now, found by value (index for old files). */
function paramIndexOf<S>(spec: Spec<S>, actionIndex: number, state: S, saved: SavedStep, codec: Codec): number | undefined {
  const action = spec.actions[actionIndex]!;
  if (action.parameterless) return 0;
  let domain: readonly unknown[];
  try {
    domain = action.domain(state);
  } catch (e) {
    throw new KripkeError('domain-threw', `action '${action.name}': params threw: ${e instanceof Error ? e.message : String(e)}`, { model: spec.name, action: action.name });
  }
  if (saved.action?.encodedParam === undefined) return saved.action?.paramIndex;
  const wanted = canonical(saved.action.encodedParam);
  const found = domain.findIndex((p) => canonical(codec.encode(p)) === wanted);
  return found >= 0 ? found : undefined;
}

function differences(saved: SavedStep, actual: unknown, codec: Codec): Change[] {
  return diffStates(codec.decode(saved.encoded), codec.decode(codec.encode(actual)));
}

function divergence(step: number, action: string | undefined, reason: DivergenceReason, message: string, differences: Change[] = []): Divergence {
  return { step, action, reason, message, differences };
}

function diverged(step: number, action: string | undefined, reason: DivergenceReason, message: string, differences: Change[]): ReplayResult {
  return { status: 'diverged', divergence: divergence(step, action, reason, message, differences) };
}

/** JSON text with object keys sorted: equal encodings compare equal whatever the key order. */
export function canonical(json: Json): string {
  return JSON.stringify(json, (_key, value: Json) => (value !== null && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, value[k]])) : value));
}
