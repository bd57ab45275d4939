/**
 * The CI report as JUnit XML: one test suite per check, one test case per property it checks
 * (and `deadlock`), plus `snapshot` when the check has one. A property expected to fail passes
 * when it fails. Written to satisfy both common schemas — Jenkins' (junit-4.xsd) and Apache Ant's
 * (stricter: every suite has an id, package, timestamp, hostname, properties, system-out and
 * system-err; a case has at most one failure or error, each with a type).
 */
import { hostname } from 'node:os';
import type { CheckReport, CiReport } from './ci.ts';
import { snapshotChanges } from './judge.ts';

interface Case {
  readonly name: string;
  readonly failure?: { readonly type: string; readonly message: string; readonly body: string };
  readonly error?: { readonly type: string; readonly message: string };
}

export function junitXml(report: CiReport): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<testsuites>', // Ant's schema allows no attributes here; readers add up the suites
    ...report.checks.map((c, id) => suiteXml(c, id, report.startedAt)),
    '</testsuites>',
    '',
  ].join('\n');
}

function suiteXml(report: CheckReport, id: number, startedAt: Date): string {
  const cases = casesOf(report);
  const { check, result, judgement } = report;
  const attributes = {
    name: check.name,
    package: 'kripke',
    id: String(id),
    timestamp: startedAt.toISOString().slice(0, 19),
    hostname: hostname() || 'localhost',
    tests: String(cases.length),
    failures: String(cases.filter((c) => c.failure).length),
    errors: String(cases.filter((c) => c.error).length),
    time: seconds(result.stats.elapsedMs),
  };
  const properties = {
    model: check.job.model,
    variant: check.job.variant ?? '',
    engine: check.job.engine,
    workers: String(check.job.workers),
    settings: Object.entries(check.job.settings)
      .map(([k, v]) => `${k}=${v}`)
      .join(' '),
  };
  const out = [
    `distinct ${result.stats.distinct}, generated ${result.stats.generated}, depth ${result.stats.depth}`,
    `verdict: ${judgement.verdict}`,
    ...judgement.differences.map((d) => `difference: ${d.message}`),
  ].join('\n');
  return [
    `  <testsuite ${attrs(attributes)}>`,
    '    <properties>',
    ...Object.entries(properties).map(([name, value]) => `      <property ${attrs({ name, value })}/>`),
    '    </properties>',
    ...cases.map((c) => caseXml(c, check.name)),
    `    <system-out>${escapeXml(out)}</system-out>`,
    `    <system-err>${escapeXml(result.status === 'crashed' ? (result.reason ?? '') : '')}</system-err>`,
    '  </testsuite>',
  ].join('\n');
}

/** One search checks every property at once: the time is the suite's, each case's is 0. */
function caseXml(c: Case, classname: string): string {
  const open = `    <testcase ${attrs({ name: c.name, classname, time: '0' })}`;
  if (c.failure)
    return `${open}>\n      <failure ${attrs({ type: c.failure.type, message: c.failure.message })}>${escapeXml(c.failure.body)}</failure>\n    </testcase>`;
  if (c.error)
    return `${open}>\n      <error ${attrs({ type: c.error.type, message: c.error.message })}/>\n    </testcase>`;
  return `${open}/>`;
}

/** The test cases of one check: a property's expected verdict, or why it has none. */
function casesOf(report: CheckReport): Case[] {
  const { check, result, judgement } = report;
  const stopped = judgement.differences.find((d) => ['incomplete', 'error', 'timeout', 'crashed'].includes(d.kind));
  const names = result.checked.length > 0 ? judgement.properties : [];
  const cases: Case[] = names.map((p): Case => {
    if (p.verdict === 'undecided')
      return {
        name: p.name,
        error: { type: stopped?.kind ?? 'incomplete', message: stopped?.message ?? 'no verdict' },
      };
    if (p.ok) return { name: p.name };
    const message = judgement.differences.find((d) => d.property === p.name)?.message ?? `${p.name}: ${p.verdict}`;
    return {
      name: p.name,
      failure: {
        type: p.verdict === 'violated' ? 'unexpected-violation' : 'missing-violation',
        message,
        body: p.violation?.trace ? `${p.violation.trace}\n  path: ${p.violation.path}` : message,
      },
    };
  });
  if (names.length === 0 && stopped)
    cases.push({ name: 'check', error: { type: stopped.kind, message: stopped.message } });
  const expected = check.expected.snapshot;
  if (expected) {
    const changes = judgement.snapshot ? snapshotChanges(expected, judgement.snapshot) : [];
    cases.push(
      !judgement.snapshot
        ? {
            name: 'snapshot',
            error: { type: stopped?.kind ?? 'incomplete', message: 'no snapshot: the run did not finish' },
          }
        : changes.length === 0
          ? { name: 'snapshot' }
          : {
              name: 'snapshot',
              failure: {
                type: 'snapshot',
                message: `snapshot differs (expected → got): ${changes.join(', ')}`,
                body: changes.join('\n'),
              },
            },
    );
  }
  return cases;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function attrs(values: Readonly<Record<string, string>>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}="${escapeXml(v).replace(/"/g, '&quot;').replace(/\n/g, '&#10;')}"`)
    .join(' ');
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the control characters XML 1.0 forbids
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** XML 1.0 escapes, and characters XML cannot hold (ANSI escapes, other controls) dropped. */
function escapeXml(value: string): string {
  return value.replace(XML_FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
