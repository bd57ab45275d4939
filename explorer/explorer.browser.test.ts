/**
 * The explorer as a person uses it, in headless Chromium: `kripke explore paxos --variant
 * volatile-promise`, find the bug with the Check button, step through the counterexample checking
 * the state and the pictures at each step, reload and land on the same state, open saved traces
 * (Kripke's ITF, and Quint's). Every request must go to the explorer itself. Needs
 * /usr/bin/chromium (installed by .ci/run); outside CI the test is skipped when it is absent.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePath } from '../checker/path.ts';
import { renderArtifacts } from '../counterexamples/artifacts.ts';
import { buildTrace } from '../counterexamples/trace.ts';
import { paxos } from '../model/paxos/paxos.ts';
import { PAXOS_BUG } from './test-helpers.ts';

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
  console.warn(`skipping the explorer's browser test: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The counterexample's steps as the CLI prints them. */
const LABELS = [
  'initial state',
  'Timeout p1: start',
  'Deliver p1→a1: prepare(1)',
  'Deliver a1→p1: promise(1)',
  'Deliver p1→a2: prepare(1)',
  'Deliver a2→p1: promise(1)',
  'Deliver p1→a1: accept(1, v1)',
  'Timeout p2: start',
  'Deliver p2→a2: prepare(2)',
  'Deliver a2→p2: promise(2)',
  'Deliver p2→a3: prepare(2)',
  'Deliver a3→p2: promise(2)',
  'Deliver p2→a1: accept(2, v2)',
  'Deliver p2→a2: accept(2, v2)',
  'Crash a2',
  'Recover a2',
  'Deliver p1→a2: accept(1, v1)',
];

let cli: ChildProcess;
let url: string;
let browser: Browser;

/** Starts the real command and reads the URL it prints. */
function startCli(): Promise<string> {
  cli = spawn(process.execPath, ['cli/bin.js', 'explore', 'paxos', '--variant', 'volatile-promise'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    cli.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (found) resolve(found[1]!);
    });
    cli.on('exit', (code) => reject(new Error(`kripke explore exited with ${code}: ${out}`)));
  });
}

