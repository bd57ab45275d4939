/**
 * Small HTTP helpers for the explorer's server: JSON bodies with a size bound, JSON answers, and
 * errors as `{ error: { code, message, where } }` with the right status. A request that is not
 * for this server (another Host, another Origin) is refused: a web page elsewhere must not be
 * able to drive a local explorer (DNS rebinding, cross-site requests).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { KripkeError } from '../spec/errors.ts';
import type { ApiError } from './api-types.ts';

export const MAX_BODY_BYTES = 25 * 1024 * 1024;

/** An error answered with an HTTP status other than 400 (a KripkeError is a 400). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function readJson(request: IncomingMessage): Promise<unknown> {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type))
    throw new HttpError(415, 'bad-request', `send JSON (Content-Type: application/json), not '${type || 'nothing'}'`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES)
      throw new HttpError(413, 'bad-request', `the request body is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch (e) {
    throw new HttpError(400, 'bad-request', `the body is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

export function sendError(response: ServerResponse, e: unknown): void {
  const body = (code: string, message: string, where?: Readonly<Record<string, string>>): ApiError => ({
    error: { code, message, ...(where ? { where } : {}) },
  });
  if (e instanceof KripkeError) return sendJson(response, 400, body(e.code, e.message, e.where));
  if (e instanceof HttpError) return sendJson(response, e.status, body(e.code, e.message));
  process.stderr.write(`kripke explore: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  sendJson(response, 500, body('internal', `the explorer failed: ${e instanceof Error ? e.message : String(e)}`));
}

/** Refuses requests addressed to another host or sent by another site's page. */
export function requireLocal(request: IncomingMessage, port: number): void {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = request.headers.host ?? '';
  if (!hosts.includes(host))
    throw new HttpError(403, 'forbidden', `this explorer answers requests to ${hosts[0]} only, not to '${host}'`);
  const origin = request.headers.origin;
  if (origin !== undefined && !hosts.some((h) => origin === `http://${h}`)) {
    throw new HttpError(403, 'forbidden', `requests from pages of ${origin} are refused`);
  }
}
