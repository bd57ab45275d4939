// CommonJS TypeScript: `import = require` resolves Kripke's CommonJS declarations.
import kripke = require('kripke');
import spec = require('kripke/spec');
import checker = require('kripke/checker');

const counter = spec.defineSpec({
  name: 'counter',
  init: () => [{ x: 0 }],
  actions: { inc: { next: (s: { x: number }) => (s.x < 5 ? { x: s.x + 1 } : undefined) } },
  terminal: (s) => s.x === 5,
});
const result: kripke.CheckResult = kripke.check(counter);
const hasher: typeof checker.Hasher = checker.Hasher;
export = { status: result.status, hasher };
