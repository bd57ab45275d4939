/**
 * For the library's tests only (it imports the checker, as model tests may): a protocol's default
 * checked by both engines, and a model's shortest counterexample as the lines a person reads —
 * actor events as in a message sequence chart (`Deliver c1 → lb: request(c1#1, k1)`), other steps
 * by their action label.
 */
import { check, type CheckOptions } from '../checker/index.ts';
import { buildTrace } from '../counterexamples/trace.ts';
import { actorEvent, describeActorEvent, type Protocol, type Spec } from '../spec/index.ts';

export interface Counterexample<S> {
  readonly property: string;
  readonly kind: string;
  readonly steps: readonly string[];
  /** For a lasso: the step (1-based, as in `steps`) the last state loops back to. */
  readonly loop: number | undefined;
  readonly last: S;
}

export function counterexample<S>(spec: Spec<S>, options: CheckOptions = {}): Counterexample<S> {
  const result = check(spec, options);
  if (result.status !== 'violation') throw new Error(`${spec.name}: expected a violation, got ${result.status}`);
  const violation = result.violations[0]!;
  const trace = buildTrace(spec, violation.path!, { loop: violation.loop });
  const steps = trace.steps.slice(1).map((s) => {
    const event = actorEvent({ action: s.action!.name, param: s.action!.param });
    return event === undefined ? s.action!.label : describeActorEvent(event, spec.formatMessage);
  });
  return {
    property: violation.property,
    kind: violation.kind,
    steps,
    loop: violation.loop,
    last: trace.steps.at(-1)!.state,
  };
}

/**
 * The protocol's default configuration and variant, checked by BFS (safety and liveness; strict
 * mode when asked) and by DFS (safety: its counts must be BFS's): both verdicts, BFS's distinct,
 * generated and depth, DFS's distinct and generated.
 */
export function checkDefault(protocol: Protocol, options: { readonly strict?: boolean } = {}) {
  const bfs = check(protocol.instantiate(), { strict: options.strict });
  const dfs = check(protocol.instantiate(), { engine: 'dfs', liveness: false });
  return {
    status: [bfs.status, dfs.status],
    bfs: [bfs.stats.distinctStates, bfs.stats.generatedStates, bfs.stats.depth],
    dfs: [dfs.stats.distinctStates, dfs.stats.generatedStates],
  };
}
