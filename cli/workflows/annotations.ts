/**
 * GitHub Actions workflow commands: one `::error` per difference, on the line of the check in
 * the checks file, so the pull request shows it there.
 */
import { relative } from 'node:path';
import type { CiReport } from './ci.ts';

export function githubAnnotations(report: CiReport, cwd = process.cwd()): string[] {
  const file = relative(cwd, report.file) || report.file;
  return report.checks.flatMap(({ check, place, judgement }) =>
    judgement.differences.map((d) => {
      const where = [
        `file=${property(file)}`,
        ...(place ? [`line=${place.line}`] : []),
        `title=${property(`kripke ci: ${check.name}`)}`,
      ];
      return `::${d.kind === 'incomplete' || d.kind === 'timeout' ? 'warning' : 'error'} ${where.join(',')}::${data(d.message)}`;
    }),
  );
}

/** Escapes of a command's message (GitHub's toolkit: `%`, CR, LF). */
function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes of a command's property values (also `:` and `,`). */
function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
