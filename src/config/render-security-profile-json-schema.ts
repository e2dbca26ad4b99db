// Renders the JSON Schema that editors use to validate and complete `security-profile.yml`,
// generated from the zod schema so the two cannot disagree.

import * as z from 'zod';
import { securityProfileFileSchema } from './security-profile-schema.js';

/** Where the generated schema is committed, relative to the package root. */
export const securityProfileJsonSchemaPath = 'schema/security-profile.schema.json';

// A stable identifier for the schema, not a download location: editors are pointed at the file.
const schemaId = 'urn:thresher:schema:security-profile:1';

/** The JSON Schema (draft 2020-12) for the file as written, as formatted JSON text. */
export function renderSecurityProfileJsonSchema(): string {
  const { $schema, title, description, ...rest } = z.toJSONSchema(securityProfileFileSchema, {
    io: 'input',
    target: 'draft-2020-12',
  });
  const ordered = { $schema, $id: schemaId, title, description, ...rest };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
