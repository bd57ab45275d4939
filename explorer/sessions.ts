/**
 * The models an explorer serves, loaded on first use and kept: the one it was started with, and
 * any shipped protocol under any settings and variant (a link may name another variant, and a
 * comparison replays a trace under one). A model file is loaded only if it is the one given on
 * the command line: a URL must not make the server import arbitrary files.
 */
import { type LoadedModel, loadModel, looksLikePath } from '../cli/load-model.ts';
import { KripkeError } from '../spec/errors.ts';
import type { ModelKey } from './api-types.ts';
import { ModelSession } from './session.ts';

/** Sessions kept at once; the least recently used one is dropped beyond this. */
const MAX_SESSIONS = 16;

export class Sessions {
  private readonly loaded = new Map<string, Promise<ModelSession>>();

  /** `served` is the model the explorer was started with, already loaded. */
  constructor(
    readonly served: ModelKey,
    first: LoadedModel,
  ) {
    this.loaded.set(keyText(served), Promise.resolve(new ModelSession(served, first)));
  }

  async get(key: ModelKey): Promise<ModelSession> {
    const text = keyText(key);
    let session = this.loaded.get(text);
    if (session === undefined) {
      session = this.load(key);
      this.loaded.set(text, session);
      session.catch(() => this.loaded.delete(text));
      this.evict();
    } else {
      this.loaded.delete(text); // re-insert: most recently used last
      this.loaded.set(text, session);
    }
    return session;
  }

  private async load(key: ModelKey): Promise<ModelSession> {
    if (looksLikePath(key.model) && key.model !== this.served.model) {
      throw new KripkeError(
        'unknown-name',
        `this explorer serves the model file ${this.served.model} only, not ${key.model}; ` +
          `start another with kripke explore ${key.model}`,
        { model: key.model },
      );
    }
    return new ModelSession(key, await loadModel(key.model, { settings: key.settings, variant: key.variant }));
  }

  private evict(): void {
    for (const text of this.loaded.keys()) {
      if (this.loaded.size <= MAX_SESSIONS) return;
      if (text !== keyText(this.served)) this.loaded.delete(text);
    }
  }
}

/** One text per configuration: settings in key order, the variant as given. */
export function keyText(key: ModelKey): string {
  const settings = Object.keys(key.settings)
    .sort()
    .map((k) => [k, key.settings[k]]);
  return JSON.stringify([key.model, key.variant ?? null, settings]);
}
