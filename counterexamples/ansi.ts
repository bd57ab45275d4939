/**
 * Styles for terminal output (picocolors). Unconditional: callers decide whether colour is
 * wanted (the CLI asks `colourWanted`, in cli/colour.ts), so output in tests and pipes stays plain.
 */
import picocolors from 'picocolors';

export type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'blue' | 'magenta' | 'cyan';

export function paintWith(enabled: boolean): (style: Style, text: string) => string {
  if (!enabled) return (_, text) => text;
  const colours = picocolors.createColors(true);
  return (style, text) => colours[style](text);
}
