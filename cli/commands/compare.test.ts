/** `kripke compare`: variant × configuration × property, as a table, Markdown, CSV and JSON. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.ts';
import { compareVariants, comparisonJson, renderComparison } from '../workflows/compare.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('kripke compare', () => {
  const PROPERTIES = ['TPTypeOK', 'TCConsistent', 'ImplementsTCommit', 'deadlock'];
  const BROKEN = new Set(['TCConsistent', 'ImplementsTCommit']);

  it('prints a row per variant, configuration and property', async () => {
    const run = await runCli(
      ['compare', 'two-phase-commit', '--variants', 'correct,abort-after-prepare', '--set', 'rms=2,3'],
      { cwd: root },
    );
    expect(run.code).toBe(0);
    const rows = run.stdout
      .trim()
      .split('\n')
      .map((line) => line.split(/ {2,}/));
    expect(rows[0]).toEqual([
      'variant',
      'configuration',
      'property',
      'verdict',
      'distinct',
      'depth',
      'time',
      'counterexample',
    ]);
    expect(rows.slice(2).map((r) => [r[0], r[1], r[2], r[3], r[4], r[5], r[7]])).toEqual([
      ...PROPERTIES.map((p) => ['correct', 'rms=2', p, 'holds', '56', '8', '–']),
      ...PROPERTIES.map((p) => ['correct', 'rms=3', p, 'holds', '288', '11', '–']),
      // The bug breaks consistency and, at the same step, the refinement of transaction commit.
      ...PROPERTIES.map((p) => [
        'abort-after-prepare',
        'rms=2',
        p,
        BROKEN.has(p) ? 'violated' : 'holds',
        '81',
        '8',
        BROKEN.has(p) ? '7 steps' : '–',
      ]),
      ...PROPERTIES.map((p) => [
        'abort-after-prepare',
        'rms=3',
        p,
        BROKEN.has(p) ? 'violated' : 'holds',
        '459',
        '11',
        BROKEN.has(p) ? '9 steps' : '–',
      ]),
    ]);
  });

  it('renders the same comparison as Markdown, CSV and JSON', async () => {
    const comparison = await compareVariants('two-phase-commit', {
      variants: ['commit-on-majority'],
      properties: ['TCConsistent'],
      deadlock: false,
    });
    expect(
      renderComparison(comparison, 'markdown')
        .split('\n')
        .map((l) => l.replace(/\| [\d.]+ (ms|s) \|/, '| T |')),
    ).toEqual([
      '| variant | configuration | property | verdict | distinct | depth | time | counterexample |',
      '|---|---|---|---|---:|---:|---:|---:|',
      '| commit-on-majority | defaults | TCConsistent | violated | 348 | 11 | T | 7 steps |',
    ]);
    expect(renderComparison(comparison, 'csv').replace(/,\d+,7$/, ',T,7')).toBe(
      'variant,configuration,property,verdict,distinct,depth,time_ms,counterexample\ncommit-on-majority,defaults,TCConsistent,violated,348,11,T,7',
    );
    expect(comparisonJson(comparison)).toMatchObject({
      kind: 'kripke-compare',
      version: 1,
      model: 'two-phase-commit',
      rows: [
        {
          variant: 'commit-on-majority',
          configuration: {},
          property: 'TCConsistent',
          verdict: 'violated',
          distinct: 348,
          generated: 1359,
          depth: 11,
          counterexampleSteps: 7,
          note: null,
        },
      ],
    });
  });
});
