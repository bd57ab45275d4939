/**
 * Finds what the user named: a shipped protocol (`two-phase-commit`) or a model file
 * (`./my-model.ts`, loaded without a build step) that exports a spec or a protocol.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importModule } from '../checker/import-module.ts';
import type { SpecSource } from '../checker/parallel/spec-source.ts';
import { catalogueEntry, loadProtocol, protocolModule } from '../model/catalogue.ts';
import { KripkeError } from '../spec/errors.ts';
import { isProtocol, type Protocol } from '../spec/protocol.ts';
import type { Spec } from '../spec/types.ts';
import type { Settings } from './options.ts';

export interface ModelChoice {
  readonly settings: Readonly<Record<string, string>>;
  readonly variant: string | undefined;
  /** Type-check a TypeScript model file before loading it (`check` and `simulate`; `--no-typecheck` skips it). */
  readonly typecheck?: boolean;
}

export interface LoadedModel {
  readonly spec: Spec<unknown>;
  /** Present for protocols: what `--set` and `--variant` resolved to. */
  readonly protocol: Protocol | undefined;
  readonly variant: string | undefined;
  /** How to name this model again on the command line. */
  readonly reference: string;
  /** A model file's absolute path (with `#export`), recorded in saved traces; undefined for shipped models. */
  readonly file?: string | undefined;
}

/** A model file (`grid.ts`, `models/grid.ts#big`) rather than a shipped model's name. */
export function looksLikePath(name: string): boolean {
  const file = name.split('#')[0]!;
  return /[\\/]|\.[cm]?[jt]sx?$/.test(file);
}

export async function loadModel(name: string, choice: ModelChoice): Promise<LoadedModel> {
  const target = looksLikePath(name) ? await loadFile(name, choice.typecheck ?? false) : await shippedProtocol(name);
  const file = looksLikePath(name) ? absoluteReference(name) : undefined;
  if (isSpec(target)) {
    if (Object.keys(choice.settings).length > 0 || choice.variant) {
      throw new KripkeError(
        'invalid-config',
        `${name} exports a plain spec: --set and --variant need a protocol (defineProtocol)`,
        { model: target.name },
      );
    }
    return { spec: target, protocol: undefined, variant: undefined, reference: name, file };
  }
  const variant = choice.variant ?? target.defaultVariant;
  return { spec: target.instantiate(choice.settings, variant), protocol: target, variant, reference: name, file };
}

/** A shipped model by name; a bare name that is no model but a folder here (`kripke check models`) says so. */
async function shippedProtocol(name: string): Promise<Protocol> {
  try {
    return await loadProtocol(name);
  } catch (e) {
    const absolute = resolve(name);
    if (existsSync(absolute) && statSync(absolute).isDirectory()) throw folderGiven(name, absolute);
    throw e;
  }
}

/** `./m.ts#spec` → `/abs/dir/m.ts#spec`: names the same file from any folder. */
export function absoluteReference(name: string): string {
  const [path, exportName] = name.split('#') as [string, string | undefined];
  return exportName === undefined ? resolve(path) : `${resolve(path)}#${exportName}`;
}

async function loadFile(file: string, typecheck: boolean): Promise<Spec<unknown> | Protocol> {
  const [path, exportName] = file.split('#') as [string, string | undefined];
  const absolute = resolve(path);
  if (!existsSync(absolute)) throw new KripkeError('unknown-name', `no model file at ${absolute}`, { file: path });
  if (statSync(absolute).isDirectory()) throw folderGiven(path, absolute);
  // The compiler is loaded only when a model file is checked: shipped models never pay for it.
  if (typecheck) (await import('./typecheck.ts')).typecheckModel(path);
  let module: Record<string, unknown>;
  try {
    module = await importModule(pathToFileURL(absolute).href);
  } catch (e) {
    if (e instanceof KripkeError) throw e;
    throw new KripkeError('invalid-spec', `could not load ${path}: ${e instanceof Error ? e.message : String(e)}`, {
      file: path,
    });
  }
  const candidates = Object.entries(module).filter(([, v]) => isSpec(v) || isProtocol(v));
  const names = candidates.map(([k]) => k);
  if (exportName !== undefined) {
    const chosen = candidates.find(([k]) => k === exportName);
    if (!chosen)
      throw new KripkeError(
        'unknown-name',
        `${path} has no spec or protocol export '${exportName}'; it has: ${names.join(', ') || '(none)'}`,
        { file: path },
      );
    return chosen[1] as Spec<unknown> | Protocol;
  }
  const preferred = candidates.find(([k]) => k === 'default') ?? (candidates.length === 1 ? candidates[0] : undefined);
  if (!preferred) {
    throw new KripkeError(
      'unknown-name',
      candidates.length === 0
        ? `${path} exports no spec (defineSpec) or protocol (defineProtocol)`
        : `${path} exports several models (${names.join(', ')}); choose one with ${path}#name`,
      { file: path },
    );
  }
  return preferred[1] as Spec<unknown> | Protocol;
}

function folderGiven(path: string, absolute: string): KripkeError {
  const files = readdirSync(absolute)
    .filter((f) => /\.[cm]?[jt]s$/.test(f) && !/\.test(-d)?\.|\.d\.ts$/.test(f))
    .sort();
  const hint = files.length > 0 ? `; it holds ${files.slice(0, 5).join(', ')}${files.length > 5 ? ', …' : ''}` : '';
  return new KripkeError(
    'unknown-name',
    `${path} is a folder, not a model file: name the file that exports the spec, as in ${join(path, files[0] ?? 'model.ts')}${hint}`,
    { file: path },
  );
}

function isSpec(v: unknown): v is Spec<unknown> {
  return typeof v === 'object' && v !== null && 'actions' in v && 'init' in v && Array.isArray((v as Spec).actions);
}

/** How worker threads rebuild a model the CLI loaded (`--workers`). */
export function specSourceOf(name: string, model: LoadedModel, settings: Settings): SpecSource {
  if (looksLikePath(name)) {
    const [path, exportName] = name.split('#') as [string, string | undefined];
    return { module: resolve(path), exportName, settings, variant: model.variant };
  }
  const entry = catalogueEntry(name);
  return { module: protocolModule(entry).href, exportName: entry.exportName, settings, variant: model.variant };
}
