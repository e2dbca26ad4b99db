import { describe, expect, it } from 'vitest';
import { compilePhraseDispatch } from './compile-phrase-dispatch.js';
import { phraseDispatchTable } from './phrase-dispatch-table.js';
import { phraseRules } from './phrase-rules.js';

describe('phraseDispatchTable', () => {
  it('is what the phrase rules compile to now (else run `npm run build:phrase-dispatch`)', () => {
    expect(phraseDispatchTable).toEqual(compilePhraseDispatch(phraseRules));
  });

  it('names every rule once per group and every rule at least once', () => {
    const named = new Set<number>();
    for (const group of phraseDispatchTable.groups) {
      const rules = group.rules;
      expect(new Set(rules).size).toBe(rules.length);
      rules.forEach((rule) => named.add(rule));
    }
    phraseDispatchTable.scanned.forEach(({ rule }) => named.add(rule));
    expect([...named].sort((a, b) => a - b)).toEqual(phraseRules.map((_, index) => index));
  });
});
