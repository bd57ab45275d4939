/**
 * State identity as users rely on it: fingerprints pinned across runs and versions' builds, the
 * same in a worker thread as here, and the values that are not states — circular, too deep, or a
 * Set holding two equal records — refused by name, the same way with and without strict mode.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../spec/define.ts';
import { interned } from '../../spec/interned.ts';
import { check } from '../check.ts';
import { describeInvalidValue, fingerprintOf, Hasher, MAX_DEPTH, NOT_A_VALUE } from './index.ts';

const PINNED: [unknown, string][] = [
  [0, '8476f7eb0a8d37bf'],
  ['x', 'a03e6db3ed571adc'],
  [null, 'ed6469ab00112dde'],
  [{ a: 1, b: [true, 'y'] }, 'f88ebe16702a98b9'],
  [new Set(['p', 'q']), '8d7dbd4bd1cf8517'],
  [new Map([['k', 1.5]]), '4faa3f45b6c11466'],
  [12345678901234567890n, 'f38eee0c127ea727'],
];

describe('fingerprints', () => {
  it('are pinned: a saved fingerprint means the same state in every run of this version', () => {
    for (const [value, print] of PINNED) expect(fingerprintOf(value).toString(16)).toBe(print);
    const hasher = new Hasher();
    hasher.words([1, 2, 3], 3);
    expect(((BigInt(hasher.hi >>> 0) << 32n) | BigInt(hasher.lo >>> 0)).toString(16)).toBe('99527580f77550fa');
  });

  it('are the same in a worker thread as here', async () => {
    const hasher = new URL('./index.ts', import.meta.url).href;
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
    const code = `import { workerData, parentPort } from 'node:worker_threads';
      import { register } from ${JSON.stringify(tsx)};
      register();
      const { fingerprintOf } = await import(${JSON.stringify(hasher)});
      parentPort.postMessage(workerData.map((v) => fingerprintOf(v).toString(16)));`;
    const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), {
      workerData: PINNED.map(([v]) => v),
    });
    const prints = await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(prints).toEqual(PINNED.map(([, p]) => p));
  });

  it('do not depend on which hasher computed them or what it hashed before', () => {
    const warm = new Hasher();
    for (let i = 0; i < 5000; i++) warm.of({ [`k${i}`]: `v${i}`, n: i });
    for (const [value] of PINNED) expect(warm.of(value)).toBe(new Hasher().of(value));
  });
});

describe('values that are not states', () => {
  const circular = () => {
    const node: { name: string; next?: unknown } = { name: 'a' };
    node.next = { name: 'b', back: node };
    return { head: node };
  };
  const nested = (depth: number) => {
    let v: unknown = 0;
    for (let i = 0; i < depth; i++) v = [v];
    return v;
  };

  it('circular values and values nested past the limit are NOT_A_VALUE, explained by path', () => {
    const hasher = new Hasher();
    expect(() => hasher.fingerprint(circular())).toThrow(NOT_A_VALUE as unknown as Error);
    expect(describeInvalidValue(circular())).toBe(
      '$.head.next.back refers back to $.head (a circular value; states are trees of data)',
    );
    expect(() => hasher.fingerprint(nested(MAX_DEPTH))).not.toThrow();
    expect(() => hasher.fingerprint(nested(MAX_DEPTH + 1))).toThrow(NOT_A_VALUE as unknown as Error);
    expect(describeInvalidValue(nested(MAX_DEPTH + 1))).toMatch(
      /^\$(\[0\]){1000} is nested more than 1000 levels deep/,
    );
    expect(() => hasher.fingerprint(nested(100_000))).toThrow(NOT_A_VALUE as unknown as Error);
  });

  it('a Set with two equal records that are different objects is refused, naming the field, in default and strict mode alike', () => {
    const spec = defineSpec({
      name: 'equal-members',
      init: () => [{ msgs: new Set<{ to: string }>() }],
      actions: {
        send: {
          params: ['a', 'b'],
          next: (s, _to) => (s.msgs.size >= 2 ? undefined : { msgs: new Set([...s.msgs, { to: 'x' }]) }),
        },
      },
    });
    for (const strict of [false, true]) {
      const result = check(spec, { strict });
      if (result.status !== 'error') throw new Error(`expected an error, got ${result.status}`);
      expect(result.error.code).toBe('invalid-value');
      expect(result.error.message).toMatch(
        /^action 'send' returned a state where \$\.msgs holds two members equal in value, \{"to":"x"\}, that are different objects/,
      );
      expect(result.error.where).toMatchObject({ model: 'equal-members', action: 'send', field: '$.msgs' });
    }
  });

  it('also when the equal record arrives next to the expanded state (the hash is computed against a base)', () => {
    const original = { to: 'x' };
    const spec = defineSpec({
      name: 'equal-gained',
      init: () => [{ msgs: new Set([original]), n: 0 }],
      actions: { resend: { next: (s) => (s.n > 0 ? undefined : { msgs: new Set([...s.msgs, { to: 'x' }]), n: 1 }) } },
    });
    const result = check(spec);
    expect(result.status === 'error' && result.error.where.field).toBe('$.msgs');
  });

  it('interned records are one object per value: Sets of them are sets by value', () => {
    const vote = interned((acceptor: string, ballots: readonly number[]) => ({ type: 'vote', acceptor, ballots }));
    const alsoVote = interned((acceptor: string) => ({ type: 'vote', acceptor, ballots: [1, 2] }));
    expect(vote('a1', [1, 2])).toBe(vote('a1', [1, 2]));
    expect(alsoVote('a1')).toBe(vote('a1', [1, 2]));
    expect(Object.isFrozen(vote('a1', [1, 2]).ballots)).toBe(true);
    const spec = defineSpec({
      name: 'interned-votes',
      init: () => [{ votes: new Set<ReturnType<typeof vote>>() }],
      actions: {
        cast: {
          params: [[1, 2], [1, 2], [3]],
          next: (s, b) => (s.votes.size >= 2 ? undefined : { votes: new Set([...s.votes, vote('a1', b)]) }),
        },
      },
    });
    const result = check(spec, { checkDeadlock: false });
    expect(result.status).toBe('pass');
    expect(result.stats.distinctStates).toBe(4); // {}, {[1,2]}, {[3]}, {[1,2],[3]}
  });
});
