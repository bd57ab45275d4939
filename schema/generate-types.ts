/**
 * `npm run schemas`: writes schema/types.ts, the TypeScript types of the published JSON Schemas
 * (the schemas are the one source of truth; schema.test.ts fails when types.ts is out of date).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { SCHEMA_DIR, SCHEMA_FILES } from './validate.ts';

const HEADER =
  '/* Generated from schema/*.schema.json by `npm run schemas` (schema/generate-types.ts): do not edit. */\n';

/** Every schema's types in one module, compiled together so that types shared through `$ref` are written once. */
export async function schemaTypes(): Promise<string> {
  const all: JSONSchema = {
    title: 'Kripke schemas',
    type: 'object',
    properties: Object.fromEntries(SCHEMA_FILES.map((file) => [file, { $ref: file }])),
  };
  const types = await compile(all, 'kripke', {
    bannerComment: '',
    cwd: fileURLToPath(SCHEMA_DIR),
    additionalProperties: false,
  });
  return HEADER + types;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('types.ts', SCHEMA_DIR), await schemaTypes());
}
