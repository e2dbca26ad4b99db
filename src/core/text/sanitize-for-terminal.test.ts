import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  sanitizeForTerminal,
  sanitizeLineForTerminal,
  stringifyJsonForTerminal,
} from './sanitize-for-terminal.js';

// Every character a terminal or a bidi-aware viewer acts on, besides line feed and tab.
const isUnsafe = (code: number): boolean =>
  (code < 0x20 && code !== 0x09 && code !== 0x0a) ||
  (code >= 0x7f && code <= 0x9f) ||
  code === 0x061c ||
  (code >= 0x200b && code <= 0x200f) ||
  (code >= 0x2028 && code <= 0x202e) ||
  (code >= 0x2060 && code <= 0x2069) ||
  code === 0xfeff;

describe('sanitizeForTerminal', () => {
  it('shows escape sequences, carriage returns and bidi overrides as visible text', () => {
    expect(sanitizeForTerminal('\u001b[1A\u001b[2Kin-scope 100\r')).toBe(
      '\\x1b[1A\\x1b[2Kin-scope 100\\x0d',
    );
    expect(sanitizeForTerminal('\u001b]0;owned\u0007')).toBe('\\x1b]0;owned\\x07');
    expect(sanitizeForTerminal('abc\u202edcba')).toBe('abc\\u{202e}dcba');
    expect(sanitizeForTerminal('\u009b31m')).toBe('\\x9b31m');
  });

  it('keeps line feeds, tabs and ordinary Unicode; the line variant escapes them too', () => {
    expect(sanitizeForTerminal('a\n\tb é 漢字 😀')).toBe('a\n\tb é 漢字 😀');
    expect(sanitizeLineForTerminal('a\n\tb')).toBe('a\\x0a\\x09b');
  });

  it('escapes lone surrogate halves but keeps pairs', () => {
    expect(sanitizeForTerminal('\ud83d')).toBe('\\u{d83d}');
    expect(sanitizeForTerminal('x\ude00')).toBe('x\\u{de00}');
  });

  it('never lets an unsafe character through, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const out = sanitizeForTerminal(text);
        for (const character of out) {
          expect(isUnsafe(character.codePointAt(0)!)).toBe(false);
        }
      }),
    );
  });

  it('writes the same characters as JSON escapes in JSON, which parses back to the same data', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (text) => {
        const json = stringifyJsonForTerminal({ title: text });
        expect(JSON.parse(json)).toEqual({ title: text });
        for (const character of json) expect(isUnsafe(character.codePointAt(0)!)).toBe(false);
      }),
    );
  });
});
