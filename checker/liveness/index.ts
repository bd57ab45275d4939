/**
 * Liveness under fairness: the state graph, its strongly connected components, fair-cycle search
 * and lasso counterexamples. `check()` calls `withLiveness` after an exhaustive safety search.
 */
export { withLiveness } from './with-liveness.ts';
export { checkLiveness, type LivenessOutcome } from './check-liveness.ts';
