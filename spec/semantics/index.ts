/**
 * Consistency checkers for client operation histories against a sequential object (register,
 * key-value map): linearizability and sequential consistency, usable as `always` properties.
 */
export type { HistoryEvent, Operation } from './history.ts';
export { formatHistory, operationsOf } from './history.ts';
export type { MapOp, MapRet, RegisterOp, RegisterRet, SequentialSpec } from './sequential.ts';
export { keyValueMap, register } from './sequential.ts';
export { isLinearizable, linearize } from './linearizability.ts';
export { isSequentiallyConsistent, sequentialOrder } from './sequential-consistency.ts';
export { explainConsistency, linearizable, sequentiallyConsistent } from './property.ts';
