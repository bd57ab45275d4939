/**
 * Tables as people and tools read them: aligned text for a terminal, Markdown for a pull request
 * or a notebook, CSV for a spreadsheet. Rows are plain records of strings and numbers.
 */
export type Cell = string | number | null;
export type Row = Readonly<Record<string, Cell>>;

export interface Column {
  readonly key: string;
  readonly title: string;
  /** Right-align (numbers). */
  readonly right?: boolean;
}

export type TableFormat = 'table' | 'markdown' | 'csv';
export const TABLE_FORMATS: readonly TableFormat[] = ['table', 'markdown', 'csv'];

export function renderTable(columns: readonly Column[], rows: readonly Row[], format: TableFormat): string {
  switch (format) {
    case 'table':
      return aligned(columns, rows);
    case 'markdown':
      return markdown(columns, rows);
    case 'csv':
      return csv(columns, rows);
  }
}

/** How a cell reads in text: numbers with thousands separators, null as a dash. */
function shown(cell: Cell): string {
  if (cell === null) return '–';
  return typeof cell === 'number' ? cell.toLocaleString('en-US') : cell;
}

function aligned(columns: readonly Column[], rows: readonly Row[]): string {
  const cells = rows.map((r) => columns.map((c) => shown(r[c.key] ?? null)));
  const widths = columns.map((c, i) => Math.max(c.title.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => (columns[i]!.right ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.title)), line(widths.map((w) => '─'.repeat(w))), ...cells.map(line)].join('\n');
}

function markdown(columns: readonly Column[], rows: readonly Row[]): string {
  const escapePipes = (s: string) => s.replace(/\|/g, '\\|');
  const line = (values: readonly string[]) => `| ${values.map(escapePipes).join(' | ')} |`;
  return [
    line(columns.map((c) => c.title)),
    `|${columns.map((c) => (c.right ? '---:' : '---')).join('|')}|`,
    ...rows.map((r) => line(columns.map((c) => shown(r[c.key] ?? null)))),
  ].join('\n');
}

/** RFC 4180: raw numbers (no separators), empty for null, quotes where needed. */
function csv(columns: readonly Column[], rows: readonly Row[]): string {
  const field = (cell: Cell) => {
    if (cell === null) return '';
    const text = String(cell);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [
    columns.map((c) => field(c.title)).join(','),
    ...rows.map((r) => columns.map((c) => field(r[c.key] ?? null)).join(',')),
  ].join('\n');
}
