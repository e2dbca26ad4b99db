import { describe, expect, it } from 'vitest';
import { findSentenceEnd } from './read-sentence.js';

describe('findSentenceEnd', () => {
  it('stops at a stop a blank follows, or a line break, never inside a version', () => {
    const text = 'Upgrade 1.21.8 now. Then restart!\nDone';
    expect(findSentenceEnd(text, 0, 400)).toBe(text.indexOf('. '));
    expect(findSentenceEnd(text, 20, 400)).toBe(text.indexOf('!'));
    expect(findSentenceEnd('no stop here', 0, 400)).toBe(12);
    expect(findSentenceEnd('a'.repeat(50), 10, 20)).toBe(30);
  });
});
