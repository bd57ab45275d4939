import { describe, expect, it } from 'vitest';
import { fitText, textWidth, withFontStacks } from './fonts.ts';
import { orderLanes } from './lane-order.ts';
import { layoutPath, trackReads } from './read-tracking.ts';
import { standOut } from './why.ts';

describe('what a predicate read', () => {
  it('records the fields, map entries, set look-ups and array elements read, and keeps the answer', () => {
    const state = {
      rm: { r1: 'committed', r2: 'working' },
      votes: new Map([['a1', 1]]),
      down: new Set(['a2']),
      log: [3, 4],
      tm: 'init',
    };
    const { result, reads } = trackReads(
      [state],
      (s) => s.rm.r1 === 'committed' && s.votes.get('a1') === 1 && s.down.has('a2') && s.log[1] === 4,
    );
    expect(result).toBe(true);
    expect(reads[0]!.map((r) => r.path)).toEqual([['rm', 'r1'], ['votes', 'a1'], ['down'], ['log', 1]]);
  });

  it('picks out, among the elements a scan read, those read further than the rest (the votes among all messages)', () => {
    const network = [
      { type: 'prepare' },
      { type: 'accepted', value: 'v1' },
      { type: 'promise' },
      { type: 'accepted', value: 'v2' },
    ];
    const { reads } = trackReads(
      [{ network }],
      (s) => s.network.filter((m) => m.type === 'accepted').map((m) => (m as { value: string }).value).length,
    );
    expect(standOut(reads[0]!)).toEqual([
      ['network', 1],
      ['network', 3],
    ]);
  });

  it('names a packed field by its layout path', () => {
    expect(layoutPath('rm[r1].state')).toEqual(['rm', 'r1', 'state']);
    expect(layoutPath('log[2]')).toEqual(['log', 2]);
  });
});

describe('lane order of a sequence chart', () => {
  it('minimises the lanes arrows cross, and keeps the model’s own order when it gives one', () => {
    const messages = [
      { from: 'c', to: 'n2' },
      { from: 'n2', to: 'c' },
      { from: 'n2', to: 'n1' },
    ];
    expect(orderLanes(['c', 'n1', 'n2'], messages)).toEqual(['c', 'n2', 'n1']);
    expect(orderLanes(['c', 'n1', 'n2'], messages, ['n1', 'n2'])).toEqual(['n1', 'n2', 'c']);
  });
});

describe('text measured in DejaVu', () => {
  it('measures with the font the pictures name first, and names stacks no narrower', () => {
    expect(textWidth('rmRcvCommitMsg', 10)).toBeCloseTo(91.68, 1); // DejaVu Sans' advance widths
    expect(textWidth('accept(1, v1)', 13, 'mono')).toBeCloseTo(13 * 13 * 0.602, 0);
    expect(fitText('a rather long label', textWidth('a rather', 12), 12)).toBe('a rath…');
    expect(withFontStacks('<text font-family="Courier,monospace">')).toBe(
      `<text font-family="'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', 'Courier New', monospace">`,
    );
  });
});
