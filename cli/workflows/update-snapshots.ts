/**
 * `kripke ci --update`: writes each finished check's new snapshot into the checks file where it
 * changed, and says what changed. Verdicts are never rewritten: a check whose properties differ
 * still fails.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CheckReport, CiReport } from './ci.ts';
import type { Snapshot } from './checks-file.ts';
import { locateChecks, rewriteSnapshots } from './checks-source.ts';
import { outcomeOf, snapshotChanges } from './judge.ts';

export interface SnapshotUpdate {
  readonly check: string;
  readonly old: Snapshot;
  readonly new: Snapshot;
  /** False when the check is not written as a literal in the file: update it by hand. */
  readonly written: boolean;
}

export async function updateSnapshots(report: CiReport): Promise<SnapshotUpdate[]> {
  const changed = report.checks.filter(snapshotChanged);
  if (changed.length === 0) return [];
  const path = resolve(report.file);
  const source = await readFile(path, 'utf8');
  const places = locateChecks(source);
  const updates = new Map(changed.map((c) => [c.check.index, c.judgement.snapshot!]));
  const rewritten = rewriteSnapshots(source, places, updates);
  if (rewritten !== source) await writeFile(path, rewritten);
  return changed.map((c) => ({
    check: c.check.name,
    old: c.check.expected.snapshot!,
    new: c.judgement.snapshot!,
    written: places[c.check.index]?.snapshot !== undefined,
  }));
}

/** The report as it reads after the update: snapshot differences of written checks are gone. */
export function withoutUpdatedSnapshots(report: CiReport, updates: readonly SnapshotUpdate[]): CiReport {
  const written = new Set(updates.filter((u) => u.written).map((u) => u.check));
  return {
    ...report,
    checks: report.checks.map((c) => {
      if (!written.has(c.check.name)) return c;
      const differences = c.judgement.differences.filter((d) => d.kind !== 'snapshot');
      const expected = { ...c.check.expected, snapshot: c.judgement.snapshot };
      return {
        ...c,
        check: { ...c.check, expected },
        judgement: { ...c.judgement, differences, outcome: outcomeOf(differences) },
      };
    }),
  };
}

export function describeUpdate(u: SnapshotUpdate): string {
  const what = snapshotChanges(u.old, u.new).join(', ');
  return u.written
    ? `updated ${u.check}: ${what}`
    : `not updated ${u.check} (not written as a literal in the checks file; change it by hand): ${what}`;
}

function snapshotChanged(c: CheckReport): boolean {
  const { snapshot: expected } = c.check.expected;
  return (
    expected !== undefined &&
    c.judgement.snapshot !== undefined &&
    snapshotChanges(expected, c.judgement.snapshot).length > 0
  );
}
