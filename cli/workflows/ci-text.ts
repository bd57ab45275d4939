/** `kripke ci` in a terminal or a CI log: a line per finished check, then a summary table and every difference. */
import type { CheckReport, CiReport } from './ci.ts';
import { formatDuration } from './duration.ts';
import { renderTable, type Row } from './table.ts';

const MARK = { 'as-expected': '✔', differs: '✘', incomplete: '…' } as const;

export function finishedLine({ check, judgement, result }: CheckReport): string {
  const mark = MARK[judgement.outcome];
  const what =
    judgement.outcome === 'as-expected'
      ? verdictText(
          judgement.properties.filter((p) => p.verdict === 'violated').map((p) => p.name),
          judgement.verdict,
        )
      : judgement.differences.map((d) => d.message).join('; ');
  return `${mark} ${check.name}: ${what} (${formatDuration(result.stats.elapsedMs)})`;
}

export function renderCiSummary(report: CiReport): string {
  const rows = report.checks.map(
    ({ check, judgement, result }): Row => ({
      check: check.name,
      expected: verdictText(check.expected.fails, check.expected.verdict),
      got: verdictText(
        judgement.properties.filter((p) => p.verdict === 'violated').map((p) => p.name),
        judgement.verdict,
      ),
      distinct: result.stats.distinct,
      generated: result.stats.generated,
      depth: result.stats.depth,
      time: formatDuration(result.stats.elapsedMs),
      result: judgement.outcome === 'as-expected' ? 'ok' : judgement.outcome === 'differs' ? 'DIFFERS' : 'INCOMPLETE',
    }),
  );
  const table = renderTable(
    [
      { key: 'check', title: 'check' },
      { key: 'expected', title: 'expected' },
      { key: 'got', title: 'got' },
      { key: 'distinct', title: 'distinct', right: true },
      { key: 'generated', title: 'generated', right: true },
      { key: 'depth', title: 'depth', right: true },
      { key: 'time', title: 'time', right: true },
      { key: 'result', title: 'result' },
    ],
    rows,
    'table',
  );
  const counts = (o: string) => report.checks.filter((c) => c.judgement.outcome === o).length;
  const differences = report.checks.flatMap(({ check, judgement }) =>
    judgement.differences.map((d) => `  ${MARK[judgement.outcome]} ${check.name}: ${d.message}`),
  );
  return [
    table,
    '',
    `${report.checks.length} checks in ${formatDuration(report.elapsedMs)}: ${counts('as-expected')} as expected, ${counts('differs')} differ, ${counts('incomplete')} incomplete`,
    ...(differences.length > 0 ? ['differences:', ...differences] : []),
  ].join('\n');
}

/** `pass`, `fails TCConsistent`, `fails 3 properties`, or what stopped the run. */
function verdictText(failing: readonly string[], verdict: string): string {
  if (verdict !== 'violation') return verdict === 'pass' ? 'pass' : verdict;
  if (failing.length === 0) return 'violation';
  return failing.length <= 2 ? `fails ${failing.join(', ')}` : `fails ${failing.length} properties`;
}
