/** Finding checks in their file and rewriting snapshots in place, whatever the file's shape. */
import { describe, expect, it } from 'vitest';
import { locateChecks, rewriteSnapshots } from './checks-source.ts';

const file = `import { defineChecks } from 'kripke';

export default defineChecks({
  checks: [
    { model: 'die-hard', expect: { verdict: 'pass' } },
    {
      model: 'two-phase-commit',
      expect: { verdict: 'pass', snapshot: { distinct: 1, generated: 2, depth: 3 } }, // stale
    },
  ],
});
`;

describe('locateChecks', () => {
  it('gives each check its line and its snapshot text', () => {
    const places = locateChecks(file);
    expect(places.map((p) => p?.line)).toEqual([5, 6]);
    expect(places[0]!.snapshot).toBeUndefined();
    const { start, end } = places[1]!.snapshot!;
    expect(file.slice(start, end)).toBe('{ distinct: 1, generated: 2, depth: 3 }');
  });

  it.each([
    [
      'a config object with satisfies',
      "const config = { checks: [{ model: 'a', expect: {} }] } satisfies ChecksConfig;\nexport default config;\n",
      [2 - 1],
    ],
    ['a plain default export', "export default { checks: [\n  { model: 'a' },\n  { model: 'b' },\n] };\n", [2, 3]],
    [
      'a spread (later checks have no place)',
      "export default defineChecks({ checks: [{ model: 'a' }, ...more, { model: 'b' }] });\n",
      [1],
    ],
    ['checks made by code', 'export default defineChecks({ checks: models.map((m) => ({ model: m })) });\n', []],
    ['a file that does not parse', 'export default defineChecks({ checks: [ ', []],
  ])('handles %s', (_, source, lines) => {
    expect(locateChecks(source).map((p) => p?.line)).toEqual(lines);
  });
});

describe('rewriteSnapshots', () => {
  it('replaces only the snapshots it is given, leaving the rest of the file as it was', () => {
    const updated = rewriteSnapshots(
      file,
      locateChecks(file),
      new Map([[1, { distinct: 288, generated: 1146, depth: 11 }]]),
    );
    expect(updated).toBe(
      file.replace('{ distinct: 1, generated: 2, depth: 3 }', '{ distinct: 288, generated: 1_146, depth: 11 }'),
    );
  });

  it('skips a check without a written snapshot', () => {
    expect(rewriteSnapshots(file, locateChecks(file), new Map([[0, { distinct: 16, generated: 97, depth: 8 }]]))).toBe(
      file,
    );
  });
});
