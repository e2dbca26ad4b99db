import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareLineClaim,
  findBestSnippetMatch,
  pickSnippetProbes,
  pickSnippetNames,
  truncatedSnippetMarker,
} from './match-snippet.js';
import { measureGrowth } from '../../../test/support/measure-work.js';

/** A C-like file whose lines are all different, like real code. */
function buildFile(lineCount: number, seed = 0): string[] {
  return Array.from({ length: lineCount }, (_, index) => {
    const n = index + seed;
    switch (n % 5) {
      case 0:
        return `static int handler_${n}(struct conn_${n % 13} *conn) {`;
      case 1:
        return `    size_t len_${n} = conn->buffer_${n % 7} + ${n};`;
      case 2:
        return `    if (len_${n - 1} > LIMIT_${n % 11}) return -${n};`;
      case 3:
        return `    memcpy(dst_${n}, src_${n % 17}, len_${n - 2});`;
      default:
        return '}';
    }
  });
}

const parser = [
  '#include "parser.h"', // 1
  '', // 2
  'int', // 3
  'parse_header(struct th_conn *conn, const char *buf, size_t len)', // 4
  '{', // 5
  '    char name[64];', // 6
  '    size_t n = strcspn(buf, ":");', // 7
  '    if (n >= sizeof(name))', // 8
  '        return -1;', // 9
  '    memcpy(name, buf, n);', // 10
  '    name[n] = 0;', // 11
  '    return th_conn_add_header(conn, name, buf + n + 1);', // 12
  '}', // 13
].join('\n');

