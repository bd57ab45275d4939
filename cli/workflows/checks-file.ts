/**
 * The checks file (`kripke.config.ts`): the checks a project gates on, each with the outcome it
 * must have. `kripke ci` runs them; bug variants are expected to fail, and with which property.
 *
 * ```ts
 * import { defineChecks } from 'kripke';
 *
 * export default defineChecks({
 *   timeLimit: '10m',                                   // per check (default 10 minutes)
 *   checks: [
 *     { model: 'two-phase-commit', expect: { verdict: 'pass', snapshot: { distinct: 288, generated: 1146, depth: 11 } } },
 *     { model: 'two-phase-commit', variant: 'commit-on-majority', expect: { verdict: 'violation', fails: ['TCConsistent', 'ImplementsTCommit'] } },
 *     { model: './my-model.ts', settings: { nodes: 3 }, workers: 2, expect: { verdict: 'pass' } },
 *     { model: 'credit-flow', variant: 'off-by-one', engine: { random: { seed: 7, runs: 2000 } },
 *       expect: { verdict: 'violation', fails: 'NoOverflow' } },
 *   ],
 * });
 * ```
 *
 * Exhaustive checks (bfs, dfs) explore the whole state space, whatever they find, so every
 * property gets a verdict and the snapshot counts the same states under any engine and any number
 * of workers. A random check stops at its first violation.
 */

/** A duration: milliseconds, or a string such as `90s`, `10m`, `1500ms`, `1h`. */
export type Duration = number | `${number}${'ms' | 's' | 'm' | 'h'}`;

/** The state space's size, exactly as `kripke check` reports it. */
export interface Snapshot {
  readonly distinct: number;
  readonly generated: number;
  readonly depth: number;
}

export type Expectation =
  | { readonly verdict: 'pass'; readonly snapshot?: Snapshot }
  /** `fails`: every property that is violated (deadlock counts as the property `deadlock`). */
  | { readonly verdict: 'violation'; readonly fails: string | readonly string[]; readonly snapshot?: Snapshot };

/** Random walks with a budget: the seed makes the campaign (and its snapshot) repeatable. */
export interface RandomBudget {
  readonly seed: number;
  /** Walks (default 10,000). */
  readonly runs?: number;
  /** Steps per walk (default 100). */
  readonly depth?: number;
  /** Walk until this much time is up (not repeatable: no snapshot then). */
  readonly time?: Duration;
}

export interface CheckDefinition {
  /** How reports name the check (default: model, variant and settings); unique in the file. */
  readonly name?: string;
  /** A shipped model (`kripke list`) or a model file relative to the checks file (`path#export`). */
  readonly model: string;
  readonly settings?: Readonly<Record<string, string | number | boolean>>;
  readonly variant?: string;
  /** `bfs` (default), `dfs`, or random walks with a budget. */
  readonly engine?: 'bfs' | 'dfs' | { readonly random: RandomBudget };
  /** Check only these properties (default: all). */
  readonly properties?: readonly string[];
  /** BFS on this many threads (default 1); `kripke ci --workers n` overrides it. */
  readonly workers?: number;
  /** Report states without successors as deadlocks (default: the spec's `checkDeadlock`, else true). */
  readonly deadlock?: boolean;
  /** Check liveness properties (default true). */
  readonly liveness?: boolean;
  /** This check's time limit (default: the file's). */
  readonly timeLimit?: Duration;
  readonly expect: Expectation;
}

export interface ChecksConfig {
  /** Every check's time limit unless it sets its own (default 10 minutes). */
  readonly timeLimit?: Duration;
  readonly checks: readonly CheckDefinition[];
}

/** Types the checks file (an identity function: the file's default export is the config). */
export function defineChecks(config: ChecksConfig): ChecksConfig {
  return config;
}
