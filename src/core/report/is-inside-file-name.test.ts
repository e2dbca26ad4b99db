import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isInsideFileName } from './is-inside-file-name.js';

function check(text: string, word = 'crash'): boolean {
  const start = text.indexOf(word);
  return isInsideFileName(text, start, start + word.length);
}

describe('isInsideFileName', () => {
  it.each([
    'Attached: crash-0093.png',
    'on the attached crash-52e1.tif. ASan says',
    'see (poc/crash_12.bin)',
    'the file `crash-0093.png`',
  ])('reads the word in "%s" as part of a file name', (text) => {
    expect(check(text)).toBe(true);
  });

  it.each([
    'It is a crash.',
    'the crash: a SEGV',
    'a heap-buffer-overflow crash-free build',
    'crash.',
    'the server crashes.',
  ])('reads the word in "%s" as prose', (text) => {
    expect(check(text)).toBe(false);
  });

  it('never throws for any text and span', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.nat({ max: 300 }),
        fc.nat({ max: 20 }),
        (text, at, length) => {
          const start = Math.min(at, text.length);
          const end = Math.min(start + length, text.length);
          expect(typeof isInsideFileName(text, start, end)).toBe('boolean');
        },
      ),
    );
  });
});
