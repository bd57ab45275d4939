/** `kripke sweep`: states, time and memory per value and variant, growth per step, and the plot. */
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.ts';
import { renderSweep, sweep } from '../workflows/sweep.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('kripke sweep', () => {
  it('measures each variant at each value and plots it', async () => {
    const plot = join(root, 'tmp', 'sweep-test', 'two-phase.svg');
    rmSync(plot, { force: true });
    const run = await runCli(
      [
        'sweep',
        'two-phase-commit',
        '--set',
        'rms=2..4',
        '--variants',
        'correct,commit-on-majority',
        '--jobs',
        '2',
        '--format',
        'json',
        '--plot',
        plot,
      ],
      { cwd: root },
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`wrote ${plot}`);
    const result = JSON.parse(run.stdout);
    expect(
      result.points.map((p: Record<string, unknown>) => [
        p.variant,
        p.value,
        p.status,
        p.distinct,
        p.generated,
        p.depth,
        p.growth === null ? null : Number((p.growth as number).toFixed(3)),
      ]),
    ).toEqual([
      ['correct', '2', 'pass', 56, 154, 8, null],
      ['commit-on-majority', '2', 'pass', 56, 154, 8, null],
      ['correct', '3', 'pass', 288, 1146, 11, 5.143],
      ['commit-on-majority', '3', 'violation', 348, 1359, 11, 6.214],
      ['correct', '4', 'pass', 1568, 8258, 14, 5.444],
      ['commit-on-majority', '4', 'violation', 1728, 8974, 14, 4.966],
    ]);
    expect(
      result.points.every((p: { peakRssBytes: number; elapsedMs: number }) => p.peakRssBytes > 0 && p.elapsedMs > 0),
    ).toBe(true);
    const svg = readFileSync(plot, 'utf8');
    for (const title of ['distinct states', 'generated states', 'time (seconds)', 'peak memory (MB, whole process)'])
      expect(svg).toContain(`>${title}</text>`);
    expect(svg.match(/<circle /g)).toHaveLength(4 * 6);
    for (const growth of ['×5.14', '×6.21', '×5.44', '×4.97']) expect(svg).toContain(`>${growth}</text>`);
    expect(svg).toContain('>two-phase-commit: how the state space grows with rms</text>');
  });

  it('stops growing a variant whose run does not finish', async () => {
    const result = await sweep('two-phase-commit', { key: 'rms', values: ['2', '9', '10'], timeLimitMs: 1000 });
    expect(result.points.map((p) => [p.value, p.status])).toEqual([
      ['2', 'pass'],
      ['9', 'incomplete'],
      ['10', 'skipped'],
    ]);
    expect(
      renderSweep(result, 'csv')
        .split('\n')
        .map((l) => l.split(',').slice(0, 4).join(',')),
    ).toEqual([
      'variant,rms,verdict,distinct',
      'correct,2,pass,56',
      expect.stringMatching(/^correct,9,incomplete,\d+$/),
      'correct,10,skipped,',
    ]);
  });
});
