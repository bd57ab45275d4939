/**
 * The explorer's HTTP server, on 127.0.0.1 only: the page, its bundled assets (by name, from
 * memory: no path on disk is ever served), and the JSON API. Every handler's failure becomes a
 * JSON error; the server itself never stops on bad input. Checks stream progress as server-sent
 * events.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LoadedModel } from '../cli/load-model.ts';
import type { CheckEvent, ModelKey } from './api-types.ts';
import { type Asset, bundleUi } from './bundle.ts';
import { Checks } from './checks.ts';
import { compareTraces } from './compare.ts';
import { HttpError, readJson, requireLocal, sendError, sendJson } from './http.ts';
import { openTrace } from './open-trace.ts';
import { explorerPage } from './page.ts';
import { parseRequest, SCHEMAS } from './requests.ts';
import { Sessions } from './sessions.ts';
import { stateView } from './state-view.ts';
import { randomWalk, stepUntil } from './walk.ts';

export const HOST = '127.0.0.1';
const DEFAULT_UNTIL_STATES = 200_000;
const PAGE_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

export interface ExplorerOptions {
  readonly key: ModelKey;
  readonly model: LoadedModel;
  /** 0 (default) picks a free port. */
  readonly port?: number;
}

export interface Explorer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

type Handler = (body: unknown) => Promise<unknown> | unknown;

export async function startExplorer(options: ExplorerOptions): Promise<Explorer> {
  const sessions = new Sessions(options.key, options.model);
  const checks = new Checks();
  let assets: Promise<ReadonlyMap<string, Asset>> | undefined;
  const api: Record<string, Handler> = {
    '/api/state': async (b) => {
      const request = parseRequest(SCHEMAS.state, b, 'state');
      return stateView(await sessions.get(request.key), request);
    },
    '/api/walk': async (b) => {
      const r = parseRequest(SCHEMAS.walk, b, 'walk');
      return randomWalk(await sessions.get(r.key), r.path, r.steps, r.seed ?? Math.floor(Math.random() * 2 ** 32));
    },
    '/api/until': async (b) => {
      const r = parseRequest(SCHEMAS.until, b, 'until');
      return stepUntil(await sessions.get(r.key), r.path, r.property, r.goal, r.maxStates ?? DEFAULT_UNTIL_STATES);
    },
    '/api/trace': (b) => openTrace(sessions, parseRequest(SCHEMAS.openTrace, b, 'open-trace')),
    '/api/compare': (b) => compareTraces(sessions, parseRequest(SCHEMAS.compare, b, 'compare')),
    '/api/checks': async (b) => {
      const r = parseRequest(SCHEMAS.check, b, 'check');
      await sessions.get(r.key); // a model that cannot load is refused here, not in the thread
      return { id: checks.start(r) };
    },
  };
  const server = createServer((request, response) => {
    handle(request, response).catch((e: unknown) => {
      if (!response.headersSent) sendError(response, e);
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    requireLocal(request, port);
    const url = new URL(request.url ?? '/', `http://${HOST}`);
    const route = url.pathname;
    if (request.method === 'GET' && route === '/') return sendPage(response, explorerPage(sessions.served));
    if (request.method === 'GET' && route.startsWith('/assets/')) {
      if (assets === undefined) {
        assets = bundleUi();
        assets.catch(() => {
          assets = undefined;
        }); // a failed build is tried again on the next request
      }
      return sendAsset(response, (await assets).get(route.slice('/assets/'.length)));
    }
    const events = /^\/api\/checks\/(\d+)\/events$/.exec(route);
    if (request.method === 'GET' && events) return streamCheck(request, response, checks, events[1]!);
    if (request.method !== 'POST')
      throw new HttpError(
        route.startsWith('/api/') ? 405 : 404,
        'not-found',
        `${request.method} ${route}: no such page here`,
      );
    const body = await readJson(request);
    const cancel = /^\/api\/checks\/(\d+)\/cancel$/.exec(route);
    if (cancel) {
      checks.cancel(cancel[1]!);
      return sendJson(response, 200, { cancelled: true });
    }
    const handler = api[route];
    if (handler === undefined)
      throw new HttpError(404, 'not-found', `POST ${route}: no such API (${Object.keys(api).join(', ')})`);
    sendJson(response, 200, await handler(body));
  }

  const port = await listen(server, options.port ?? 0);
  return {
    url: `http://${HOST}:${port}/`,
    port,
    close: async () => {
      await checks.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => resolve((server.address() as AddressInfo).port));
  });
}

function sendPage(response: ServerResponse, html: string): void {
  response.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': PAGE_POLICY,
    'cache-control': 'no-store',
  });
  response.end(html);
}

function sendAsset(response: ServerResponse, asset: Asset | undefined): void {
  if (asset === undefined) throw new HttpError(404, 'not-found', 'no such asset');
  response.writeHead(200, {
    'content-type': asset.type,
    'content-length': asset.body.byteLength,
    'cache-control': 'no-cache',
  });
  response.end(asset.body);
}

function streamCheck(request: IncomingMessage, response: ServerResponse, checks: Checks, id: string): void {
  const open = () => {
    if (!response.headersSent)
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' });
  };
  // An unknown id throws before anything is written, and is answered as an error.
  const stop = checks.listen(id, (event: CheckEvent) => {
    open();
    response.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    if (event.type === 'done') response.end();
  });
  open();
  request.on('close', stop);
}
