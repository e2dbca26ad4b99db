// countGroups reads capturing groups from a pattern's text; the engine is the reference.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countGroups } from './compile-phrase-dispatch.js';
import { phraseRules } from './phrase-rules.js';

function countByEngine(source: string): number {
  return new RegExp(`${source}|`).exec('')!.length - 1;
}

describe('countGroups', () => {
  it('agrees with the regex engine on every phrase rule', () => {
    for (const rule of phraseRules) {
      expect(countGroups(rule.pattern.source), rule.pattern.source).toBe(
        countByEngine(rule.pattern.source),
      );
    }
  });

  it('agrees with the regex engine on any pattern it accepts', () => {
    const token = fc.constantFrom(
      '(',
      ')',
      '(?:',
      '(?=',
      '(?!',
      '(?<=',
      '(?<!',
      '(?<n>',
      '[',
      ']',
      '\\(',
      '\\)',
      '\\[',
      '\\]',
      '\\\\',
      'a',
      '|',
      '*',
      '?',
      '[(]',
      '[\\]()]',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 12 }), (tokens) => {
        const source = tokens.join('');
        let expected: number;
        try {
          expected = countByEngine(source);
        } catch {
          return; // not a pattern
        }
        expect(countGroups(source)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
