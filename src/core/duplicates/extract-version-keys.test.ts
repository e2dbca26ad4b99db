import { describe, expect, it } from 'vitest';
import {
  extractVersionKeys,
  namesDevelopmentBuild,
  normalizeVersion,
} from './extract-version-keys.js';

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

  it('reads a fix version with one word between "fixed in" and it', () => {
    expect(extractVersionKeys([], 'It was fixed in version 2.5.3.').fixed).toEqual(['2.5.3']);
    expect(extractVersionKeys([], 'fixed in openjpeg 2.5.3').fixed).toEqual(['2.5.3']);
    expect(extractVersionKeys([], 'first seen in openjpeg 2.5.3').fixed).toEqual([]);
  });

  it('skips sizes, durations and shares written like versions', () => {
    const keys = extractVersionKeys([], 'On 2.5.4 the 1.2 kB file takes 0.5 s and 1.5% CPU.');
    expect(keys.mentioned).toEqual(['2.5.4']);
  });

  it('normalises spellings of one version', () => {
    expect(normalizeVersion('v1.15.0-0')).toBe('1.15');
    expect(normalizeVersion('10.11.2+incompatible')).toBe('10.11.2');
    expect(normalizeVersion('2.0.0')).toBe('2.0');
  });
});

describe('namesDevelopmentBuild', () => {
  it('tells a development build from a release', () => {
    expect(namesDevelopmentBuild('Built from jq-1.7-37-g88f01a7 on Debian')).toBe(true);
    expect(namesDevelopmentBuild('2.0-dev')).toBe(true);
    expect(namesDevelopmentBuild('3.1.0~git')).toBe(true);
    expect(namesDevelopmentBuild('jq-1.7.1 and 2.5.4')).toBe(false);
    expect(namesDevelopmentBuild('1.7-rc1')).toBe(false);
  });
});
