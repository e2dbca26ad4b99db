import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTechnicalTokens, isLiteralToken } from './find-technical-tokens.js';

describe('findTechnicalTokens', () => {
  it('keeps protocol constants, settings, flags, class and method names', () => {
    const tokens = findTechnicalTokens(
      'EXT_INFO after a re-key',
      'We send HEADERS then a WINDOW_UPDATE; set permitted_hosts and --ping-user-agent; the class ArrayAccess calls offsetGet(); server-sig-algs falls back to rsa-sha2-512.',
    );
    expect(tokens).toEqual(
      expect.arrayContaining([
        'ext_info',
        'window_update',
        'permitted_hosts',
        'ping-user-agent',
        'arrayaccess',
        'offsetget',
        'server-sig-algs',
        'rsa-sha2-512',
      ]),
    );
  });

  it('keeps endpoints, query parameters and crafted literals', () => {
    const tokens = findTechnicalTokens(
      '',
      'Open https://sso.example/oauth2/start?rd=/%09/phish.example and send Content-Length: +44 (a %20 is nothing).',
    );
    expect(tokens).toEqual(expect.arrayContaining(['/oauth2/start', 'rd=', '%09', '+44']));
    expect(tokens).not.toContain('%20');
    expect(tokens.filter(isLiteralToken).sort()).toEqual(['%09', '+44']);
  });

  it('skips prose, file and folder stems, brands and names every bug of a kind shares', () => {
    const tokens = findTechnicalTokens(
      'Heap overflow reported on GitHub',
      [
        'The code is in ext/puma_http11/http11_parser.rl and http11_parser.java.rl.',
        'A server-side, zero-sized man-in-the-middle peer-to-peer use-after-free.',
        '==1==ERROR: AddressSanitizer: heap-buffer-overflow, a size_t and a TypeError from toString().',
        'Run with -t and -b.',
      ].join('\n'),
    );
    expect(tokens).toEqual([]);
  });

  it('reads a request pasted as a string literal without its escapes', () => {
    expect(findTechnicalTokens('', 'send "GET / HTTP/1.1\\r\\nRST_STREAM"')).toEqual([
      'rst_stream',
    ]);
  });

  it('returns lower-cased, distinct tokens for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), (title, text) => {
        const tokens = findTechnicalTokens(title, text);
        expect(new Set(tokens).size).toBe(tokens.length);
        for (const token of tokens) {
          expect(token).toBe(token.toLowerCase());
          expect(token.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
