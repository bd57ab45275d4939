/**
 * Counterexamples: rebuild traces by replay, diff states, render them.
 */
export { buildTrace } from './trace.ts';
export type { Trace, TraceAction, TraceInfo, TraceStep } from './trace.ts';
export { diffStates, formatChangePath, sameValue } from './diff.ts';
export type { Change } from './diff.ts';
export { renderTraceText } from './text.ts';
export type { TextOptions } from './text.ts';
export { encodeValue, decodeValue } from './json-value.ts';
export type { Json } from './json-value.ts';
export { renderTraceDot } from './dot.ts';
export type { DotOptions } from './dot.ts';
export { dotToSvg, inlineSvg, graphvizVersion } from './svg.ts';
export { renderSequenceChart } from './sequence-chart.ts';
export { exploreStateGraph, renderStateGraphDot, DEFAULT_MAX_STATES, DEFAULT_MAX_NODES } from './state-graph.ts';
export { neighbourhood } from './neighbourhood.ts';
export type { Neighbourhood } from './neighbourhood.ts';
export type { StateGraph } from './state-graph.ts';
export { renderHtmlReport } from './html.ts';
export type { HtmlReport } from './html.ts';
export { traceToJson, traceFromJson, TRACE_FORMAT, TRACE_VERSION } from './export-json.ts';
export { traceToItf, traceFromItf, encodeItfValue, decodeItfValue } from './itf.ts';
export { parseTrace, readTraceFile } from './load-trace.ts';
export { savedToTrace } from './saved-trace.ts';
export type { SavedAction, SavedStep, SavedTrace, TraceContext, TraceFormat } from './saved-trace.ts';
export { reexecuteTrace, replayTrace } from './replay.ts';
export type { Divergence, DivergenceReason, Diverged, ReexecuteResult, ReplayResult } from './replay.ts';
export { renderArtifacts, writeArtifacts, writeViolationArtifacts, replayCommand } from './artifacts.ts';
export { VISUALS, ACTION_PALETTE } from './visuals.ts';
export { explainViolation } from './explain.ts';
