/**
 * Small models that once gave a different answer with two workers than with one (issue 12),
 * kept as regression fixtures; worker threads rebuild them from this module.
 */
import { defineActorSpec } from '../../spec/actor/define-actors.ts';
import type { Behaviour } from '../../spec/actor/types.ts';
import { defineSpec } from '../../spec/define.ts';
import { interned } from '../../spec/interned.ts';
import { withMember } from '../../spec/updates.ts';

const REQUESTS = Array.from({ length: 40 }, (_, v) => v);
type Echo = { readonly kind: 'request' | 'answer'; readonly v: number };
interface Client {
  readonly wrong: boolean;
}

/**
 * A client sends any of 40 requests, one in flight at a time; the server answers each; the
 * answer to request 39 breaks the client (3 steps). The 40 requests in flight make a level wide
 * enough for parallel BFS to hand half of it to the worker thread, which then numbers in-flight
 * messages in its own table (`spec/actor/view.ts`): its answers get the numbers the coordinator
 * gave to requests, so "answer 39 in flight" looks like "request 19 in flight", already seen, and
 * the violation is never reached — a false pass.
 */
export const echo = defineActorSpec<Client, Echo>({
  name: 'echo',
  actors: {
    client: {
      onStart: () => ({ state: { wrong: false } }),
      localSteps: REQUESTS.map((v) => `request ${v}`),
      onLocal: (s, label) => ({
        state: s,
        send: [{ to: 'server', msg: { kind: 'request', v: Number(label.slice(8)) } }],
      }),
      onMessage: (s, { msg }) => (msg.kind === 'answer' ? { state: { wrong: s.wrong || msg.v === 39 } } : undefined),
    } satisfies Behaviour<Client, Echo>,
    server: {
      onStart: () => ({ state: { wrong: false } }),
      onMessage: (s, { from, msg }) => ({ state: s, send: [{ to: from, msg: { kind: 'answer', v: msg.v } }] }),
    } satisfies Behaviour<Client, Echo>,
  },
  network: { kind: 'unordered' },
  bounds: { maxInFlight: 1 },
  properties: ({ always }) => [always('no wrong answer', (s) => !s.nodes.client!.wrong)],
});

const ACCEPTORS = Array.from({ length: 40 }, (_, i) => `a${i}`);
const vote = interned((from: string) => ({ type: 'vote', from }));
interface Votes {
  readonly votes: ReadonlySet<ReturnType<typeof vote>>;
}

/**
 * Acceptors vote, at most two votes in all; a vote is an interned record, so voting again adds
 * nothing to the Set (`withMember`). Passes with one worker (821 states). States cross threads
 * by structured clone, which copies the records: `withMember` then adds a second, equal vote,
 * and two workers report 'no acceptor votes twice' violated after two steps — a trace that
 * holds when replayed.
 */
export const votes = defineSpec({
  name: 'votes',
  init: (): Votes[] => [{ votes: new Set() }],
  actions: {
    vote: {
      params: ACCEPTORS,
      next: (s, a) => (s.votes.size < 2 ? { votes: withMember(s.votes, vote(a)) } : undefined),
    },
  },
  properties: ({ always }) => [
    always('no acceptor votes twice', (s) =>
      ACCEPTORS.every((a) => [...s.votes].filter((v) => v.from === a).length <= 1),
    ),
  ],
  terminal: () => true,
});

/**
 * Forty chains, the first twenty violating an invariant after three steps and the last twenty
 * after one. Parallel BFS gives the last twenty to the worker thread; with `continue`, every
 * thread keeps its own first counterexample per property, and the coordinator's (three steps)
 * was reported although the worker's (one step) is shorter.
 */
export const chains = defineSpec({
  name: 'chains',
  init: () => Array.from({ length: 40 }, (_, chain) => ({ chain, x: 0 })),
  actions: { step: { next: (s: { chain: number; x: number }) => (s.x < 4 ? { ...s, x: s.x + 1 } : undefined) } },
  properties: ({ always }) => [always('off the mark', (s) => s.x !== (s.chain < 20 ? 3 : 1))],
  terminal: () => true,
});
