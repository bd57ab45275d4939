/**
 * The published schemas, loaded into one validator (they refer to each other by file name):
 * `validatorFor('check-result')` checks a value against schema/check-result.schema.json.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';

export const SCHEMA_DIR = new URL('./', import.meta.url);
export const SCHEMA_FILES = readdirSync(SCHEMA_DIR)
  .filter((f) => f.endsWith('.schema.json'))
  .sort();

function loadAll(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  ajvFormats.default(ajv);
  for (const file of SCHEMA_FILES)
    ajv.addSchema(JSON.parse(readFileSync(new URL(file, SCHEMA_DIR), 'utf8')) as object, file);
  return ajv;
}

let ajv: Ajv2020 | undefined;

export function validatorFor(name: string): ValidateFunction {
  ajv ??= loadAll();
  const validate = ajv.getSchema(`${name}.schema.json`);
  if (validate === undefined) throw new Error(`no schema ${name}.schema.json; there are ${SCHEMA_FILES.join(', ')}`);
  return validate;
}
