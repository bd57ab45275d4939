/**
 * The type check of a model file, run several times in one thread as `kripke ci` and the explorer
 * do: what it parsed for one check is reused by the next, and that never hides an edit.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { typecheckModel } from './typecheck.ts';

const root = join(import.meta.dirname, '..');
const SPEC = join(root, 'spec', 'index.ts');

const model = (body: string) => `import { defineSpec } from ${JSON.stringify(SPEC)};
export default defineSpec({
  name: 'counter',
  init: () => [{ n: 0 }],
  actions: { inc: { next: (s) => (s.n < 3 ? { n: ${body} } : undefined) } },
  terminal: () => true,
});
`;

describe('typecheckModel, several checks in one thread', () => {
  it('sees each edit of the model file, and checks another file afresh', () => {
    mkdirSync(join(root, 'tmp'), { recursive: true });
    const dir = mkdtempSync(join(root, 'tmp', 'typecheck-'));
    const file = join(dir, 'counter.ts');
    writeFileSync(file, model('s.n + 1'));
    expect(() => typecheckModel(file)).not.toThrow();
    writeFileSync(file, model("s.n + '1'"));
    expect(() => typecheckModel(file)).toThrow(/counter\.ts does not type-check \(1 error;[\s\S]*counter\.ts:5:/);
    writeFileSync(file, model('s.n + 2'));
    expect(() => typecheckModel(file)).not.toThrow();
    const other = join(dir, 'other.ts');
    writeFileSync(other, model('s.m + 1'));
    expect(() => typecheckModel(other)).toThrow(/Property 'm' does not exist/);
  });
});
