/**
 * Opens a saved trace (Kripke JSON, Kripke ITF, or another tool's ITF such as Quint's) as a path
 * of the model, so it can be stepped through and explored on from any state. A Kripke trace is
 * replayed by its actions (`replayTrace`); a trace without Kripke's action names is matched state
 * by state: at each step, the successor whose value equals the saved state. A trace that does
 * not fit the model is refused, naming the first step that does not.
 */
import { formatPath, type ActionPath, type PathStep } from '../checker/path.ts';
import { encodeItfValue } from '../counterexamples/itf.ts';
import { encodeValue, type Json } from '../counterexamples/json-value.ts';
import { parseTrace } from '../counterexamples/load-trace.ts';
import { canonical, replayTrace } from '../counterexamples/replay.ts';
import type { SavedTrace } from '../counterexamples/saved-trace.ts';
import { isShippedModel } from '../model/catalogue.ts';
import { KripkeError } from '../spec/errors.ts';
import type { ModelKey, OpenTraceRequest, OpenTraceResult } from './api-types.ts';
import type { ModelSession } from './session.ts';
import type { Sessions } from './sessions.ts';

export async function openTrace(sessions: Sessions, request: OpenTraceRequest): Promise<OpenTraceResult> {
  const saved = parseTrace(request.text, request.name);
  const key = modelKeyOf(saved, sessions.served) ?? request.key;
  const session = await sessions.get(key);
  const byActions = saved.steps.slice(1).every((s) => session.spec.actions.some((a) => a.name === s.action?.name));
  const replayed = byActions ? replayTrace(session.spec, saved) : undefined;
  const matched = replayed?.status === 'reproduced' ? 'actions' : 'states';
  const path = replayed?.status === 'reproduced' ? replayed.trace.path : matchStates(session, saved, request.name);
  const note =
    replayed?.status === 'reproduced'
      ? replayed.verdict
      : replayed
        ? `replayed state by state (${replayed.divergence.message})`
        : 'matched state by state: the file names no Kripke actions';
  return {
    key,
    line: { path: formatPath(path), loop: saved.loop, property: saved.property },
    matched,
    format: saved.format,
    steps: saved.steps.length - 1,
    note,
  };
}

/** The model a Kripke trace names, if this explorer can serve it (a shipped protocol or its own file). */
function modelKeyOf(saved: SavedTrace, served: ModelKey): ModelKey | undefined {
  const reference = saved.reference;
  if (reference === undefined) return undefined;
  const known = reference === served.model || isShippedModel(reference);
  return known ? { model: reference, variant: saved.variant, settings: saved.settings ?? {} } : undefined;
}

/** The path whose states equal the saved ones, step by step (by the file's own value encoding). */
function matchStates(session: ModelSession, saved: SavedTrace, file: string): ActionPath {
  const encode = saved.format === 'itf' ? encodeItfValue : encodeValue;
  const { spec, successors } = session;
  const shown = (s: unknown) => canonical(encode(spec.layout ? spec.layout.decode(s as readonly number[]) : s) as Json);
  const inits = successors.initialStates();
  const wanted = (i: number) => canonical(saved.steps[i]!.encoded);
  const init = inits.findIndex((s) => shown(s) === wanted(0));
  if (init < 0)
    throw mismatch(file, spec.name, `its initial state is none of the model's ${inits.length} initial state(s)`);
  let state = inits[init];
  const steps: PathStep[] = [];
  for (let i = 1; i < saved.steps.length; i++) {
    let found: { state: unknown; step: PathStep } | undefined;
    successors.forEach(state, (next, action, param) => {
      if (found === undefined && shown(next) === wanted(i)) found = { state: next, step: { action, param } };
    });
    if (found === undefined)
      throw mismatch(file, spec.name, `no step of the model leads from its state ${i} to its state ${i + 1}`);
    steps.push(found.step);
    state = found.state;
  }
  return { init, steps };
}

function mismatch(file: string, model: string, why: string): KripkeError {
  return new KripkeError('invalid-trace', `${file} does not fit '${model}': ${why}`, { file, model });
}
