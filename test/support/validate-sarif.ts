// Validates SARIF logs against the official SARIF 2.1.0 JSON Schema (draft-04) with Ajv.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';

const schemaPath = resolve(
  import.meta.dirname,
  '../../../shared/data/schemas/sarif-schema-2.1.0.json',
);

type Validator = ((data: unknown) => boolean) & { errors?: unknown[] | null };
let validator: Validator | undefined;

function getValidator(): Validator {
  if (validator === undefined) {
    // Both packages are CommonJS with the class (or plugin) on `default` as well.
    const ajv = new ajvDraft04.default({ allErrors: true, strict: false });
    ajvFormats.default(ajv);
    validator = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
  }
  return validator;
}

/** The schema errors of a SARIF log's text; empty when it is valid. */
export function validateSarif(text: string): unknown[] {
  const validate = getValidator();
  return validate(JSON.parse(text)) ? [] : [...(validate.errors ?? [])];
}
