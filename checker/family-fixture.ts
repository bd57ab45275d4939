/**
 * A fixture for property families (`forAll`), exported so that worker threads can load it: three
 * lamps, each pressed through 0, 1, 2 and back to 0; lamps 0 and 1 are pressed fairly, lamp 2 not.
 */
import { defineSpec } from '../spec/define.ts';

const LAMPS = [0, 1, 2];

export const lamps = defineSpec({
  name: 'lamps',
  init: () => [{ level: [0, 0, 0] as readonly number[] }],
  actions: { press: { params: LAMPS, next: (s, i) => ({ level: s.level.with(i, (s.level[i]! + 1) % 3) }) } },
  properties: ({ forAll }) => [
    forAll(LAMPS, (i) => `lamp ${i}`).always('NotFull', (s, i) => i === 0 || s.level[i] !== 2),
    forAll(LAMPS, (i) => `lamp ${i}`).alwaysEventually('OftenOff', (s, i) => s.level[i] === 0),
    forAll(LAMPS, (i) => `lamp ${i}`).alwaysStep(
      'NoWrap',
      (before, after, _step, i) => i === 0 || !(before.level[i] === 2 && after.level[i] === 0),
    ),
  ],
  fairness: ({ weak }) => [weak('press', 0), weak('press', 1)],
});
