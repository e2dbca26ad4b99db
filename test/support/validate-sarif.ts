// Validates a SARIF log against the official 2.1.0 schema in ../shared/data/schemas (draft-04).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';

const schemaPath = join(
  import.meta.dirname,
  '../../../shared/data/schemas/sarif-schema-2.1.0.json',
);

type Validate = ((log: unknown) => boolean) & { errors?: unknown };
let compiled: Validate | null = null;

function compileSchema(): Validate {
  // Both packages are CommonJS: under NodeNext their classes are the `default` export.
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
  ajvFormats.default(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object) as Validate;
}

/** The schema's complaints about `log`, or [] when it is valid SARIF 2.1.0. */
export function findSarifErrors(log: unknown): string[] {
  compiled ??= compileSchema();
  if (compiled(log)) return [];
  return ((compiled.errors ?? []) as Array<{ instancePath: string; message?: string }>).map(
    (error) => `${error.instancePath} ${error.message ?? ''}`,
  );
}

/** The schema errors of a SARIF log's text; empty when it is valid. */
export function validateSarif(text: string): string[] {
  return findSarifErrors(JSON.parse(text));
}
