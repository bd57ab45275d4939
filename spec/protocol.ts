/**
 * A protocol wraps a spec builder with a typed configuration and named variants (the correct
 * design and its realistic bugs), so the CLI, the explorer and research sweeps can vary them:
 * `kripke check two-phase-commit --set rms=4 --variant ...`.
 */
import { KripkeError, unknownName } from './errors.ts';
import type { Spec } from './types.ts';

export type ConfigValue = number | boolean | string;

export interface ConfigParameter<T extends ConfigValue = ConfigValue> {
  readonly default: T;
  readonly doc: string;
  readonly min?: number;
  readonly max?: number;
  /** For strings: the allowed values. */
  readonly choices?: readonly string[];
}

export type ConfigSchema = Record<string, ConfigParameter>;
export type ConfigOf<C extends ConfigSchema> = {
  readonly [K in keyof C]: C[K]['default'] extends number ? number : C[K]['default'] extends boolean ? boolean : string;
};

export interface ProtocolDefinition<C extends ConfigSchema, V extends string> {
  readonly name: string;
  readonly summary: string;
  readonly config: C;
  /** Variant names with a line each; the first is the default (by convention the correct design). */
  readonly variants: { readonly [K in V]: string };
  readonly build: (config: ConfigOf<C>, variant: V) => Spec<any>;
}

export interface Protocol {
  readonly name: string;
  readonly summary: string;
  readonly config: ConfigSchema;
  readonly variants: Readonly<Record<string, string>>;
  readonly defaultVariant: string;
  /** Builds the spec from textual settings (`--set key=value`), checking names, types and ranges. */
  instantiate(settings?: Readonly<Record<string, string | ConfigValue>>, variant?: string): Spec<unknown>;
}

/** A value a module exports that is a protocol (as `defineProtocol` returns): what a model file, a worker's spec source or the catalogue may hold. */
export function isProtocol(v: unknown): v is Protocol {
  return typeof v === 'object' && v !== null && typeof (v as Protocol).instantiate === 'function';
}

export function defineProtocol<C extends ConfigSchema, V extends string>(def: ProtocolDefinition<C, V>): Protocol {
  const variantNames = Object.keys(def.variants) as V[];
  const defaultVariant = variantNames[0];
  if (defaultVariant === undefined)
    throw new KripkeError('invalid-spec', `protocol '${def.name}' needs at least one variant`);
  return {
    name: def.name,
    summary: def.summary,
    config: def.config,
    variants: def.variants,
    defaultVariant,
    instantiate(settings = {}, variant = defaultVariant) {
      if (!variantNames.includes(variant as V))
        throw unknownName('variant', variant, variantNames, { model: def.name });
      const config = resolveConfig(def.name, def.config, settings) as ConfigOf<C>;
      return def.build(config, variant as V) as Spec<unknown>;
    },
  };
}

function resolveConfig(model: string, schema: ConfigSchema, settings: Readonly<Record<string, string | ConfigValue>>) {
  const resolved: Record<string, ConfigValue> = {};
  for (const key of Object.keys(settings)) {
    if (!(key in schema)) throw unknownName('configuration key', key, Object.keys(schema), { model });
  }
  for (const [key, param] of Object.entries(schema)) {
    const given = settings[key];
    resolved[key] = given === undefined ? param.default : coerce(model, key, param, given);
  }
  return resolved;
}

function coerce(model: string, key: string, param: ConfigParameter, given: string | ConfigValue): ConfigValue {
  const fail = (why: string) => new KripkeError('invalid-config', `${key}=${String(given)}: ${why}`, { model, key });
  switch (typeof param.default) {
    case 'number': {
      // Text must be a decimal integer: Number() would also take 1e1, 0x10, ' 7' and 1.0.
      if (typeof given === 'string' && !/^-?\d+$/.test(given))
        throw fail('expected a whole number in decimal digits (such as 3)');
      const n = typeof given === 'number' ? given : Number(given);
      if (typeof given === 'boolean' || !Number.isSafeInteger(n)) throw fail('expected a whole number');
      if (param.min !== undefined && n < param.min) throw fail(`must be at least ${param.min}`);
      if (param.max !== undefined && n > param.max) throw fail(`must be at most ${param.max}`);
      return n;
    }
    case 'boolean':
      if (given === true || given === 'true') return true;
      if (given === false || given === 'false') return false;
      throw fail('expected true or false');
    default: {
      const s = String(given);
      if (param.choices && !param.choices.includes(s)) throw fail(`expected one of ${param.choices.join(', ')}`);
      return s;
    }
  }
}
