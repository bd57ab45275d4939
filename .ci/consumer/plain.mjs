// Plain node, no loader: every public entry point, one thread and two workers, a violation.
import assert from 'node:assert/strict';
import { check, formatPath } from 'kripke';
import { Hasher } from 'kripke/checker';
import { counter, passing } from './counter.mjs';

assert.equal(typeof Hasher, 'function');
const one = check(passing);
assert.deepEqual([one.status, one.stats.distinctStates, one.stats.depth], ['pass', 6, 6]);
const two = check(passing, {
  workers: 2,
  specSource: { module: new URL('./counter.mjs', import.meta.url).href, exportName: 'passing' },
});
assert.deepEqual([two.status, two.stats.distinctStates, two.stats.depth], ['pass', 6, 6]);
const failed = check(counter(2));
assert.equal(failed.status, 'violation');
assert.equal(formatPath(failed.violations[0].path), '0/0:0/0:0');
console.log('plain node (ES module): ok');
