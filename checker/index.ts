/**
 * Kripke's engines behind one contract: `check(spec, options) → CheckResult`.
 */
export { check } from './check.ts';
export type { CheckOptions, EngineName, ResolvedOptions } from './options.ts';
export { ENGINES, resolveOptions } from './options.ts';
export type {
  ActionCoverage,
  CheckResult,
  CheckStatus,
  Example,
  Statistics,
  Violation,
  ViolationKind,
} from './result.ts';
export type { Observer, Progress } from './observer.ts';
export { formatPath, parsePath } from './path.ts';
export type { ActionPath, PathStep, PathString } from './path.ts';
export { describeInvalidValue, fingerprintOf, Hasher } from './fingerprint/index.ts';
export { MapStore, TableStore } from './store.ts';
export type { FingerprintStore } from './store.ts';
export { Successors } from './successors.ts';
export { formatValue } from './format-value.ts';
