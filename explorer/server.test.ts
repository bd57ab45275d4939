/**
 * The explorer's server over real HTTP: the page and its assets, the API's answers and its
 * refusals (bad input, other hosts, other sites, paths outside its assets), checks on a worker
 * thread streamed as server-sent events and cancelled, and loopback-only listening.
 */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../cli/load-model.ts';
import type { CheckEvent, StateView } from './api-types.ts';
import { type Explorer, startExplorer } from './server.ts';
import { PAXOS_BUG, PAXOS_KEY } from './test-helpers.ts';

let explorer: Explorer;
beforeAll(async () => {
  explorer = await startExplorer({
    key: PAXOS_KEY,
    model: await loadModel('paxos', { settings: {}, variant: 'volatile-promise' }),
  });
});
afterAll(() => explorer.close());

interface Answer {
  status: number;
  type: string;
  body: string;
}

/** A raw request, so tests can send any path, Host, Origin or body. */
function send(method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: explorer.port,
        method,
        path,
        headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body: text }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const api = (route: string, body: unknown) => send('POST', route, JSON.stringify(body));
const errorOf = (answer: Answer) => (JSON.parse(answer.body) as { error: { code: string; message: string } }).error;

async function checkEvents(id: string): Promise<CheckEvent[]> {
  const response = await fetch(`${explorer.url}api/checks/${id}/events`);
  const text = await response.text(); // the stream ends after the `done` event
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('event:'))
    .map((block) => JSON.parse(block.split('\ndata: ')[1]!) as CheckEvent);
}

