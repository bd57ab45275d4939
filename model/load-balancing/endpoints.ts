/**
 * The balancer's environment: clients and servers.
 * - A client sends one request (for its key) at start, and retries it when its `retry` timer fires,
 *   up to `maxAttempts` attempts in all. The timer may fire while an attempt is still in progress
 *   (a client timeout is a guess), so a retry may duplicate work.
 * - A server serves the jobs forwarded to it one at a time (`work` timer). A failing server (local
 *   step `fail`) answers every job it holds, and every job it receives while down, with an
 *   immediate error — a refused or reset connection: it fails fast. Its health check reports each
 *   failure and recovery to the balancer, numbered by generation; the report travels like any
 *   message, so the balancer's view lags behind reality.
 */
import type { Behaviour } from '../../spec/index.ts';
import type { BalancerMessage, BalancerNode, Client, Job, Server } from './messages.ts';

export const BALANCER = 'lb';

export function client(key: string, maxAttempts: number): Behaviour<BalancerNode, BalancerMessage> {
  const retry = (attempts: number) => (attempts < maxAttempts ? ['retry'] : []);
  return {
    onStart: (ctx) => ({
      state: { role: 'client', attempts: 1, served: 0 },
      send: [{ to: BALANCER, msg: { type: 'request', job: { client: ctx.self, attempt: 1 }, key } }],
      setTimers: retry(1),
    }),
    onTimeout: (node, _timer, ctx) => {
      const c = node as Client;
      if (c.served > 0 || c.attempts >= maxAttempts) return undefined;
      const attempt = c.attempts + 1;
      return {
        state: { ...c, attempts: attempt },
        send: [{ to: BALANCER, msg: { type: 'request', job: { client: ctx.self, attempt }, key } }],
        setTimers: retry(attempt),
      };
    },
    onMessage: (node, { msg }) => {
      const c = node as Client;
      if (msg.type !== 'reply' || !msg.ok) return undefined; // an error: the retry timer is still armed
      return { state: { ...c, served: c.served + 1 }, cancelTimers: ['retry'] };
    },
  };
}

export interface ServerRules {
  /** How many times this server may fail (0: never). */
  readonly maxFailures: number;
}

export function server(rules: ServerRules): Behaviour<BalancerNode, BalancerMessage> {
  const failsFast = (s: Server, job: Job): BalancerMessage => ({ type: 'error', job, generation: s.generation });
  return {
    onStart: () => ({ state: { role: 'server', up: true, generation: 0, failures: 0, serving: [] } }),
    onMessage: (node, { msg }) => {
      const s = node as Server;
      if (msg.type !== 'forward') return undefined;
      return { state: s, send: [{ to: BALANCER, msg: s.up ? { type: 'ok', job: msg.job } : failsFast(s, msg.job) }] };
    },
    localSteps: rules.maxFailures > 0 ? ['fail', 'recover'] : [],
    onLocal: (node, label) => {
      const s = node as Server;
      if (label === 'fail') {
        if (!s.up || s.failures >= rules.maxFailures) return undefined;
        const down: Server = { ...s, up: false, generation: s.generation + 1, failures: s.failures + 1, serving: [] };
        return {
          state: down,
          send: [...s.serving.map((job) => ({ to: BALANCER, msg: failsFast(down, job) })), health(down)],
          cancelTimers: ['work'],
        };
      }
      if (s.up) return undefined;
      const up: Server = { ...s, up: true, generation: s.generation + 1 };
      return { state: up, send: [health(up)] };
    },
  };
}

const health = (s: Server) => ({ to: BALANCER, msg: { type: 'health', generation: s.generation } as const });
