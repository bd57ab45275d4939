import { describe, expect, it } from 'vitest';
import { parsePath } from '../checker/path.ts';
import { renderArtifacts, replayCommand } from './artifacts.ts';
import { clockSpec, miniCommitSpec } from './fixture-specs.ts';
import { buildTrace } from './trace.ts';

const commitTrace = () => buildTrace(miniCommitSpec(), parsePath('0/0:0/1:0/2:0/3:1'), { property: 'consistent' });
const context = { reference: 'mini.ts', variant: 'buggy', settings: { rms: '2' }, kind: 'invariant' };

describe('HTML report and the files of a counterexample', () => {
  it('writes the five files, with the report self-contained: inline SVG, no external resources, no scripts', async () => {
    const files = await renderArtifacts(commitTrace(), context, 'out/consistent/trace.json');
    expect([...files.keys()]).toEqual(['trace.json', 'trace.itf.json', 'trace.dot', 'trace.svg', 'report.html']);
    const html = files.get('report.html')!;
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|<link|src="http|href="http|@import|url\(http/);
    expect(html).toContain("✘ 'consistent' is violated after 4 steps");
  });

  it('has a step table with each change old → new, the violating row marked, and the replay line', async () => {
    const html = (await renderArtifacts(commitTrace(), context, 'out/consistent/trace.json')).get('report.html')!;
    expect(html.match(/<details class="step[^"]*" id="state-\d+"/g)?.length).toBe(5);
    expect(html).toContain('<details class="step violating" id="state-5" open><summary><span class="n">✘ 5</span>');
    expect(html).toContain('<li><code>rm.b: &quot;working&quot; → &quot;aborted&quot;</code></li>');
    expect(html).toContain('kripke replay out/consistent/trace.json mini.ts --variant buggy --set rms=2');
    expect(html).toContain('0/0:0/1:0/2:0/3:1');
  });

  it('marks a lasso: the cycle rows, where it starts, and that the last state repeats', async () => {
    const lasso = buildTrace(clockSpec(), parsePath('0/0:0/0:0/0:0/0:0'), { property: 'reaches five', loop: 1 });
    const html = (await renderArtifacts(lasso, {}, 't.json')).get('report.html')!;
    expect(html.match(/<details class="step cycle"/g)?.length).toBe(4);
    expect(html).toContain('↺ cycle starts');
    expect(html).toContain('↺ same as state 2: repeats forever');
    expect(html).not.toContain('class="step violating');
  });

  it('adds the state space of a small model, with the trace on it', async () => {
    const files = await renderArtifacts(commitTrace(), context, 'trace.json', miniCommitSpec());
    expect(files.get('states.svg')).toContain(
      'every reachable state: the 5 states of the counterexample and 16 others',
    ); // 21 in all
    expect(files.get('report.html')).toContain('<h2>State space around the trace</h2>');
  });

  it('quotes replay arguments for the shell', () => {
    expect(replayCommand('my traces/trace.json', { reference: 'm', settings: { name: "it's" } })).toBe(
      "kripke replay 'my traces/trace.json' m --set 'name=it'\\''s'",
    );
  });
});
