import { describe, expect, it } from 'vitest';
import { configurations, describeConfiguration, expandValues } from './settings-grid.ts';

describe('settings grids', () => {
  it('expands ranges and lists, and combines keys with the first varying slowest', () => {
    expect(expandValues('n', '2..5')).toEqual(['2', '3', '4', '5']);
    expect(expandValues('n', '3, 5')).toEqual(['3', '5']);
    expect(configurations({ nodes: '3,5', packed: 'true', term: '1..2' })).toEqual([
      { nodes: '3', packed: 'true', term: '1' },
      { nodes: '3', packed: 'true', term: '2' },
      { nodes: '5', packed: 'true', term: '1' },
      { nodes: '5', packed: 'true', term: '2' },
    ]);
    expect(describeConfiguration({})).toBe('defaults');
  });

  it.each([
    ['6..2', 'a range goes up'],
    ['1,,2', 'an empty value'],
    ['0..5000', 'more than 1,000 values'],
  ])('refuses %s', (text, message) => {
    expect(() => expandValues('n', text)).toThrow(message);
  });
});
