/**
 * The CI report as one JSON object, for tools: versioned, and described by the published JSON
 * Schema `schema/ci-report.schema.json` (fields are added, never changed in meaning).
 */
import type { Json } from '../../counterexamples/json-value.ts';
import type { CheckReport, CiReport } from './ci.ts';
import { kripkeVersion } from '../../counterexamples/version.ts';

export const CI_REPORT_VERSION = 1;

export function ciReportJson(report: CiReport): Json {
  const outcomes = report.checks.map((c) => c.judgement.outcome);
  return {
    kind: 'kripke-ci',
    version: CI_REPORT_VERSION,
    kripkeVersion: kripkeVersion(),
    checksFile: report.file,
    startedAt: report.startedAt.toISOString(),
    elapsedMs: Math.round(report.elapsedMs),
    cores: report.cores,
    summary: {
      checks: outcomes.length,
      asExpected: outcomes.filter((o) => o === 'as-expected').length,
      differ: outcomes.filter((o) => o === 'differs').length,
      incomplete: outcomes.filter((o) => o === 'incomplete').length,
    },
    checks: report.checks.map(checkJson),
  };
}

function checkJson({ check, place, result, judgement }: CheckReport): Json {
  const { job, expected } = check;
  return {
    name: check.name,
    line: place?.line ?? null,
    model: job.model,
    variant: job.variant ?? null,
    settings: { ...job.settings },
    engine: job.engine,
    workers: job.workers,
    timeLimitMs: check.timeLimitMs,
    expected: {
      verdict: expected.verdict,
      fails: [...expected.fails],
      snapshot: expected.snapshot ? { ...expected.snapshot } : null,
    },
    outcome: judgement.outcome,
    verdict: judgement.verdict,
    status: result.status,
    reason: result.reason,
    stats: { ...result.stats, elapsedMs: Math.round(result.stats.elapsedMs) },
    snapshot: judgement.snapshot ? { ...judgement.snapshot } : null,
    peakRssBytes: result.peakRssBytes,
    properties: judgement.properties.map((p) => ({
      name: p.name,
      kind: p.kind,
      expected: p.expected,
      verdict: p.verdict,
      ok: p.ok,
      steps: p.violation?.steps ?? null,
      path: p.violation?.path ?? null,
    })),
    differences: judgement.differences.map((d) => ({ kind: d.kind, property: d.property ?? null, message: d.message })),
    artifacts: [...result.artifacts],
  };
}
