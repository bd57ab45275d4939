/**
 * Kripke's workflows as library calls — what `kripke ci`, `compare`, `diff` and `sweep` do:
 * gate a project on a checks file, compare variants, find behaviours only one variant allows,
 * and measure how the state space grows with a parameter.
 */
export { defineChecks } from './checks-file.ts';
export type { CheckDefinition, ChecksConfig, Duration, Expectation, RandomBudget, Snapshot } from './checks-file.ts';
export { ciExitCode, runChecks } from './ci.ts';
export type { ArtifactsChoice, CheckReport, CiOptions, CiReport } from './ci.ts';
export { ciReportJson, CI_REPORT_VERSION } from './ci-report.ts';
export { renderCiSummary } from './ci-text.ts';
export { junitXml } from './junit.ts';
export { githubAnnotations } from './annotations.ts';
export { updateSnapshots } from './update-snapshots.ts';
export type { SnapshotUpdate } from './update-snapshots.ts';
export type { Difference, Judgement, Outcome, PropertyOutcome } from './judge.ts';
export { compareVariants, comparisonJson, renderComparison } from './compare.ts';
export type { CompareOptions, Comparison, ComparisonRow, RunOptions } from './compare.ts';
export { renderSweep, sweep, sweepJson, sweptSetting } from './sweep.ts';
export type { Sweep, SweepOptions, SweepPoint } from './sweep.ts';
export { renderSweepSvg } from './sweep-plot.ts';
export { diffJson, diffModels, renderDiffText, writeDiffArtifacts } from './diff.ts';
export type { BehaviourDiff, DiffRequest, DiffSide, Direction } from './diff.ts';
export { renderTable } from './table.ts';
export type { TableFormat } from './table.ts';
