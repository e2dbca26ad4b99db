import { describe, expect, it } from 'vitest';
import { extractVersionKeys, normalizeVersion } from './extract-version-keys.js';

describe('extractVersionKeys', () => {
  it('reads fix versions from OSV ranges and constraint text', () => {
    expect(extractVersionKeys(['introduced 0, fixed 14.0.1'], '').fixed).toEqual(['14.0.1']);
    expect(extractVersionKeys(['introduced 4.0.0, last_affected 4.1.0'], '').fixed).toEqual([]);
    expect(extractVersionKeys(['1.x: >=1.0.0, <1.4.4'], '').fixed).toEqual(['1.4.4']);
    expect(
      extractVersionKeys(['patched_versions: ~> 3.0.4, >= 3.1.2; unaffected_versions: < 2.0.0'], '')
        .fixed,
    ).toEqual(['3.0.4', '3.1.2']);
    expect(extractVersionKeys(['patched: >= 0.73.1'], '').fixed).toEqual(['0.73.1']);
  });

  it('reads "before X" in prose as a fix version', () => {
    const keys = extractVersionKeys(
      [],
      'Docker before 1.3.1 and docker-py before 0.5.3 fall back to HTTP; seen on 2.0.',
    );
    expect(keys.fixed).toEqual(['1.3.1', '0.5.3']);
  });

  it('reads "the fix released in X" in prose as a fix version', () => {
    const keys = extractVersionKeys(
      [],
      'A gap left by the fix released in 3.1.4; the patch was shipped in 3.1.5. Seen on 3.1.4.',
    );
    expect(keys.fixed).toEqual(['3.1.4', '3.1.5']);
    expect(extractVersionKeys([], 'It was released in 3.1.4.').fixed).toEqual([]);
  });

  it('normalises spellings of one version', () => {
    expect(normalizeVersion('v1.15.0-0')).toBe('1.15');
    expect(normalizeVersion('10.11.2+incompatible')).toBe('10.11.2');
    expect(normalizeVersion('2.0.0')).toBe('2.0');
  });
});
