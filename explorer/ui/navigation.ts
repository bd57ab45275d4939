/**
 * Moving through traces, as pure functions of the place: take a step, go back and forward, jump.
 * The pinned line is the trace that "forward" follows. A counterexample, a loaded file or a walk
 * that broke a property stays pinned when you leave it to explore on; a plain history (the path
 * you came back from) is dropped when you take another step, as a browser drops its forward pages.
 */
import type { LineRequest, PinnedLine } from '../api-types.ts';
import { isPrefix, type Place, prefix, stepsOf } from './url.ts';

export function isPinned(line: LineRequest | undefined): boolean {
  return line !== undefined && (line.property !== undefined || line.loop !== undefined);
}

export function onLine(place: Place): boolean {
  return place.line !== undefined && isPrefix(place.path, place.line.path);
}

/** Takes the step to `path` (a successor, or any state reached otherwise). */
export function stepTo(place: Place, path: string): Place {
  const { line } = place;
  if (line && (isPrefix(path, line.path) || isPinned(line))) return { ...place, path };
  return { key: place.key, path, line: undefined };
}

export function back(place: Place): Place | undefined {
  const length = stepsOf(place.path).length;
  if (length === 0) return undefined;
  const keep = place.line && (isPinned(place.line) || onLine(place));
  return { ...place, path: prefix(place.path, length - 1), line: keep ? place.line : { path: place.path } };
}

/** One step along the line; past a lasso's end, round its cycle (`wrapped` says so). */
export function forward(place: Place, pinned: PinnedLine | undefined): { place: Place; wrapped: boolean } | undefined {
  const { line } = place;
  if (!line || !onLine(place)) return undefined;
  const here = stepsOf(place.path).length;
  if (place.path !== line.path) return { place: { ...place, path: prefix(line.path, here + 1) }, wrapped: false };
  if (pinned?.wrapTo === undefined) return undefined;
  return { place: { ...place, path: prefix(line.path, pinned.wrapTo) }, wrapped: true };
}

/** State `index` of the line when on it, else of the current path. */
export function jump(place: Place, index: number): Place {
  if (onLine(place)) return { ...place, path: prefix(place.line!.path, index) };
  const keep = isPinned(place.line) ? place.line : { path: place.path };
  return { ...place, path: prefix(place.path, index), line: keep };
}

/** Back to the pinned line, at the state where the current path left it. */
export function rejoin(place: Place): Place | undefined {
  const { line } = place;
  if (!line || onLine(place)) return undefined;
  const ours = stepsOf(place.path),
    theirs = stepsOf(line.path);
  let common = 0;
  while (common < ours.length && ours[common] === theirs[common]) common++;
  return { ...place, path: prefix(line.path, common) };
}
