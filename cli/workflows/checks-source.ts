/**
 * Where each check is written in its checks file: the line (for GitHub annotations) and the
 * snapshot's text (for `kripke ci --update`). Found by parsing the file (Babel's parser, with
 * TypeScript), so any formatting works; checks produced by code rather than written as object
 * literals in the `checks` array have no place, and their snapshots are not rewritten.
 */
import { parse } from '@babel/parser';
import type { Expression, Node, ObjectExpression, ObjectProperty, Statement } from '@babel/types';
import type { Snapshot } from './checks-file.ts';

export interface CheckPlace {
  readonly line: number;
  /** The snapshot object's source range, when the check has one written out. */
  readonly snapshot: { readonly start: number; readonly end: number } | undefined;
}

/** The place of each check by its index in `checks` (undefined where a check has none). */
export function locateChecks(source: string): (CheckPlace | undefined)[] {
  let program: Statement[];
  try {
    program = parse(source, { sourceType: 'module', plugins: ['typescript'] }).program.body;
  } catch {
    return [];
  }
  const config = configObject(program);
  const checks = config && propertyValue(config, 'checks');
  if (checks?.type !== 'ArrayExpression') return [];
  const places: (CheckPlace | undefined)[] = [];
  for (const element of checks.elements) {
    if (element === null || element.type === 'SpreadElement') break; // later indexes are unknown
    places.push(element.type === 'ObjectExpression' ? placeOf(element) : undefined);
  }
  return places;
}

/** The source with each check's snapshot replaced (by index); checks without a place are skipped. */
export function rewriteSnapshots(
  source: string,
  places: readonly (CheckPlace | undefined)[],
  updates: ReadonlyMap<number, Snapshot>,
): string {
  const edits = [...updates]
    .flatMap(([index, snapshot]) => {
      const range = places[index]?.snapshot;
      return range ? [{ ...range, text: snapshotText(snapshot) }] : [];
    })
    .sort((a, b) => b.start - a.start);
  let out = source;
  for (const edit of edits) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** `{ distinct: 296_448, generated: 2_744_706, depth: 23 }` (numeric separators, as people group digits). */
export function snapshotText(s: Snapshot): string {
  const n = (x: number) => x.toLocaleString('en-US').replace(/,/g, '_');
  return `{ distinct: ${n(s.distinct)}, generated: ${n(s.generated)}, depth: ${n(s.depth)} }`;
}

function placeOf(check: ObjectExpression): CheckPlace {
  const expect = propertyValue(check, 'expect');
  const snapshot = expect?.type === 'ObjectExpression' ? propertyValue(expect, 'snapshot') : undefined;
  return {
    line: check.loc?.start.line ?? 1,
    snapshot:
      snapshot?.type === 'ObjectExpression' && snapshot.start != null && snapshot.end != null
        ? { start: snapshot.start, end: snapshot.end }
        : undefined,
  };
}

/** `export default defineChecks({…})`, `export default {…}`, or `export default config` with `const config = …`. */
function configObject(program: Statement[]): ObjectExpression | undefined {
  const declaration = program.find((s) => s.type === 'ExportDefaultDeclaration');
  if (declaration?.type !== 'ExportDefaultDeclaration') return undefined;
  let node: Node = declaration.declaration;
  for (let hops = 0; hops < 8; hops++) {
    const inner = unwrap(node, program);
    if (inner === undefined) return undefined;
    if (inner.type === 'ObjectExpression') return inner;
    node = inner;
  }
  return undefined;
}

/** One step inward: a call's first argument, a type assertion's expression, a constant's value. */
function unwrap(node: Node, program: Statement[]): Node | undefined {
  switch (node.type) {
    case 'ObjectExpression':
      return node;
    case 'CallExpression':
      return node.arguments[0];
    case 'TSSatisfiesExpression':
    case 'TSAsExpression':
    case 'ParenthesizedExpression':
      return node.expression;
    case 'Identifier':
      return constantValue(program, node.name);
    default:
      return undefined;
  }
}

function constantValue(program: Statement[], name: string): Expression | undefined {
  for (const statement of program) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type !== 'VariableDeclaration') continue;
    const found = declaration.declarations.find((d) => d.id.type === 'Identifier' && d.id.name === name);
    if (found?.init) return found.init;
  }
  return undefined;
}

function propertyValue(object: ObjectExpression, key: string): Node | undefined {
  const property = object.properties.find(
    (p): p is ObjectProperty =>
      p.type === 'ObjectProperty' &&
      !p.computed &&
      ((p.key.type === 'Identifier' && p.key.name === key) || (p.key.type === 'StringLiteral' && p.key.value === key)),
  );
  return property?.value;
}
