/**
 * What the page's URL holds: the model (name, variant, settings), the path of the state shown,
 * and the pinned trace (its path, lasso loop and property), so a reload or a shared link opens
 * the same state. `?model=paxos&variant=volatile-promise&set=crashes=1&path=0/1:0&line=…`
 */
import type { LineRequest, ModelKey } from '../api-types.ts';

export interface Place {
  readonly key: ModelKey;
  readonly path: string;
  readonly line: LineRequest | undefined;
}

export function readPlace(search: string, served: ModelKey): Place {
  const query = new URLSearchParams(search);
  const model = query.get('model');
  const settings: Record<string, string> = {};
  for (const setting of query.getAll('set')) {
    const eq = setting.indexOf('=');
    if (eq > 0) settings[setting.slice(0, eq)] = setting.slice(eq + 1);
  }
  const variant = query.get('variant') ?? undefined;
  const key: ModelKey = model === null ? served : { model, ...(variant ? { variant } : {}), settings };
  const linePath = query.get('line');
  const loop = query.get('loop');
  const property = query.get('property');
  const line =
    linePath === null
      ? undefined
      : {
          path: linePath,
          ...(loop !== null && /^\d+$/.test(loop) ? { loop: Number(loop) } : {}),
          ...(property !== null ? { property } : {}),
        };
  return { key, path: query.get('path') ?? '0', line };
}

export function placeQuery(place: Place): string {
  const query = new URLSearchParams({ model: place.key.model });
  if (place.key.variant) query.set('variant', place.key.variant);
  for (const [k, v] of Object.entries(place.key.settings)) query.append('set', `${k}=${v}`);
  query.set('path', place.path);
  if (place.line) {
    query.set('line', place.line.path);
    if (place.line.loop !== undefined) query.set('loop', String(place.line.loop));
    if (place.line.property !== undefined) query.set('property', place.line.property);
  }
  // Paths read better with their slashes and colons as they are.
  return `?${query.toString().replace(/%2F/g, '/').replace(/%3A/g, ':').replace(/%3D/g, '=')}`;
}

/** The path's steps (`0/1:0/0:2` → `['1:0', '0:2']`) and back. */
export function stepsOf(path: string): string[] {
  return path.split('/').slice(1);
}

export function prefix(path: string, steps: number): string {
  return path
    .split('/')
    .slice(0, steps + 1)
    .join('/');
}

/** Whether `path` is `line` or leads along it. */
export function isPrefix(path: string, line: string): boolean {
  return line === path || line.startsWith(`${path}/`);
}
