import { describe, expect, it } from 'vitest';
import { ciExitCode } from './ci.ts';
import type { Outcome } from './judge.ts';

const report = (...outcomes: Outcome[]) => ({ checks: outcomes.map((outcome) => ({ judgement: { outcome } })) });

describe('ciExitCode', () => {
  it('is 0 when every outcome is as expected, 1 when one differs, 3 when only time limits were hit', () => {
    expect(ciExitCode(report('as-expected', 'as-expected'))).toBe(0);
    expect(ciExitCode(report('as-expected', 'incomplete', 'differs'))).toBe(1);
    expect(ciExitCode(report('as-expected', 'incomplete'))).toBe(3);
  });
});
