// Plain node, no loader, CommonJS: every public entry point, one thread and two workers, a violation.
const assert = require('node:assert/strict');
const { pathToFileURL } = require('node:url');
const { check, formatPath } = require('kripke');
const { Hasher } = require('kripke/checker');
const { counter, passing } = require('./counter.cjs');

assert.equal(typeof Hasher, 'function');
const one = check(passing);
assert.deepEqual([one.status, one.stats.distinctStates, one.stats.depth], ['pass', 6, 6]);
const two = check(passing, {
  workers: 2,
  specSource: { module: pathToFileURL(require.resolve('./counter.cjs')).href, exportName: 'passing' },
});
assert.deepEqual([two.status, two.stats.distinctStates, two.stats.depth], ['pass', 6, 6]);
const failed = check(counter(2));
assert.equal(failed.status, 'violation');
assert.equal(formatPath(failed.violations[0].path), '0/0:0/0:0');
console.log('plain node (CommonJS): ok');
