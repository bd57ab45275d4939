/**
 * A compact path through the state space: which initial state, then for each step which action
 * (by position in the spec) with which parameter (by position in its domain at that state).
 * Engines return paths; `counterexamples/` rebuilds states from them by replay. The string form
 * (`0/2:1/0:0`) is what the CLI prints for replay and the explorer puts in its URLs.
 */
export interface PathStep {
  readonly action: number;
  readonly param: number;
}

export interface ActionPath {
  readonly init: number;
  readonly steps: readonly PathStep[];
}

/** The string form of a path, branded so it is not mixed up with other strings. */
export type PathString = string & { readonly __brand: 'PathString' };

export function formatPath(path: ActionPath): PathString {
  return [String(path.init), ...path.steps.map((s) => `${s.action}:${s.param}`)].join('/') as PathString;
}

export function parsePath(text: string): ActionPath {
  const parts = text.trim().split('/');
  const wholeNumber = (s: string | undefined) => {
    if (s === undefined || !/^\d+$/.test(s)) throw new Error(`not a path: '${text}' (expected e.g. 0/2:1/0:0)`);
    return Number(s);
  };
  const init = wholeNumber(parts[0]);
  const steps = parts.slice(1).map((part) => {
    const [action, param = '0', extra] = part.split(':');
    if (extra !== undefined) throw new Error(`not a path step: '${part}' in '${text}'`);
    return { action: wholeNumber(action), param: wholeNumber(param) };
  });
  return { init, steps };
}
