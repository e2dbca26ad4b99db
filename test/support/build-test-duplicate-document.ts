// Test helper: a duplicate-index document (core, store and adapter tests) with every list empty, for the fields a test sets.
import type { DuplicateDocument } from '../../src/core/model/duplicate.js';

export function buildTestDuplicateDocument(
  id: string,
  fields: Partial<DuplicateDocument> = {},
): DuplicateDocument {
  return {
    id,
    kind: 'report',
    title: '',
    text: '',
    packages: [],
    aliases: [],
    cwes: [],
    paths: [],
    functions: [],
    published: null,
    ...fields,
  };
}