describe('the explorer server', () => {
  it('serves the page with a policy that allows only its own assets, and the bundled script', async () => {
    const page = await send('GET', '/?model=paxos');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script type="module" src="/assets/explorer.js">');
    expect(page.body).toContain('"served":{"model":"paxos","variant":"volatile-promise","settings":{}}');
    const script = await send('GET', '/assets/explorer.js');
    expect([script.status, script.type]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect(script.body.length).toBeGreaterThan(10_000);
    expect((await send('GET', '/assets/explorer.css')).status).toBe(200);
  });

  it('serves nothing outside its own assets', async () => {
    for (const path of [
      '/assets/../package.json',
      '/assets/%2e%2e/package.json',
      '/assets/..%2fpackage.json',
      '/package.json',
      '/explorer/server.ts',
      '/assets/',
      '/assets/bundle.ts',
    ]) {
      const answer = await send('GET', path);
      expect([path, answer.status]).toEqual([path, 404]);
      expect(answer.body).not.toContain('"name": "kripke"');
    }
  });

  it('answers a state, and rejects malformed input with a clear error, never crashing', async () => {
    const ok = await api('/api/state', { key: PAXOS_KEY, path: PAXOS_BUG });
    expect(ok.status).toBe(200);
    expect((JSON.parse(ok.body) as StateView).steps).toHaveLength(17);
    const cases: [string, string | undefined, number, string][] = [
      ['/api/state', '{not json', 400, 'the body is not JSON'],
      ['/api/state', JSON.stringify({ key: PAXOS_KEY }), 400, 'bad state request: path: '],
      [
        '/api/state',
        JSON.stringify({ key: PAXOS_KEY, path: '0/../1' }),
        400,
        'path: expected an action-index path such as 0/2:1/0:0',
      ],
      ['/api/state', JSON.stringify({ key: PAXOS_KEY, path: '0', extra: 1 }), 400, 'bad state request: the body: '],
      [
        '/api/state',
        JSON.stringify({ key: { ...PAXOS_KEY, model: 'paxo' }, path: '0' }),
        400,
        "unknown model 'paxo'; available: die-hard",
      ],
      [
        '/api/state',
        JSON.stringify({ key: { ...PAXOS_KEY, model: '/etc/passwd.ts' }, path: '0' }),
        400,
        'this explorer serves the model file paxos only',
      ],
      [
        '/api/state',
        JSON.stringify({ key: { ...PAXOS_KEY, settings: { acceptors: 'many' } }, path: '0' }),
        400,
        'acceptors=many: expected a whole number',
      ],
      [
        '/api/state',
        JSON.stringify({ key: PAXOS_KEY, path: '0/7:0' }),
        400,
        'step 1 of 0/7:0: action #7 does not exist',
      ],
      ['/api/walk', JSON.stringify({ key: PAXOS_KEY, path: '0', steps: -1 }), 400, 'bad walk request: steps: '],
      [
        '/api/trace',
        JSON.stringify({ key: PAXOS_KEY, name: 't.json', text: '[]' }),
        400,
        't.json: neither a Kripke trace',
      ],
      ['/api/nothing', '{}', 404, 'POST /api/nothing: no such API'],
    ];
    for (const [route, body, status, message] of cases) {
      const answer = await send('POST', route, body);
      expect([route, body, answer.status]).toEqual([route, body, status]);
      expect(errorOf(answer).message).toContain(message);
    }
    expect((await send('POST', '/api/state', '{}', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await send('GET', '/api/state')).status).toBe(405);
    expect((await api('/api/state', { key: PAXOS_KEY, path: '0' })).status).toBe(200); // still answering
  });

  it('refuses requests addressed to another host or sent from another site', async () => {
    const other = await send('GET', '/', undefined, { host: `evil.example:${explorer.port}` });
    expect([other.status, errorOf(other).code]).toEqual([403, 'forbidden']);
    const site = await send('POST', '/api/state', JSON.stringify({ key: PAXOS_KEY, path: '0' }), {
      origin: 'http://evil.example',
    });
    expect([site.status, errorOf(site).message]).toEqual([
      403,
      'requests from pages of http://evil.example are refused',
    ]);
    expect((await send('GET', '/', undefined, { host: `localhost:${explorer.port}` })).status).toBe(200);
  });

  it('listens on 127.0.0.1 only: another loopback address and IPv6 are refused', async () => {
    expect(explorer.url).toBe(`http://127.0.0.1:${explorer.port}/`);
    const attempt = (host: string) =>
      new Promise<string>((resolve) => {
        const socket = connect({ host, port: explorer.port });
        socket.on('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
      });
    expect(await attempt('127.0.0.1')).toBe('connected');
    expect(await attempt('127.0.0.2')).toBe('ECONNREFUSED'); // a server on 0.0.0.0 would accept this
    expect(['ECONNREFUSED', 'EADDRNOTAVAIL', 'ENETUNREACH']).toContain(await attempt('::1'));
  });

  it('runs a check on a worker thread, streams its progress and finds the CLI counterexample', async () => {
    const started = await api('/api/checks', { key: PAXOS_KEY, engine: 'bfs', liveness: true, deadlock: true });
    const { id } = JSON.parse(started.body) as { id: string };
    const events = await checkEvents(id);
    expect(events.filter((e) => e.type === 'progress').length).toBeGreaterThan(0);
    const done = events.at(-1)!;
    if (done.type !== 'done') throw new Error('no result');
    expect(done.outcome.status).toBe('violation');
    expect(done.outcome.violations).toEqual([{ property: 'agreement', kind: 'invariant', path: PAXOS_BUG }]);
    expect(done.outcome.stats).toMatchObject({ distinctStates: 32_002, generatedStates: 364_395, depth: 17 });
    expect(await checkEvents(id)).toEqual(events); // a late listener gets the whole story
  });

  it('finds a liveness lasso and cancels a long check', async () => {
    const allocator = { model: 'allocator', variant: 'weak-allocation', settings: {} };
    const lasso = JSON.parse(
      (await api('/api/checks', { key: allocator, engine: 'bfs', liveness: true, deadlock: true })).body,
    ) as { id: string };
    const found = (await checkEvents(lasso.id)).at(-1)!;
    expect(found.type === 'done' && found.outcome.violations[0]).toEqual({
      property: 'ClientsWillObtain(c1, r1)',
      kind: 'liveness',
      path: '0/0:0/0:3/1:3/2:1',
      loop: 1,
    });
    const raft = JSON.parse(
      (
        await api('/api/checks', {
          key: { model: 'raft', settings: {} },
          engine: 'bfs',
          liveness: false,
          deadlock: true,
        })
      ).body,
    ) as { id: string };
    const stream = checkEvents(raft.id);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await api(`/api/checks/${raft.id}/cancel`, {})).status).toBe(200);
    const last = (await stream).at(-1)!;
    expect(last.type === 'done' && last.outcome.status).toBe('cancelled');
    expect(errorOf(await api('/api/checks/999/cancel', {})).message).toBe(
      'no check #999 (checks are numbered from 1 as they start)',
    );
  });
});
