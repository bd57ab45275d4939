import { describe, expect, it } from 'vitest';
import { renderTable } from './table.ts';

describe('renderTable', () => {
  const columns = [
    { key: 'name', title: 'name' },
    { key: 'states', title: 'states', right: true },
  ];
  const rows = [
    { name: 'a, "quoted"', states: 1234 },
    { name: 'b|c', states: null },
  ];

  it('aligns text, numbers right with separators, a dash for nothing', () => {
    expect(renderTable(columns, rows, 'table')).toBe(
      'name         states\n───────────  ──────\na, "quoted"   1,234\nb|c               –',
    );
  });

  it('writes Markdown with escaped pipes and right-aligned number columns', () => {
    expect(renderTable(columns, rows, 'markdown')).toBe(
      '| name | states |\n|---|---:|\n| a, "quoted" | 1,234 |\n| b\\|c | – |',
    );
  });

  it('writes CSV with raw numbers and quoted fields', () => {
    expect(renderTable(columns, rows, 'csv')).toBe('name,states\n"a, ""quoted""",1234\nb|c,');
  });
});
