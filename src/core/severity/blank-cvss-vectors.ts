// The body with every CVSS vector blanked out (same length, so spans still point into the body):
// the severity model reads what the report describes, not the reporter's own vector.

import type { Fact } from '../model/fact.js';

export function blankCvssVectors(body: string, facts: readonly Fact[]): string {
  let text = body;
  for (const fact of facts) {
    if (fact.kind !== 'cvss-vector') continue;
    const { start, end } = fact.span;
    text = text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
  }
  return text;
}
