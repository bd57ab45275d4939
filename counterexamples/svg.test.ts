import { describe, expect, it } from 'vitest';
import { parsePath } from '../checker/path.ts';
import { renderTraceDot } from './dot.ts';
import { clockSpec } from './fixture-specs.ts';
import { dotToSvg, graphvizVersion, inlineSvg } from './svg.ts';
import { buildTrace } from './trace.ts';

describe('SVG through Graphviz in WebAssembly (no system Graphviz)', () => {
  it('lays out a trace graph in Node: one group per state, the loop-back edge, the legend', async () => {
    const trace = buildTrace(clockSpec(), parsePath('0/0:0/0:0/0:0/0:0'), { property: 'reaches five', loop: 1 });
    const svg = await dotToSvg(renderTraceDot(trace));
    expect(svg).toContain('<svg');
    expect(svg.match(/<g id="node\d+" class="node">/g)?.length).toBe(5); // four states (the fifth repeats the second) and the legend
    expect(svg).toContain('<title>s3&#45;&gt;s1</title>');
    expect(svg).toContain('stroke-dasharray');
    expect(svg).toContain('↺ tick');
    expect(inlineSvg(svg).startsWith('<svg')).toBe(true);
    expect(await graphvizVersion()).toMatch(/^\d+\.\d+/);
  });

  it('turns a DOT syntax error into a KripkeError', async () => {
    await expect(dotToSvg('digraph { a -> }')).rejects.toThrow(/Graphviz could not lay out/);
  });
});