async function until<T>(
  what: string,
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const stateHeading = (page: Page) => page.locator('.panel.state h2').innerText();
const currentStep = (page: Page) => page.locator('.timeline [aria-current="step"]').innerText();
const propertyState = (page: Page, name: string) =>
  page.locator(`.property[data-property="${name}"] .icon`).getAttribute('aria-label');

/** Waits until the page shows state `n` (1-based) with its label, its trace graph drawn up to it. */
async function atState(page: Page, n: number): Promise<void> {
  await until(
    `state ${n}`,
    () => stateHeading(page),
    (h) => h.startsWith(`STATE ${n}\n`) || h.startsWith(`State ${n}\n`) || new RegExp(`^state ${n}\\b`, 'i').test(h),
  );
  await until(
    `the timeline at ${n}`,
    () => currentStep(page),
    (t) => t.replace(/\s+/g, ' ').trim() === `${n} ${LABELS[n - 1]}`,
  );
  // The trace graph: one node per state so far, plus the action legend once there is a step.
  await until(
    `the trace graph of ${n} states`,
    () => page.locator('[data-picture="trace"] svg g.node').count(),
    (c) => c === n + (n > 1 ? 1 : 0),
  );
}

describe.skipIf(!available && !process.env.CI)('the explorer in headless Chromium', () => {
  beforeAll(async () => {
    url = await startCli();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    cli?.kill();
  });

  it('finds the volatile-promise bug with Check, steps through it, reloads to the same state and opens saved traces', {
    timeout: 180_000,
  }, async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await atState(page, 1);
    expect(await page.locator('header.top h1').innerText()).toBe('Kripke paxos');
    expect(await page.locator('header.top select').inputValue()).toBe('volatile-promise');

    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await until(
      'the counterexample',
      () =>
        page
          .locator('.notice')
          .innerText()
          .catch(() => ''),
      (t) => t.includes("Counterexample: 'agreement' (invariant), 16 steps"),
    );
    expect(await page.locator('.check-status').innerText()).toContain(
      "✘ 'agreement' violated: 32,002 distinct states, 364,395 generated, depth 17",
    );
    await atState(page, 17);
    expect(new URL(page.url()).searchParams.get('path')).toBe(PAXOS_BUG);

    await page.keyboard.press('Home');
    for (let n = 1; n <= 17; n++) {
      if (n > 1) await page.keyboard.press('ArrowRight');
      await atState(page, n);
      expect(await propertyState(page, 'agreement')).toBe(n === 17 ? 'fails' : 'holds');
      expect(new URL(page.url()).searchParams.get('path')).toBe(PAXOS_BUG.split('/').slice(0, n).join('/'));
    }
    // What the crash did: a2 forgot its promise (the per-process column, highlighted).
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await atState(page, 15);
    const a2Promised = page.locator('.processes tbody tr', { hasText: 'promised' }).locator('td').nth(3);
    expect([
      await a2Promised.innerText(),
      await a2Promised.getAttribute('class'),
      await a2Promised.getAttribute('title'),
    ]).toEqual(['0', 'changed', 'was 2']);
    await page.keyboard.press('End');
    await atState(page, 17);
    expect(await page.locator('.timeline li.violating').innerText()).toContain(LABELS[16]!);
    expect(await page.locator('[data-picture="trace"] svg').innerHTML()).toContain('violates agreement');
    await page.getByRole('tab', { name: 'Sequence chart' }).click();
    const chart = await page.locator('[data-picture="sequence"] svg').innerHTML();
    expect(chart).toContain('✘ 17');
    expect(chart).toContain('accept(1, v1)');

    await page.reload();
    await atState(page, 17);
    expect(await propertyState(page, 'agreement')).toBe('fails');
    expect(await page.locator('.timeline li').count()).toBe(17);

    // The same actions under the correct variant: the crash is where they part.
    await page.getByRole('button', { name: 'Compare…' }).click();
    expect(await page.locator('.compare select').inputValue()).toBe('correct');
    await page.getByRole('button', { name: 'Replay' }).click();
    await until(
      'the comparison',
      () =>
        page
          .locator('.divergence')
          .innerText()
          .catch(() => ''),
      (t) => t.length > 0,
    );
    expect(await page.locator('.divergence').innerText()).toBe(
      'First divergence — state 15: the states differ in nodes.a2.promised',
    );
    expect(await page.locator('.compare-steps tr.selected').innerText()).toContain('Crash a2');
    expect(
      await page.locator('.side-by-side .row.changed[data-path="nodes.a2.promised"] .value').allInnerTexts(),
    ).toEqual(['0', '2']);
    await page.getByRole('button', { name: 'Close' }).click();

    // A saved ITF trace of the same counterexample, opened from a file: the same 17 states.
    const dir = mkdtempSync(join(tmpdir(), 'kripke-explorer-'));
    const trace = buildTrace(paxos.instantiate({}, 'volatile-promise'), parsePath(PAXOS_BUG), {
      property: 'agreement',
    });
    const files = await renderArtifacts(
      trace,
      { reference: 'paxos', variant: 'volatile-promise', settings: {}, kind: 'invariant' },
      'trace.json',
    );
    writeFileSync(join(dir, 'trace.itf.json'), files.get('trace.itf.json')!);
    await page.goto(`${new URL(url).origin}/?model=paxos&variant=volatile-promise&path=0/1:0`);
    await atState(page, 2);
    await page.locator('header.top input[type=file]').setInputFiles(join(dir, 'trace.itf.json'));
    await until(
      'the opened trace',
      () =>
        page
          .locator('.notice')
          .innerText()
          .catch(() => ''),
      (t) => t.startsWith('Opened trace.itf.json (ITF, 16 steps, matched by actions)'),
    );
    await atState(page, 17);

    // Quint's ITF of the jug puzzle, matched state by state.
    await page.goto(`${new URL(url).origin}/?model=die-hard`);
    await until(
      'die-hard',
      () => stateHeading(page),
      (h) => /^state 1\b/i.test(h),
    );
    await page
      .locator('header.top input[type=file]')
      .setInputFiles(fileURLToPath(new URL('./fixtures/die-hard.quint.itf.json', import.meta.url)));
    await until(
      'the Quint trace',
      () =>
        page
          .locator('.notice')
          .innerText()
          .catch(() => ''),
      (t) => t.includes('matched by states'),
    );
    await until(
      'state 13',
      () => stateHeading(page),
      (h) => /^state 13\b/i.test(h),
    );
    expect(await page.locator('.tree [data-path="big"] .value').first().innerText()).toBe('4');
    expect(await propertyState(page, 'NotSolved')).toBe('fails');

    // A liveness counterexample is a lasso: its cycle is marked, and stepping past its end goes round it.
    await page.goto(`${new URL(url).origin}/?model=allocator&variant=weak-allocation`);
    await until(
      'allocator',
      () => stateHeading(page),
      (h) => /^state 1\b/i.test(h),
    );
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await until(
      'the lasso',
      () =>
        page
          .locator('.notice')
          .innerText()
          .catch(() => ''),
      (t) => t.includes('a lasso whose cycle starts at state 2'),
    );
    await until(
      'the cycle in the timeline',
      () => page.locator('.timeline li.cycle').count(),
      (n) => n === 4,
    );
    expect(await page.locator('.timeline .loop-mark').allInnerTexts()).toEqual(['↺ cycle starts', '↺ back to 2']);
    expect(await page.locator('[data-picture="trace"] svg').innerHTML()).toContain('this cycle repeats forever');
    expect(await propertyState(page, 'ClientsWillObtain(c1, r1)')).toBe('fails');
    await page.keyboard.press('ArrowRight');
    await until(
      'round the cycle',
      () => page.locator('.notice').innerText(),
      (t) => t.startsWith('↺ round the cycle'),
    );
    await until(
      'state 3',
      () => stateHeading(page),
      (h) => /^state 3\b/i.test(h),
    );

    expect(requests.filter((r) => !r.startsWith(new URL(url).origin))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
