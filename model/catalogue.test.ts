/**
 * The catalogue (what the CLI and its threads load, one protocol at a time) names the same
 * protocols as the library's index, in the same order, each from the module that defines it.
 */
import { describe, expect, it } from 'vitest';
import { catalogue, catalogueEntry, isShippedModel, loadProtocol } from './catalogue.ts';
import { protocols } from './index.ts';

describe('the catalogue of shipped protocols', () => {
  it('lists every protocol of the index, in its order', () => {
    expect(catalogue.map((entry) => entry.name)).toEqual(protocols.map((p) => p.name));
  });

  it('loads each one as the very protocol the index holds', async () => {
    for (const p of protocols) expect(await loadProtocol(p.name)).toBe(p);
  });

  it('refuses an unknown name, naming the known ones', async () => {
    expect(isShippedModel('two-phase-commit')).toBe(true);
    expect(isShippedModel('two-phase')).toBe(false);
    expect(() => catalogueEntry('two-phase')).toThrow(/two-phase-commit/);
    await expect(loadProtocol('two-phase')).rejects.toThrow(/unknown model 'two-phase'/);
  });
});
