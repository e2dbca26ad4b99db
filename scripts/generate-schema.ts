// Writes schema/security-profile.schema.json from the zod schema. Run with `npm run schema`
// after changing src/config/security-profile-schema.ts; a test fails while the file is stale.

import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  renderSecurityProfileJsonSchema,
  securityProfileJsonSchemaPath,
} from '../src/config/render-security-profile-json-schema.js';

const target = fileURLToPath(new URL(`../${securityProfileJsonSchemaPath}`, import.meta.url));
await writeFile(target, renderSecurityProfileJsonSchema());
console.log(`wrote ${securityProfileJsonSchemaPath}`);
