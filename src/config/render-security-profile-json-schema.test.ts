import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  renderSecurityProfileJsonSchema,
  securityProfileJsonSchemaPath,
} from './render-security-profile-json-schema.js';

describe('renderSecurityProfileJsonSchema', () => {
  it('matches the committed schema file (run `npm run schema` after changing the zod schema)', async () => {
    const committed = await readFile(
      new URL(`../../${securityProfileJsonSchemaPath}`, import.meta.url),
      'utf8',
    );
    expect(committed).toBe(renderSecurityProfileJsonSchema());
  });

  it('describes the file for editors: id, title, strict keys and help text', () => {
    const schema = JSON.parse(renderSecurityProfileJsonSchema()) as Record<string, unknown>;
    expect(schema).toMatchObject({
      $id: 'urn:thresher:schema:security-profile:1',
      title: 'Thresher security profile',
      additionalProperties: false,
      required: ['version', 'project', 'policy'],
      properties: { version: { const: 1, description: 'The profile format version; always 1.' } },
    });
  });
});
