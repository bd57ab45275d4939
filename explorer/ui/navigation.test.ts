import { describe, expect, it } from 'vitest';
import type { PinnedLine } from '../api-types.ts';
import { back, forward, jump, rejoin, stepTo } from './navigation.ts';
import { placeQuery, readPlace } from './url.ts';

const key = { model: 'paxos', variant: 'volatile-promise', settings: {} };
const pinned = (wrapTo?: number): PinnedLine => ({
  steps: [],
  loop: wrapTo === undefined ? undefined : 1,
  property: 'p',
  wrapTo,
});

describe('the URL', () => {
  it('holds the model, settings, variant, path and pinned trace, and reads back the same place', () => {
    const place = {
      key: { model: 'raft', variant: 'figure-8', settings: { maxTerm: '4', writes: '2' } },
      path: '0/1:0/0:2',
      line: { path: '0/1:0/0:2/3:1', loop: 1, property: 'served' },
    };
    const query = placeQuery(place);
    expect(query).toBe(
      '?model=raft&variant=figure-8&set=maxTerm=4&set=writes=2&path=0/1:0/0:2&line=0/1:0/0:2/3:1&loop=1&property=served',
    );
    expect(readPlace(query, key)).toEqual(place);
    expect(readPlace('', key)).toEqual({ key, path: '0', line: undefined });
  });
});

describe('moving along traces', () => {
  const line = { path: '0/1:0/2:0/3:0', property: 'p' };
  it('goes back and forward along a pinned trace, and round a lasso past its end', () => {
    const at = { key, path: '0/1:0', line };
    expect(forward(at, pinned())?.place.path).toBe('0/1:0/2:0');
    expect(forward({ ...at, path: line.path }, pinned())).toBeUndefined();
    const lasso = { ...at, path: line.path, line: { ...line, loop: 1 } };
    expect(forward(lasso, pinned(2))).toEqual({ place: { ...lasso, path: '0/1:0/2:0' }, wrapped: true });
    expect(back(at)?.path).toBe('0');
    expect(jump(at, 3).path).toBe(line.path);
  });

  it('keeps a pinned trace when you leave it, and finds where you left', () => {
    const left = stepTo({ key, path: '0/1:0', line }, '0/1:0/5:0');
    expect(left.line).toEqual(line);
    expect(rejoin(left)?.path).toBe('0/1:0');
  });

  it('treats the path you came back from as forward history, dropped when you branch', () => {
    const backed = back({ key, path: '0/1:0/2:0', line: undefined })!;
    expect(backed).toEqual({ key, path: '0/1:0', line: { path: '0/1:0/2:0' } });
    expect(forward(backed, undefined)?.place.path).toBe('0/1:0/2:0');
    expect(stepTo(backed, '0/1:0/4:0')).toEqual({ key, path: '0/1:0/4:0', line: undefined });
  });
});
