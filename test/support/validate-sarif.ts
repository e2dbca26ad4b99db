// Validates SARIF logs against the official SARIF 2.1.0 JSON Schema (draft-04) with Ajv.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const schemaPath = resolve(
  import.meta.dirname,
  '../../../shared/data/schemas/sarif-schema-2.1.0.json',
);
let validator: (((data: unknown) => boolean) & { errors?: unknown[] | null }) | undefined;

/** The schema errors of a SARIF log's text; empty when it is valid. */
export function validateSarif(text: string): unknown[] {
  if (validator === undefined) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validator = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
  }
  return validator(JSON.parse(text)) ? [] : [...(validator.errors ?? [])];
}
