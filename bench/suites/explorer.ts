/**
 * The explorer's two speed figures (issue 16): taking a step answers within 100 ms on raft's
 * default configuration, and a check started from the page runs at the CLI's speed. Steps are
 * timed over HTTP, as the page asks for them, along a seeded random walk of raft; the check is
 * timed in-process (as `kripke check` runs it) and from the API of `kripke explore` running in a
 * process of its own (thread start, model load and progress events included), side by side.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { check } from '../../checker/index.ts';
import { loadModel } from '../../cli/load-model.ts';
import type { CheckEvent, ModelKey } from '../../explorer/api-types.ts';
import type { BenchOptions } from '../run.ts';

export const name = 'explorer';
export const description = 'explorer: step latency on raft (goal ≤ 100 ms), a check from the page vs the CLI';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RAFT: ModelKey = { model: 'raft', settings: {} };
const WALK_STEPS = 30;
/** Passes along the walk: forward through it, as a user steps, three times (the first one warms up the JIT). */
const PASSES = 3;

/**
 * One request on a connection of its own: the in-process checks block this process for seconds,
 * long enough for the server to close an idle kept-alive connection under a pooled client.
 */
function request(url: string, method: 'GET' | 'POST', body?: unknown): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method, agent: false, headers: body === undefined ? {} : { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () =>
          res.statusCode === 200 ? resolve(text) : reject(new Error(`${url}: ${res.statusCode} ${text}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

async function post<T>(url: string, body: unknown): Promise<T> {
  return JSON.parse(await request(url, 'POST', body)) as T;
}

/** Milliseconds per step along a walk: each state the page would ask for, after a warm-up. */
async function stepLatency(base: string): Promise<{ steps: number; medianMs: number; p95Ms: number; maxMs: number }> {
  const walk = await post<{ path: string }>(`${base}api/walk`, { key: RAFT, path: '0', steps: WALK_STEPS, seed: 16 });
  const parts = walk.path.split('/');
  await post(`${base}api/state`, { key: RAFT, path: '0' }); // warm-up
  const times: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    for (let n = 1; n < parts.length; n++) {
      const path = parts.slice(0, n + 1).join('/');
      const started = performance.now();
      await post(`${base}api/state`, { key: RAFT, path, line: { path: walk.path } });
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => +times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
  return { steps: times.length, medianMs: at(0.5), p95Ms: at(0.95), maxMs: +times.at(-1)!.toFixed(1) };
}

interface CheckTiming {
  readonly wallSeconds: number;
  readonly engineSeconds: number;
  readonly generatedPerSecond: number;
  readonly distinctStates: number;
}

function cliCheck(spec: Parameters<typeof check>[0]): CheckTiming {
  const started = performance.now();
  const result = check(spec);
  const wall = (performance.now() - started) / 1000;
  return timing(wall, result.stats.elapsedMs, result.stats.generatedStates, result.stats.distinctStates);
}

async function pageCheck(base: string, key: ModelKey): Promise<CheckTiming> {
  const started = performance.now();
  const { id } = await post<{ id: string }>(`${base}api/checks`, {
    key,
    engine: 'bfs',
    liveness: true,
    deadlock: true,
  });
  const text = await request(`${base}api/checks/${id}/events`, 'GET');
  const wall = (performance.now() - started) / 1000;
  const done = JSON.parse(text.trim().split('\n\n').at(-1)!.split('\ndata: ')[1]!) as CheckEvent;
  if (done.type !== 'done') throw new Error('the check did not finish');
  const { stats } = done.outcome;
  return timing(wall, stats.elapsedMs, stats.generatedStates, stats.distinctStates);
}

function timing(wall: number, engineMs: number, generated: number, distinct: number): CheckTiming {
  return {
    wallSeconds: +wall.toFixed(2),
    engineSeconds: +(engineMs / 1000).toFixed(2),
    generatedPerSecond: Math.round(generated / (engineMs / 1000)),
    distinctStates: distinct,
  };
}

/** `kripke explore raft` in a process of its own, as a user starts it; resolves to its URL. */
function startCli(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['cli/bin.js', 'explore', RAFT.model], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (found) resolve({ url: found[1]!, child });
    });
    child.on('exit', (code) => reject(new Error(`kripke explore exited with ${code}: ${out}`)));
  });
}

export async function run(options: BenchOptions) {
  const checked: ModelKey = options.quick ? { model: 'paxos', settings: {} } : RAFT;
  const { url, child } = await startCli();
  const explorer = { url };
  try {
    const steps = await stepLatency(explorer.url);
    const spec = (await loadModel(checked.model, { settings: checked.settings, variant: undefined })).spec;
    // Alternate, so that the machine's drift affects both alike.
    const cli1 = cliCheck(spec);
    const page1 = await pageCheck(explorer.url, checked);
    const cli2 = cliCheck(spec);
    const page2 = await pageCheck(explorer.url, checked);
    const ratio = +(
      (page1.generatedPerSecond + page2.generatedPerSecond) /
      (cli1.generatedPerSecond + cli2.generatedPerSecond)
    ).toFixed(2);
    const result = {
      steps,
      check: { model: checked.model, cli: [cli1, cli2], page: [page1, page2], pageOverCliRate: ratio },
    };
    if (!options.json) print(result);
    return result;
  } finally {
    child.kill();
  }
}

function print(r: Awaited<ReturnType<typeof run>>): void {
  const s = r.steps;
  process.stdout.write(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} cores\n`,
  );
  process.stdout.write(
    `step on raft (default configuration), over HTTP, ${s.steps} steps (${PASSES} passes along a seeded ${WALK_STEPS}-step walk): ` +
      `median ${s.medianMs} ms, p95 ${s.p95Ms} ms, max ${s.maxMs} ms (goal ≤ 100 ms) ${s.maxMs <= 100 ? 'OK' : 'SLOW'}\n`,
  );
  const row = (label: string, t: CheckTiming) =>
    process.stdout.write(
      `  ${label.padEnd(14)} ${t.distinctStates.toLocaleString('en-US').padStart(9)} states  ` +
        `engine ${t.engineSeconds.toFixed(2)} s  wall ${t.wallSeconds.toFixed(2)} s  ${t.generatedPerSecond.toLocaleString('en-US')} generated/s\n`,
    );
  process.stdout.write(
    `check of ${r.check.model} (BFS), in-process as the CLI runs it vs from the page (worker thread):\n`,
  );
  r.check.cli.forEach((t, i) => {
    row(`cli #${i + 1}`, t);
    row(`page #${i + 1}`, r.check.page[i]!);
  });
  process.stdout.write(`  page/cli generated-states rate: ${r.check.pageOverCliRate}\n`);
}
