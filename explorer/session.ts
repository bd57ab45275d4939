/**
 * One model as the explorer holds it: the loaded spec, its successor function, and the states
 * seen so far (for the neighbourhood picture). Replays paths into real states, telling a bad path
 * (the request's fault: rejected) from a model that throws at a step (shown at that step).
 */
import type { ActionPath, PathStep } from '../checker/path.ts';
import { formatPath, parsePath } from '../checker/path.ts';
import { Successors } from '../checker/successors.ts';
import type { LoadedModel } from '../cli/load-model.ts';
import { ACTOR_ACTIONS } from '../spec/actor/events.ts';
import { KripkeError } from '../spec/errors.ts';
import type { Spec } from '../spec/types.ts';
import type { ModelInfo, ModelKey, StepError } from './api-types.ts';
import { SeenGraph } from './seen-graph.ts';
import { memberName } from './properties-view.ts';

export interface Replayed {
  /** The real states along the path, up to the last step that could be taken. */
  readonly states: readonly unknown[];
  readonly path: ActionPath;
  /** The model threw at this step; `states` stops before it. */
  readonly error: StepError | undefined;
  /** What it threw. */
  readonly thrown: KripkeError | undefined;
}

export class ModelSession {
  readonly spec: Spec<unknown>;
  readonly successors: Successors<unknown>;
  readonly seen = new SeenGraph();
  readonly info: ModelInfo;
  private readonly inits: readonly unknown[];

  constructor(
    readonly key: ModelKey,
    readonly loaded: LoadedModel,
  ) {
    this.spec = loaded.spec;
    this.successors = new Successors(this.spec, false);
    this.inits = this.successors.initialStates();
    this.info = modelInfo(key, loaded, this.inits.length);
  }

  /** Parses a path, naming what is wrong with it. */
  parse(text: string): ActionPath {
    try {
      return parsePath(text);
    } catch (e) {
      throw new KripkeError('invalid-trace', e instanceof Error ? e.message : String(e), {
        model: this.spec.name,
        path: text,
      });
    }
  }

  /** Replays `path`: a step that is not enabled is a bad request; a step that throws is reported. */
  replay(path: ActionPath): Replayed {
    const first = this.inits[path.init];
    if (first === undefined) {
      throw new KripkeError(
        'invalid-trace',
        `the path starts at initial state #${path.init}, but '${this.spec.name}' has ${this.inits.length}`,
        { model: this.spec.name, step: '0' },
      );
    }
    const states: unknown[] = [first];
    const steps: PathStep[] = [];
    for (const [i, step] of path.steps.entries()) {
      let next: unknown;
      try {
        next = this.successors.successor(states[i], step.action, step.param);
      } catch (e) {
        if (!(e instanceof KripkeError)) throw e;
        return {
          states,
          path: { init: path.init, steps },
          error: { step: i + 1, code: e.code, message: e.message },
          thrown: e,
        };
      }
      if (next === undefined) throw this.notEnabled(path, i);
      states.push(next);
      steps.push(step);
    }
    return { states, path, error: undefined, thrown: undefined };
  }

  /** The real state at the end of a path that must replay without error (walks, searches). */
  stateAt(text: string): { state: unknown; path: ActionPath } {
    const replayed = this.replay(this.parse(text));
    const { error, thrown } = replayed;
    if (error && thrown)
      throw new KripkeError(thrown.code, `step ${error.step}: ${thrown.message}`, {
        ...thrown.where,
        step: String(error.step),
      });
    return { state: replayed.states.at(-1), path: replayed.path };
  }

  private notEnabled(path: ActionPath, i: number): KripkeError {
    const step = path.steps[i]!;
    const action = this.spec.actions[step.action];
    const what =
      action === undefined
        ? `action #${step.action} does not exist ('${this.spec.name}' has ${this.spec.actions.length} actions)`
        : `action '${action.name}' with parameter #${step.param} is not enabled in the state before it`;
    return new KripkeError('invalid-trace', `step ${i + 1} of ${formatPath(path)}: ${what}`, {
      model: this.spec.name,
      step: String(i + 1),
    });
  }
}

function modelInfo(key: ModelKey, loaded: LoadedModel, initialStates: number): ModelInfo {
  const { spec, protocol } = loaded;
  const settings = key.settings;
  return {
    key,
    name: spec.name,
    summary: protocol?.summary,
    variant: loaded.variant,
    variants: Object.entries(protocol?.variants ?? {}).map(([name, doc]) => ({ name, doc })),
    config: Object.entries(protocol?.config ?? {}).map(([k, c]) => ({
      key: k,
      value: settings[k] ?? String(c.default),
      doc: c.doc,
    })),
    properties: spec.properties.map((p) => ({ name: memberName(p), kind: p.kind })),
    actions: spec.actions.map((a) => a.name),
    initialStates,
    actor: spec.actions.length > 0 && spec.actions.every((a) => (ACTOR_ACTIONS as readonly string[]).includes(a.name)),
  };
}
