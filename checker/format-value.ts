/** A short, readable one-line rendering of a state value, for messages and traces. */
export function formatValue(value: unknown, maxLength = 120): string {
  const text = render(value);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

function render(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'bigint':
      return `${v}n`;
    case 'undefined':
      return 'undefined';
    case 'function':
      return '<function>';
    case 'object': {
      if (v === null) return 'null';
      if (Array.isArray(v)) return `[${v.map(render).join(', ')}]`;
      if (v instanceof Set) return `{${[...v].map(render).sort().join(', ')}}`;
      if (v instanceof Map)
        return `Map{${[...v]
          .map(([k, x]) => `${render(k)} => ${render(x)}`)
          .sort()
          .join(', ')}}`;
      const entries = Object.entries(v).map(
        ([k, x]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${render(x)}`,
      );
      return `{ ${entries.join(', ')} }`.replace('{  }', '{}');
    }
    default:
      return String(v);
  }
}
