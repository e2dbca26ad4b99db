import { describe, expect, it } from 'vitest';
import { suggestClosestKey } from './suggest-closest-key.js';

const keys = ['in-scope', 'out-of-scope', 'components'];

describe('suggestClosestKey', () => {
  it('suggests a key one or two typos away', () => {
    expect(suggestClosestKey('out-of-scop', keys)).toBe('out-of-scope');
    expect(suggestClosestKey('compnents', keys)).toBe('components');
  });

  it('recognises the same words in another case or separator', () => {
    expect(suggestClosestKey('outOfScope', keys)).toBe('out-of-scope');
    expect(suggestClosestKey('in_scope', keys)).toBe('in-scope');
  });

  it('suggests nothing for unrelated or very short keys', () => {
    expect(suggestClosestKey('colour', keys)).toBeUndefined();
    expect(suggestClosestKey('b', ['a'])).toBeUndefined();
    expect(suggestClosestKey('x'.repeat(10_000), keys)).toBeUndefined();
  });
});