describe('findBestSnippetMatch', () => {
  it('finds quoted code whatever its indentation and spacing', () => {
    const snippet =
      'size_t n=strcspn( buf, ":" );\nif(n >= sizeof(name))\n  return -1;\nmemcpy(name,buf,n);';
    expect(findBestSnippetMatch(parser, snippet)).toMatchObject({
      startLine: 7,
      endLine: 10,
      similarity: 1,
    });
  });

  it('tolerates a small edit and reports a lower similarity', () => {
    const snippet =
      '    size_t n = strcspn(buf, ":");\n    if (n > sizeof(name))\n        return -1;\n    memcpy(name, buf, n);';
    const match = findBestSnippetMatch(parser, snippet);
    expect(match?.startLine).toBe(7);
    expect(match?.endLine).toBe(10);
    expect(match!.similarity).toBeGreaterThan(0.8);
    expect(match!.similarity).toBeLessThan(1);
  });

  it('tolerates a dropped line and an elision marker', () => {
    const snippet = 'char name[64];\n...\nif (n >= sizeof(name))\n    return -1;\nname[n] = 0;';
    const match = findBestSnippetMatch(parser, snippet);
    expect(match).toMatchObject({ startLine: 6, endLine: 11 });
    expect(match!.similarity).toBeGreaterThan(0.6);
  });

  it('finds code when no line matches exactly, by its identifiers', () => {
    const snippet = 'return th_conn_add_header(conn, name, buf + n);';
    expect(findBestSnippetMatch(parser, snippet)?.startLine).toBe(12);
  });

  it('returns null for invented code', () => {
    const snippet =
      'if (secure_headers_enabled(cfg))\n    http_parse_secure_headers(req, cfg->policy);\n';
    expect(findBestSnippetMatch(parser, snippet)).toBeNull();
    expect(findBestSnippetMatch('', snippet)).toBeNull();
    expect(findBestSnippetMatch(parser, '\n\n')).toBeNull();
  });

  it('ignores what follows the truncation marker', () => {
    const snippet = `memcpy(name, buf, n);\nname[n] = 0;${truncatedSnippetMarker}\ninvented_line(1);`;
    expect(findBestSnippetMatch(parser, snippet)).toMatchObject({
      startLine: 10,
      endLine: 11,
      similarity: 1,
    });
  });

  it('matches a 30-line snippet in a 2,000-line file', () => {
    const lines = buildFile(2000);
    const file = lines.join('\n');
    const snippet = lines
      .slice(1200, 1230)
      .map((line) => `  ${line.replace(/ /g, '  ')}`)
      .join('\n');
    // Its speed is measured in bench/evidence.bench.ts (docs/evidence.md has the figure).
    expect(findBestSnippetMatch(file, snippet)?.startLine).toBe(1201);
  });

  it('stays bounded on a 1 MB snippet, a 100k-line file and binary-looking text', () => {
    const file = buildFile(100_000).join('\n');
    const huge = 'x = y;\n'.repeat(150_000);
    findBestSnippetMatch(file, huge);
    findBestSnippetMatch(file, buildFile(40, 50_000).join('\n'));
    const binary = Array.from({ length: 20_000 }, (_, index) =>
      String.fromCharCode(index % 256),
    ).join('');
    findBestSnippetMatch(binary, binary.slice(5000, 6000));
    pickSnippetProbes(huge);
    const growth = measureGrowth(
      (size) => 'x = y;\n'.repeat(size / 7),
      (snippet) => findBestSnippetMatch(file, snippet),
    );
    expect(growth.ratio).toBeLessThan(5);
    expect(findBestSnippetMatch(file, buildFile(40, 50_000).join('\n'))?.startLine).toBe(50_001);
  });

  it('finds an embedded snippet at the right line despite whitespace changes (property)', () => {
    const respace = (line: string, spaces: number): string =>
      `${' '.repeat(spaces)}${line.replace(/ /g, spaces % 2 === 0 ? '  ' : '\t')}`;
    fc.assert(
      fc.property(
        fc.integer({ min: 40, max: 400 }),
        fc.integer({ min: 1, max: 30 }),
        fc.nat(),
        fc.nat({ max: 1000 }),
        fc.array(fc.nat({ max: 6 }), { minLength: 30, maxLength: 30 }),
        (fileLength, snippetLength, where, seed, spacing) => {
          const lines = buildFile(fileLength, seed);
          const start = where % (fileLength - snippetLength);
          const snippet = lines
            .slice(start, start + snippetLength)
            .map((line, index) => respace(line, spacing[index]!))
            .join('\n');
          const match = findBestSnippetMatch(lines.join('\n'), snippet);
          // A snippet of only `}` lines says nothing; any other is found where it was taken.
          if (lines.slice(start, start + snippetLength).some((line) => line !== '}')) {
            expect(match).not.toBeNull();
            expect(match!.similarity).toBe(1);
            const first = lines
              .slice(start, start + snippetLength)
              .findIndex((line) => line.trim() !== '');
            expect(match!.startLine).toBe(start + first + 1);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('pickSnippetProbes', () => {
  it('picks up to three distinctive lines, not braces, keywords or comments', () => {
    const snippet =
      '{\n  // copy the header name into the buffer\n  return 0;\n  } else {\n  size_t n = strcspn(buf, ":");\n  memcpy(name, buf, n);\n  return th_conn_add_header(conn, name, buf + n + 1);\n  name[n] = 0;\n}';
    const probes = pickSnippetProbes(snippet);
    expect(probes).toHaveLength(3);
    expect(probes[0]).toBe('return th_conn_add_header(conn, name, buf + n + 1);');
    expect(probes).toContain('size_t n = strcspn(buf, ":");');
    expect(probes.join('\n')).not.toMatch(/copy the header|return 0|else/);
  });

  it('returns nothing for generic code', () => {
    expect(pickSnippetProbes('}\n{\nreturn 0;\nbreak;\n// TODO\n')).toEqual([]);
  });
});

describe('compareLineClaim', () => {
  it('says whether the cited lines exist and what they hold', () => {
    expect(compareLineClaim(parser, { start: 10, end: 10 })).toEqual({
      isInside: true,
      lineCount: 13,
      actual: '    memcpy(name, buf, n);',
    });
    expect(compareLineClaim(parser, { start: 12, end: 14 }).isInside).toBe(false);
    expect(compareLineClaim(parser, { start: 120, end: 120 })).toMatchObject({
      isInside: false,
      actual: '',
    });
    expect(compareLineClaim(`${parser}\n`, { start: 13, end: 13 }).lineCount).toBe(13);
  });

  it('compares a quote with the cited lines, allowing context around a single cited line', () => {
    const atLine = compareLineClaim(parser, { start: 10, end: 10 }, 'memcpy(name, buf, n);');
    expect(atLine.similarity).toBe(1);
    expect(atLine.bestMatch).toBeUndefined();
    const around = compareLineClaim(
      parser,
      { start: 10, end: 10 },
      'if (n >= sizeof(name))\n    return -1;\nmemcpy(name, buf, n);',
    );
    expect(around.similarity).toBe(1);
  });

  it('points at the lines the quote really is on when they moved', () => {
    const moved = [
      '/* new license header */',
      '',
      '',
      ...parser.split('\n').map((line) => line),
      '',
    ].join('\n');
    const far = `${'int unrelated_padding_function(void);\n'.repeat(40)}${moved}`;
    const result = compareLineClaim(
      far,
      { start: 10, end: 10 },
      'memcpy(name, buf, n);\nname[n] = 0;',
    );
    expect(result.similarity).toBe(0);
    expect(result.bestMatch).toMatchObject({ startLine: 53, endLine: 54, similarity: 1 });
  });

  it('reports no match for an invented quote', () => {
    const result = compareLineClaim(
      parser,
      { start: 10, end: 10 },
      'http_parse_secure_headers(req, policy);',
    );
    expect(result.similarity).toBe(0);
    expect(result.bestMatch).toBeUndefined();
  });
});

describe('findBestSnippetMatch: punctuation and wrapping', () => {
  const source = [
    'int f(struct conn *c)',
    '{',
    '    parser->m_bufferEnd += len;',
    '    result = call_with_many_arguments(first_argument,',
    '                                      second_argument, third);',
    '    return 0;',
    '}',
  ].join('\n');

  it('finds inline code quoted without its trailing semicolon', () => {
    expect(findBestSnippetMatch(source, 'parser->m_bufferEnd += len')).toMatchObject({
      startLine: 3,
      endLine: 3,
      similarity: 1,
    });
  });

  it('finds code wrapped at other places', () => {
    expect(
      findBestSnippetMatch(
        source,
        'result = call_with_many_arguments(first_argument, second_argument, third);',
      ),
    ).toMatchObject({ startLine: 4, endLine: 5, similarity: 1 });
  });

  it('finds part of a line verbatim, a little below a whole-line match', () => {
    expect(findBestSnippetMatch(source, 'call_with_many_arguments(first_argument')).toMatchObject({
      startLine: 4,
      similarity: 0.9,
    });
  });
});

describe('re-quoted and re-formatted snippets', () => {
  const file = [
    'def load(path):',
    "    data = open(path, 'rb').read()",
    '    return parse(data, mode="strict")',
    '',
  ].join('\n');

  it('matches modulo quote marks, typographic ones included', () => {
    expect(findBestSnippetMatch(file, 'data = open(path, "rb").read()')?.similarity).toBe(1);
    expect(
      findBestSnippetMatch(
        file,
        'data = open(path, ‘rb’).read()\nreturn parse(data, mode=‘strict’)',
      )?.similarity,
    ).toBe(1);
  });

  it('names the distinctive identifiers to look for', () => {
    expect(
      pickSnippetNames('data = open(path, "rb").read()\nreturn parse(data, mode="strict")'),
    ).toEqual(['strict', 'parse']);
    expect(pickSnippetNames('return x;')).toEqual([]);
  });
});
