// The ids of the strong matches a duplicate index built from `indexed` gives for `query` (top 5),
// for tests of the rules that make a match strong.

import type { DuplicateDocument } from '../../src/core/model/duplicate.js';
import { createDuplicateIndex } from '../../src/core/duplicates/create-duplicate-index.js';

export function findStrongMatches(
  indexed: readonly DuplicateDocument[],
  query: DuplicateDocument,
): string[] {
  const index = createDuplicateIndex();
  for (const document of indexed) index.add(document);
  return index
    .query(query, { limit: 5 })
    .filter((match) => match.isStrong)
    .map((match) => match.id);
}
