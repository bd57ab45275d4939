/**
 * Errors with stable codes, so users can search for them and tools can branch on them.
 * A model's mistake (an action that throws, mutates its input, returns a non-value, or is
 * non-deterministic) is an error, never a property violation.
 */
export type ErrorCode =
  | 'invalid-spec' // the definition itself is malformed (duplicate names, unknown action in fairness…)
  | 'unknown-name' // a model, variant, property, option or configuration key that does not exist
  | 'invalid-config' // a configuration value of the wrong type or out of range
  | 'thread-failed' // a thread of the check stopped unexpectedly (killed, out of memory, crashed)
  | 'init-threw'
  | 'action-threw'
  | 'domain-threw'
  | 'property-threw'
  | 'invalid-value' // a state containing something that is not plain immutable data
  | 'state-mutated' // an action modified the state it was given
  | 'nondeterministic' // an action returned different successors for the same input
  | 'invalid-trace'; // a saved trace that does not fit the model

const BRAND = Symbol.for('kripke.error');

export class KripkeError extends Error {
  override readonly name = 'KripkeError';
  /** Marks Kripke's errors for `instanceof` across copies of Kripke (see below). */
  readonly [BRAND] = true;
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Where it happened: model, action, parameter, path inside the state — whatever is known. */
    readonly where: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  /**
   * A model loaded by tsx in a CommonJS project runs its own copy of Kripke, whose errors must
   * still be recognised as Kripke's: `instanceof KripkeError` checks the brand, not the prototype.
   */
  static [Symbol.hasInstance](value: unknown): value is KripkeError {
    return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
  }
}

/** "unknown property 'agrement'; this model has: agreement, validity" */
export function unknownName(
  what: string,
  name: string,
  available: readonly string[],
  where: Record<string, string> = {},
) {
  const list = available.length > 0 ? available.join(', ') : '(none)';
  return new KripkeError('unknown-name', `unknown ${what} '${name}'; available: ${list}`, where);
}

/** The available name nearest to a misspelt one (at most a third of its letters edited), if any. */
export function closestName(name: string, available: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(name.length / 3)) + 1;
  for (const candidate of available) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}
