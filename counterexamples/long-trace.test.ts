import { describe, expect, it } from 'vitest';
import { check } from '../checker/index.ts';
import { renderArtifacts } from './artifacts.ts';
import { renderTraceText } from './text.ts';
import { counterSpec } from './fixture-specs.ts';
import { buildTrace } from './trace.ts';

const LIMIT = 20_000;

describe('a counterexample of 20,000 steps', () => {
  const spec = counterSpec(LIMIT);
  const result = check(spec);
  const violation = result.status === 'violation' ? result.violations[0]! : undefined;

  it('renders every file, the trace graph summarising the repeated steps with their counts', async () => {
    expect(violation?.property).toBe('below');
    const trace = buildTrace(spec, violation!.path!, { property: 'below' });
    expect(trace.steps).toHaveLength(LIMIT + 1);
    const files = await renderArtifacts(trace, {}, 'trace.json');
    const dot = files.get('trace.dot')!;
    const states = dot.match(/^ {2}s\d+ \[label=/gm) ?? [];
    expect(states.length).toBeLessThanOrEqual(17);
    // The first four states and the last twelve; between them, one gap that counts its steps.
    expect(dot).toContain('⋮ states 5–19,989 not drawn');
    expect(dot).toContain('tick ×19,985');
    expect(dot).toContain('label=" 19,985 steps "');
    expect(files.get('trace.svg')).toContain('<svg');
    expect(files.get('trace.svg')).toContain('✘ violates below');
    const html = files.get('report.html')!;
    expect(html).toMatch(/<details class="run"><summary>states [\d,]+–[\d,]+: tick ×[\d,]+<\/summary>/);
    expect(html).toContain('steps not listed');
    expect(html.length).toBeLessThan(1_000_000);
  });

  it('as text for a terminal, folds the same stretch and shows the state after it whole', () => {
    const trace = buildTrace(spec, violation!.path!, { property: 'below' });
    const lines = renderTraceText(trace, { foldBeyond: 200 }).split('\n');
    expect(lines).toContain(
      '  ⋮ states 5–19,989 not shown (19,985 steps: tick ×19,985; trace.txt under --out has every one)',
    );
    const after = lines.indexOf('State 19990 ← tick');
    expect(lines[after + 1]).toMatch(/^ {4}\S+ = /); // a whole state, not a change
    expect(lines.filter((line) => line.startsWith('State '))).toHaveLength(16);
    // Unfolded (trace.txt), every state is there.
    expect(
      renderTraceText(trace)
        .split('\n')
        .filter((line) => line.startsWith('State ')),
    ).toHaveLength(LIMIT + 1);
  });
});
