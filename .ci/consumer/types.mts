// An ES module in TypeScript: Kripke's ES-module declarations, every public entry point.
import { check, type CheckResult } from 'kripke';
import { Hasher } from 'kripke/checker';
import { defineSpec } from 'kripke/spec';

interface State { readonly x: number }

const counter = defineSpec({
  name: 'counter',
  init: (): State[] => [{ x: 0 }],
  actions: { inc: { next: (s: State) => (s.x < 5 ? { x: s.x + 1 } : undefined) } },
  properties: ({ always }) => [always('small', (s) => s.x < 6)],
  terminal: (s) => s.x === 5,
});
const result: CheckResult = check(counter);
export const summary = { status: result.status, hasher: Hasher };
