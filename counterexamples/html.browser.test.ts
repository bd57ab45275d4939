/**
 * The HTML report in a real browser (headless Chromium): it opens from disk, asks for nothing over
 * the network, and shows the trace graph and the step table. Needs /usr/bin/chromium (installed by
 * .ci/run); outside CI the test is skipped, with a message, when Chromium is absent. Also lays out
 * a trace graph with the same Graphviz WebAssembly module inside the browser.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parsePath } from '../checker/path.ts';
import { renderArtifacts } from './artifacts.ts';
import { renderTraceDot } from './dot.ts';
import { miniCommitSpec } from './fixture-specs.ts';
import { buildTrace } from './trace.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const available = existsSync(CHROMIUM);
if (!available && !process.env.CI)
  console.warn(`skipping the browser test: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

describe.skipIf(!available && !process.env.CI)('HTML report in headless Chromium', () => {
  it('renders the inline SVG and the step table from a file, with no network requests', async () => {
    const trace = buildTrace(miniCommitSpec(), parsePath('0/0:0/1:0/2:0/3:1'), { property: 'consistent' });
    const dir = mkdtempSync(join(tmpdir(), 'kripke-html-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, (await renderArtifacts(trace, { reference: 'mini' }, 'trace.json')).get('report.html')!);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ARGS,
    });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pathToFileURL(file).href);
      const svg = await page.locator('.figure svg').boundingBox();
      expect(svg?.width).toBeGreaterThan(100);
      expect(svg?.height).toBeGreaterThan(300);
      expect(await page.locator('.figure svg g.node').count()).toBe(6); // five states and the legend
      expect(await page.locator('.steps details.step').count()).toBe(5);
      expect(await page.locator('details.violating .n').innerText()).toBe('✘ 5');
      expect(await page.locator('.verdict').innerText()).toBe("✘ 'consistent' is violated after 4 steps");
      expect(await page.getByText('is violated after 4 steps').count()).toBe(1); // the verdict once: the graph has no title here
      // No inner scroll box: every figure shows all of its picture.
      const clipped = await page
        .locator('.figure')
        .evaluateAll((els) => els.filter((e) => e.scrollHeight > e.clientHeight + 1).length);
      expect(clipped).toBe(0);
      // The violating state, with what the property read, is on the first screen.
      const read = await page.locator('.why tr.read').first().boundingBox();
      expect(read!.y + read!.height).toBeLessThan(page.viewportSize()!.height);
      expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('lays out a trace graph with the Graphviz WebAssembly module inside the browser', async () => {
    const bundle = readFileSync(createRequire(import.meta.url).resolve('@hpcc-js/wasm-graphviz'), 'utf8');
    const dot = renderTraceDot(buildTrace(miniCommitSpec(), parsePath('0/0:0/1:0'), { property: 'consistent' }));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const page = await browser.newPage();
      await page.evaluate(([code, graph]) => Object.assign(globalThis, { gvCode: code, gvDot: graph }), [
        bundle,
        dot,
      ] as const);
      // A string, so the test runner does not rewrite the dynamic import.
      const svg = await page.evaluate<string>(`(async () => {
        const url = URL.createObjectURL(new Blob([globalThis.gvCode], { type: 'text/javascript' }));
        const { Graphviz } = await import(url);
        return (await Graphviz.load()).layout(globalThis.gvDot, 'svg', 'dot');
      })()`);
      expect(svg).toContain('<title>s1&#45;&gt;s2</title>');
      expect(svg.match(/class="node"/g)?.length).toBe(4); // three states and the legend
    } finally {
      await browser.close();
    }
  });
});
