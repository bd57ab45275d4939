/**
 * How a worker thread rebuilds the spec: a spec is code, so a worker imports the module that
 * defines it and builds it again from the same settings. The CLI knows the source of every model
 * it loads; library users pass one with `workers`.
 */
import { KripkeError } from '../../spec/errors.ts';
import { importModule } from '../import-module.ts';
import { isProtocol, type Protocol } from '../../spec/protocol.ts';
import type { Spec } from '../../spec/types.ts';

export interface SpecSource {
  /** The module's URL (`file:///…/model.ts`) or absolute path. */
  readonly module: string;
  /** The export holding a spec, a protocol, or a list of protocols (default: `default`). */
  readonly exportName?: string;
  /** When the export is a list of protocols: which one, by name. */
  readonly protocol?: string;
  readonly settings?: Readonly<Record<string, string | number | boolean>>;
  readonly variant?: string;
}

export async function loadSpecSource(source: SpecSource): Promise<Spec<unknown>> {
  const url = source.module.startsWith('file:') ? source.module : new URL(`file://${source.module}`).href;
  const fail = (why: string) =>
    new KripkeError('invalid-config', `a worker cannot rebuild the spec from ${source.module}: ${why}`, {
      file: source.module,
    });
  let module: Record<string, unknown>;
  try {
    module = await importModule(url);
  } catch (e) {
    throw fail(e instanceof Error ? e.message : String(e));
  }
  const name = source.exportName ?? defaultExport(module);
  let value = module[name];
  if (value === undefined) throw fail(`it has no export '${name}'`);
  if (Array.isArray(value)) {
    value = value.find((p: Partial<Protocol>) => p.name === source.protocol);
    if (value === undefined) throw fail(`export '${name}' has no protocol '${String(source.protocol)}'`);
  }
  if (isProtocol(value)) return value.instantiate(source.settings ?? {}, source.variant);
  if (isSpec(value)) return value;
  throw fail(`export '${name}' is neither a spec nor a protocol`);
}

/** `default`, or the one export that is a spec or a protocol (as the CLI chooses). */
function defaultExport(module: Record<string, unknown>): string {
  if ('default' in module) return 'default';
  const models = Object.keys(module).filter((k) => isSpec(module[k]) || isProtocol(module[k]));
  return models.length === 1 ? models[0]! : 'default';
}

/** Checks that a rebuilt spec is the one the main thread checks (same name and actions). */
export function sameSpec(a: Spec<unknown>, b: Spec<unknown>): boolean {
  return (
    a.name === b.name &&
    a.actions.length === b.actions.length &&
    a.actions.every((x, i) => x.name === b.actions[i]!.name)
  );
}

function isSpec(v: unknown): v is Spec<unknown> {
  return (
    typeof v === 'object' && v !== null && Array.isArray((v as Spec).actions) && typeof (v as Spec).init === 'function'
  );
}
