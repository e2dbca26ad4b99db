import { describe, expect, it } from 'vitest';
import { tokenizeForMatching } from './tokenize-for-matching.js';

describe('tokenizeForMatching', () => {
  it('keeps identifiers and paths whole and adds their parts', () => {
    const terms = tokenizeForMatching(
      'readChunkHeader calls parse_header in src/http/parser.c via http.DetectContentType',
    );
    expect(terms).toEqual(
      expect.arrayContaining([
        'readchunkheader',
        'read',
        'chunk',
        'header',
        'parse_header',
        'parse',
        'src/http/parser.c',
        'http.detectcontenttype',
        'detect',
        'content',
      ]),
    );
  });

  it('stems plain words, drops stop words, keeps versions', () => {
    expect(tokenizeForMatching('The attackers parsing headers before v1.2.3')).toEqual([
      'pars',
      'header',
      '1.2.3',
    ]);
  });

  it('maps confusables and ignores zero-width characters', () => {
    expect(tokenizeForMatching('\u0440\u0430rse_he\u200Bader')).toEqual(
      tokenizeForMatching('parse_header'),
    );
  });

  it('caps the number of tokens', () => {
    expect(tokenizeForMatching('word '.repeat(20_000))).toHaveLength(5_000);
    expect(tokenizeForMatching('')).toEqual([]);
  });
});
