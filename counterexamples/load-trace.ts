/** Reads a saved trace file of either format (Kripke JSON or ITF), telling them apart by content. */
import { readFile } from 'node:fs/promises';
import { traceFromJson } from './export-json.ts';
import { traceFromItf } from './itf.ts';
import type { Json } from './json-value.ts';
import { badTrace, isObject, type SavedTrace } from './saved-trace.ts';

export function parseTrace(text: string, file: string): SavedTrace {
  let json: Json;
  try {
    json = JSON.parse(text) as Json;
  } catch (e) {
    throw badTrace(file, `not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (isObject(json) && 'format' in json) return traceFromJson(json, file);
  if (isObject(json) && 'states' in json && 'vars' in json) return traceFromItf(json, file);
  throw badTrace(file, 'neither a Kripke trace ("format": "kripke-trace") nor an ITF trace ("vars", "states")');
}

export async function readTraceFile(file: string): Promise<SavedTrace> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw badTrace(file, `cannot read the file (${e instanceof Error ? e.message : String(e)})`);
  }
  return parseTrace(text, file);
}
