import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTestReport } from '../report/build-test-report.js';
import { extractFacts } from '../report/extract-facts.js';
import { extractCodeClaims } from './extract-code-claims.js';
import { findNameClaims } from './find-name-claims.js';

const span = (start: number, end: number) => ({ start, end, line: 1 });

function names(prose: string): string[] {
  return findNameClaims(prose, span, () => null).map((draft) =>
    draft.kind === 'option' ? `option ${draft.text}` : `${draft.symbolKind!} ${draft.text}`,
  );
}

describe('findNameClaims', () => {
  it('reads constants, macros and enum values in SCREAMING_CASE', () => {
    expect(
      names('Set `CURLOPT_FOLLOWLOCATION`, pass O_NOFOLLOW and compare with EVP_MAX_MD_SIZE.'),
    ).toEqual([
      'constant CURLOPT_FOLLOWLOCATION',
      'constant O_NOFOLLOW',
      'constant EVP_MAX_MD_SIZE',
    ]);
  });

  it('leaves ids, vectors and shouting alone', () => {
    expect(names('See CVE_2024_1234, GHSA_x, AV:N/AC:L and this is VERY_BAD? A_B.')).toEqual([
      'constant VERY_BAD',
    ]);
    expect(names('https://example.com/XML_ERROR_X/page')).toEqual([]);
  });

  it('reads struct types, dotted names in inline code and options', () => {
    expect(
      names(
        'The `struct XML_ParserStruct` member; call `jv.parse_sized` or `django.utils.html.urlize`; run with --seq and `jq --raw-output`.',
      ),
    ).toEqual([
      'type XML_ParserStruct',
      'function jv.parse_sized',
      'function django.utils.html.urlize',
      'option --raw-output',
      'option --seq',
    ]);
  });

  it('leaves file names, domains and other tools’ options alone', () => {
    expect(
      names(
        'Open `xmlparse.c`, `example.com`; build with `gcc --std=c99`, `./configure --enable-debug` and --with-ssl.',
      ),
    ).toEqual([]);
    expect(
      names(
        'Run `dotnet list package --vulnerable`, then `./gradlew dependencyCheckAnalyze --info` and `mvn -q dependency:tree --offline`.',
      ),
    ).toEqual([]);
  });

  it('leaves the options of a pasted scanner or package tool command line alone', () => {
    expect(
      names(
        '$ osv-scanner --lockfile Package.resolved\nmix deps.audit --format human\nRun it with --seq.',
      ),
    ).toEqual(['option --seq']);
  });

  it('leaves the options of a command line pasted from a terminal to its tool', () => {
    expect(
      names(
        'Our pipeline fails:\n$ bundle exec bundler-audit check --update\nRun jq with --seq to see it.',
      ),
    ).toEqual(['option --seq']);
  });
});

describe('extractCodeClaims with names and roles', () => {
  const report = [
    '# Heap overflow in XML_ParseBuffer with XML_CONTEXT_BYTES',
    '',
    '## Summary',
    'The overflow is in `doProlog()` in `lib/xmlparse.c`, which trusts `len`.',
    'The same file also has `XML_GetBuffer()`, which is fine.',
    '',
    '```',
    '==1==ERROR: AddressSanitizer: heap-buffer-overflow',
    '    #0 0x4a in __interceptor_memcpy (/usr/lib/libasan.so.8+0x1)',
    '    #1 0x4b in storeAtts lib/xmlparse.c:3300:7',
    '    #2 0x4c in doContent lib/xmlparse.c:2900:9',
    '    #3 0x4d in __libc_start_main (/lib/x86_64-linux-gnu/libc.so.6+0x29d90)',
    '```',
    '',
    'Run `./xmlwf/xmlwf` on the input; then `/usr/bin/time` it.',
  ].join('\n');
  const claims = (() => {
    const parsed = buildTestReport(report);
    return extractCodeClaims(parsed, extractFacts(parsed));
  })();
  const find = (text: string) => claims.find((claim) => claim.text === text || claim.path === text);

  it('finds the names the report rests on as location claims', () => {
    expect(find('XML_CONTEXT_BYTES')).toMatchObject({ symbolKind: 'constant', role: 'location' });
    expect(find('doProlog')).toMatchObject({ role: 'location' });
    expect(find('storeAtts')).toMatchObject({ role: 'location' });
    expect(find('doContent')?.role).toBeUndefined();
    expect(find('XML_GetBuffer')?.role).toBeUndefined();
  });

  it('marks build outputs and system paths external', () => {
    expect(find('./xmlwf/xmlwf')?.externalTo).toBe('a build output');
    expect(find('/usr/bin/time')?.externalTo).toBe('the system');
  });

  it('never throws and keeps every name claim at its place in the body (property)', () => {
    const fragments = fc.constantFrom(
      'XML_ERROR_X ',
      '`struct foo_bar` ',
      '`pkg.func_name` ',
      '--opt-name ',
      '`jq --seq` ',
      'O_NOFOLLOW ',
      '__interceptor_memcpy ',
      '    #0 0x1 in f (/lib/libc.so.6+0x1)\n',
      '```\n',
      '# T\n',
      'in `f()` the overflow ',
      '\n',
      '`',
      'a.out ',
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fragments, fc.string({ maxLength: 8 })), { maxLength: 40 }),
        (parts) => {
          const body = parts.join('');
          const parsed = buildTestReport(body);
          for (const claim of extractCodeClaims(parsed, extractFacts(parsed))) {
            expect(claim.span.start).toBeGreaterThanOrEqual(0);
            expect(claim.span.end).toBeLessThanOrEqual(parsed.body.length);
            if (claim.kind === 'symbol' && claim.symbolKind === 'constant')
              expect(parsed.body.slice(claim.span.start, claim.span.end)).toBe(claim.text);
            if (claim.kind === 'option')
              expect(parsed.body.slice(claim.span.start, claim.span.end)).toBe(claim.text);
          }
        },
      ),
    );
  });
});
