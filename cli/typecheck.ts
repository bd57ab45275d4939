/**
 * A model file is type-checked before it is checked: a type error is a mistake in the model, and
 * running it anyway can give a verdict about some other model than the one written (a property
 * that reads `s.leadr` holds of nothing). Uses the TypeScript compiler API with the tsconfig.json
 * nearest the file (else strict defaults), checks only the user's own files (not Kripke's, not
 * node_modules), and remembers a clean result until one of those files changes.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { KripkeError } from '../spec/errors.ts';

const KRIPKE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Kripke's own sources, type-checked by its own build: a model file's imports from them are not the user's to fix. */
const KRIPKE_SOURCES = ['spec', 'checker', 'counterexamples', 'cli', 'explorer', 'model'].map(
  (d) => join(KRIPKE_ROOT, d) + sep,
);
const CACHE_DIR = join(tmpdir(), 'kripke-typecheck');
const MAX_SHOWN = 10;

const DEFAULTS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  allowImportingTsExtensions: true,
};

/** Throws a KripkeError listing each type error as file:line:column when `file` does not type-check. */
export function typecheckModel(file: string): void {
  if (!/\.[cm]?ts$/.test(file)) return; // JavaScript carries no types to check
  const absolute = resolve(file);
  if (cachedClean(absolute)) return;
  const options = compilerOptions(absolute);
  const { host, read } = hostReusingParsedFiles(options);
  const program = ts.createProgram([absolute], options, host);
  lastParsed = read;
  const own = program.getSourceFiles().filter((sf) => resolve(sf.fileName) === absolute || isUsers(sf));
  const errors = own
    .flatMap((sf) => [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)])
    .filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) throw typeErrors(file, errors);
  remember(
    absolute,
    own.map((sf) => sf.fileName),
  );
}

/**
 * Parsing the standard library's declarations (the DOM's alone is 1 MB) and Kripke's sources is
 * most of a check's time: a thread that type-checks several model files (`kripke ci`, a test file
 * of CLI runs) parses each of those once. The user's own files are parsed every time (they are
 * small, and may have just been edited); the others are kept per thread, only those the last check
 * read (so the set never grows), each reused while its size and modification time are unchanged.
 */
type ParsedFiles = Map<string, { readonly stamp: string; readonly file: ts.SourceFile }>;
let lastParsed: ParsedFiles = new Map();

function hostReusingParsedFiles(options: ts.CompilerOptions): { host: ts.CompilerHost; read: ParsedFiles } {
  const host = ts.createCompilerHost(options);
  const parse = host.getSourceFile.bind(host);
  const read: ParsedFiles = new Map();
  host.getSourceFile = (fileName, version, onError, shouldCreate) => {
    if (isUsersFile(fileName)) return parse(fileName, version, onError, shouldCreate);
    // The options TypeScript parses with (target, module format) are part of what a file parses to.
    const key = `${fileName}\0${typeof version === 'object' ? JSON.stringify(version) : version}`;
    const stamp = stampOrNone(fileName);
    const kept = lastParsed.get(key);
    const file =
      kept !== undefined && kept.stamp === stamp && !shouldCreate
        ? kept.file
        : parse(fileName, version, onError, shouldCreate);
    if (file !== undefined && stamp !== undefined) read.set(key, { stamp, file });
    return file;
  };
  return { host, read };
}

function stampOrNone(file: string): string | undefined {
  try {
    return stamp(file);
  } catch {
    return undefined;
  }
}

function compilerOptions(absolute: string): ts.CompilerOptions {
  const configPath = ts.findConfigFile(dirname(absolute), ts.sys.fileExists);
  if (configPath === undefined) return DEFAULTS;
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  return { ...(config?.options ?? DEFAULTS), noEmit: true, skipLibCheck: true };
}

/** The user's own sources: not declarations, not node_modules, not Kripke's own files. */
function isUsers(sf: ts.SourceFile): boolean {
  return !sf.isDeclarationFile && isUsersFile(sf.fileName);
}

function isUsersFile(fileName: string): boolean {
  const name = resolve(fileName);
  const kripkes = KRIPKE_SOURCES.some((d) => name.startsWith(d)) || dirname(name) === KRIPKE_ROOT;
  return !/\.d\.[cm]?ts$/.test(name) && !name.includes(`${sep}node_modules${sep}`) && !kripkes;
}

function typeErrors(file: string, errors: readonly ts.Diagnostic[]): KripkeError {
  const lines = errors
    .slice(0, MAX_SHOWN)
    .map((d) => `  ${where(d)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n    ')}`);
  if (errors.length > MAX_SHOWN) lines.push(`  … and ${errors.length - MAX_SHOWN} more`);
  const first = errors[0]!;
  return new KripkeError(
    'invalid-spec',
    `${file} does not type-check (${errors.length} error${errors.length === 1 ? '' : 's'}; --no-typecheck runs it anyway):\n${lines.join('\n')}`,
    { file, at: where(first) },
  );
}

function where(d: ts.Diagnostic): string {
  if (d.file === undefined || d.start === undefined) return '(options)';
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return `${relative(process.cwd(), d.file.fileName) || d.file.fileName}:${line + 1}:${character + 1}`;
}

// The cache: one small file per model file, listing each checked file's size and mtime when it was clean.
function cachePath(absolute: string): string {
  const key = createHash('sha256').update(`${ts.version}\0${KRIPKE_ROOT}\0${absolute}`).digest('hex').slice(0, 32);
  return join(CACHE_DIR, `${key}.json`);
}

function stamp(file: string): string {
  const s = statSync(file);
  return `${s.size}:${s.mtimeMs}`;
}

function cachedClean(absolute: string): boolean {
  try {
    const entry = JSON.parse(readFileSync(cachePath(absolute), 'utf8')) as Record<string, string>;
    return Object.keys(entry).length > 0 && Object.entries(entry).every(([f, s]) => stamp(f) === s);
  } catch {
    return false; // no entry, or a file it lists is gone: check again
  }
}

function remember(absolute: string, files: readonly string[]): void {
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(cachePath(absolute), JSON.stringify(Object.fromEntries(files.map((f) => [f, stamp(f)]))));
  } catch {
    // A cache that cannot be written costs time next run, nothing else.
  }
}
