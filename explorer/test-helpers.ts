/** Shared set-up for the explorer's tests: a Sessions over a model, and the paxos counterexample. */
import { loadModel } from '../cli/load-model.ts';
import type { ModelKey } from './api-types.ts';
import { Sessions } from './sessions.ts';

/** `kripke check paxos --variant volatile-promise`: 'agreement' is violated after 16 steps, by this path. */
export const PAXOS_BUG = '0/1:0/0:0/0:0/0:2/0:1/0:2/1:0/0:10/0:3/0:12/0:4/0:11/0:14/2:1/3:0/0:9';
export const PAXOS_KEY: ModelKey = { model: 'paxos', variant: 'volatile-promise', settings: {} };
export const THROWING_KEY: ModelKey = {
  model: new URL('./fixtures/throwing-model.ts', import.meta.url).pathname,
  settings: {},
};

export async function sessionsFor(key: ModelKey): Promise<Sessions> {
  return new Sessions(key, await loadModel(key.model, { settings: key.settings, variant: key.variant }));
}
