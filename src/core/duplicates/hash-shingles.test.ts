import { describe, expect, it } from 'vitest';
import { countSharedShingles, hashShingles } from './hash-shingles.js';

describe('hashShingles', () => {
  it('finds the shingles a pasted copy shares with its original', () => {
    const original =
      'the decoder copies the frame past the end of the heap buffer when the length is large';
    const a = hashShingles(original);
    const b = hashShingles(`Hi team, ${original.toUpperCase()}! Regards`);
    expect(a.length).toBeGreaterThan(8);
    expect(countSharedShingles(a, b)).toBe(a.length);
    expect(
      countSharedShingles(
        a,
        hashShingles('an unrelated sentence about cookies and sessions in the browser'),
      ),
    ).toBe(0);
  });

  it('is bounded for huge input and empty for short input', () => {
    expect(
      hashShingles('a b c d e f g h i j k l m n o p q r s t u v w x y z '.repeat(40_000)).length,
    ).toBeLessThanOrEqual(1_000);
    expect(hashShingles('too short')).toHaveLength(0);
  });
});
