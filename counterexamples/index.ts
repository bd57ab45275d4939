/**
 * Counterexamples: rebuild traces by replay, diff states, render them.
 */
export { buildTrace } from './trace.ts';
export type { Trace, TraceAction, TraceInfo, TraceStep } from './trace.ts';
export { diffStates, formatChangePath, sameValue } from './diff.ts';
export type { Change } from './diff.ts';
export { renderTraceText } from './text.ts';
export type { TextOptions } from './text.ts';
export { encodeValue, decodeValue } from "./json-value.ts";
export type { Json } from "./json-value.ts";
