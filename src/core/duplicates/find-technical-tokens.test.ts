import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSettings, findTechnicalTokens, isLiteralToken } from './find-technical-tokens.js';

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

  it('reads long constants, escaped letters, mixed-case C names and options with their value', () => {
    const tokens = findTechnicalTokens(
      '',
      [
        'The name VM2_INTERNAL_STATE_DO_NOT_USE_OR_PROGRAM_WILL_FAIL is refused, but',
        '\\u0056M2_INTERNAL_STATE_DO_NOT_USE_OR_PROGRAM_WILL_FAIL is not.',
        'Call cJSONUtils_GetPointer() or SSL_CTX_new(); render with { typographer: true }.',
      ].join(' '),
    );
    expect(tokens).toEqual(
      expect.arrayContaining([
        'vm2_internal_state_do_not_use_or_program_will_fail',
        'cjsonutils_getpointer',
        'ssl_ctx_new',
        'typographer',
      ]),
    );
  });

  it('skips advisory ids, credits, reference links and the words PoC and DoS', () => {
    const tokens = findTechnicalTokens(
      'DoS in the parser (PoC attached)',
      [
        'Known as GHSA-7c4m-qx2v-9hwr and CVE-2024-12345; see',
        'https://github.com/acme/parser/security/advisories for the draft.',
        '## Credits',
        '- beam-fuzz-collective (reporter)',
      ].join('\n'),
    );
    expect(tokens).toEqual([]);
  });

  it('does not read a keyword argument as an option token', () => {
    expect(findTechnicalTokens('', 'return JsonResponse(rows, safe=False)')).toEqual([
      'jsonresponse',
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

describe('findSettings', () => {
  it('reads options and keyword arguments set to a boolean and parameter constants set to 0 or 1', () => {
    expect(
      findSettings(
        '',
        'new NodeVM({ nesting: true }); clean(html, strip=False); ZSTD_d_stableOutBuffer = 1; count = 0',
      ),
    ).toEqual(['nesting', 'strip', 'zstd_d_stableoutbuffer']);
  });
});
