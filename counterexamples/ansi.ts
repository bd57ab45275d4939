/**
 * ANSI styles for terminal output. Unconditional: callers decide whether colour is wanted
 * (the CLI turns it on for a terminal), so output in tests and pipes stays plain.
 */
const CODES = {
  bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39],
  blue: [34, 39], magenta: [35, 39], cyan: [36, 39],
} as const;

export type Style = keyof typeof CODES;

export function paintWith(enabled: boolean): (style: Style, text: string) => string {
  if (!enabled) return (_, text) => text;
  return (style, text) => `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m`;
}
