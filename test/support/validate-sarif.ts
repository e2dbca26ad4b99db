// Validates a SARIF log against the official 2.1.0 schema in ../shared/data/schemas (draft-04).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const schemaPath = join(
  import.meta.dirname,
  '../../../shared/data/schemas/sarif-schema-2.1.0.json',
);

let validate: (((log: unknown) => boolean) & { errors?: unknown }) | null = null;

/** The schema's complaints about `log`, or [] when it is valid SARIF 2.1.0. */
export function findSarifErrors(log: unknown): string[] {
  if (validate === null) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
  }
  if (validate(log)) return [];
  return ((validate.errors ?? []) as Array<{ instancePath: string; message?: string }>).map(
    (error) => `${error.instancePath} ${error.message ?? ''}`,
  );
}
