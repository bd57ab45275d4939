import { describe, expect, it } from 'vitest';
import { defineProtocol } from './protocol.ts';
import { defineSpec } from './define.ts';

const counter = defineProtocol({
  name: 'counter',
  summary: 'a bounded counter',
  config: {
    limit: { default: 3, doc: 'highest value', min: 1, max: 10 },
    wrap: { default: false, doc: 'wrap around at the limit' },
    mode: { default: 'up', doc: 'direction', choices: ['up', 'down'] },
  },
  variants: { correct: 'stops at the limit', 'off-by-one': 'goes one past the limit' },
  build: (config, variant) => {
    const top = variant === 'off-by-one' ? config.limit + 1 : config.limit;
    return defineSpec({
      name: `counter-${config.mode}-${config.wrap}`,
      init: () => [{ n: 0 }],
      actions: { inc: { next: (s) => (s.n < top ? { n: s.n + 1 } : config.wrap ? { n: 0 } : undefined) } },
    });
  },
});

describe('defineProtocol', () => {
  it('builds the default variant with default configuration', () => {
    expect(counter.defaultVariant).toBe('correct');
    expect(counter.instantiate().name).toBe('counter-up-false');
  });

  it('coerces textual settings by the type of their default', () => {
    expect(counter.instantiate({ wrap: 'true', mode: 'down', limit: '5' }).name).toBe('counter-down-true');
  });

  it.each([
    [{ limit: '0' }, 'limit=0: must be at least 1'],
    [{ limit: '11' }, 'limit=11: must be at most 10'],
    [{ limit: '2.5' }, 'limit=2.5: expected a whole number'],
    [{ limit: '' }, 'limit=: expected a whole number'],
    [{ wrap: 'yes' }, 'wrap=yes: expected true or false'],
    [{ mode: 'sideways' }, 'mode=sideways: expected one of up, down'],
    [{ limt: '3' }, "unknown configuration key 'limt'; available: limit, wrap, mode"],
  ])('rejects %j naming the key and the problem', (settings, message) => {
    expect(() => counter.instantiate(settings)).toThrow(message);
  });

  it('rejects an unknown variant, listing the variants', () => {
    expect(() => counter.instantiate({}, 'of-by-one')).toThrow(
      "unknown variant 'of-by-one'; available: correct, off-by-one",
    );
  });
});
