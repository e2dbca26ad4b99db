// The evidence check's pure decisions between reading the repository and judging: no git needed.
import { describe, expect, it } from 'vitest';
import type { CheckedClaim, CodeClaim } from '../model/evidence.js';
import { summarizeCheckedRevision } from './describe-revision-check.js';
import { evidenceThresholds } from './evidence-thresholds.js';
import {
  findQuotedCode,
  groupHitsBySymbol,
  isLaterChangeWanted,
  listSymbolsToSearch,
  locateCitedLines,
  pickSnippetFiles,
  pickSymbolFiles,
  listRustModuleFiles,
  spellOption,
} from './plan-claim-checks.js';

const span = { start: 0, end: 1, line: 1 };
const commit = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

function verified(claim: CodeClaim, proof: CheckedClaim['proof']): CheckedClaim {
  return { claim, status: 'verified', proof };
}

describe('which names and files to search', () => {
  it('searches each of the project’s symbols once, not other projects’ names', () => {
    const claims: CodeClaim[] = [
      { kind: 'symbol', text: 'parse_header()', symbol: 'parse_header', span },
      { kind: 'symbol', text: 'parse_header', span },
      { kind: 'symbol', text: 'memcpy', span, externalTo: 'the C library' },
      { kind: 'file', text: 'src/parser.c', path: 'src/parser.c', span },
    ];
    expect(listSymbolsToSearch(claims)).toEqual(['parse_header']);
  });

  it('splits one search back per symbol; a line naming two counts for both', () => {
    const hits = [
      { path: 'a.c', line: 1, text: 'tx_parse(tx_count())' },
      { path: 'b.c', line: 2, text: 'tx_count();' },
    ];
    const grouped = groupHitsBySymbol(['tx_parse', 'tx_count', 'tx_free'], hits);
    expect(grouped.get('tx_parse')).toEqual([hits[0]]);
    expect(grouped.get('tx_count')).toEqual(hits);
    expect(grouped.get('tx_free')).toEqual([]);
  });

  it('reads a symbol’s source files before its documentation, a bounded number', () => {
    const hits = [
      { path: 'docs/api.md', line: 1, text: 'tx_parse' },
      { path: 'src/parser.c', line: 9, text: 'tx_parse' },
      { path: 'src/parser.c', line: 12, text: 'tx_parse' },
    ];
    const files = pickSymbolFiles(hits);
    expect(files).toHaveLength(2);
    expect(files.indexOf('src/parser.c')).toBeLessThan(files.indexOf('docs/api.md'));
    const many = Array.from({ length: 50 }, (_, index) => ({
      path: `src/f${index}.c`,
      line: 1,
      text: 'x',
    }));
    expect(pickSymbolFiles(many)).toHaveLength(evidenceThresholds.maxCandidateFilesPerSymbol);
  });

  it('reads the files of the class a JVM or .NET name qualifies its method with first', () => {
    const users = Array.from({ length: 30 }, (_, index) => ({
      path: `lib/src/User${index}.kt`,
      line: 1,
      text: 'readRemaining()',
    }));
    const kotlin = [
      ...users,
      { path: 'io/common/src/ByteReadChannelOperations.kt', line: 9, text: 'x' },
    ];
    expect(
      pickSymbolFiles(kotlin, 'io.ktor.utils.io.ByteReadChannelOperationsKt.readRemaining')[0],
    ).toBe('io/common/src/ByteReadChannelOperations.kt');
    const csharp = [
      ...users.map((user) => ({ ...user, path: user.path.replace('.kt', '.cs') })),
      { path: 'src/Lib/RestClient.Async.cs', line: 9, text: 'x' },
    ];
    expect(pickSymbolFiles(csharp, 'Lib.RestClient.ExecuteAsync')[0]).toBe(
      'src/Lib/RestClient.Async.cs',
    );
    expect(pickSymbolFiles(csharp, 'ExecuteAsync')[0]).toBe('lib/src/User0.cs');
  });

  it('reads the files of the Rust modules a path names first', () => {
    const many = Array.from({ length: 30 }, (_, index) => ({
      path: `src/m${index}.rs`,
      line: 1,
      text: 'fn decode(',
    }));
    const hits = [...many, { path: 'src/codec/frame/mod.rs', line: 3, text: 'fn decode(' }];
    expect(pickSymbolFiles(hits, 'tinyframe::codec::frame::Decoder::decode')[0]).toBe(
      'src/codec/frame/mod.rs',
    );
    expect(pickSymbolFiles(hits, 'Decoder::decode')[0]).toBe('src/m0.rs');
    expect(listRustModuleFiles('tinyframe::codec::frame::Decoder::decode')).toEqual([
      'tinyframe/codec/frame',
      'codec/frame',
    ]);
    expect(listRustModuleFiles('crate::codec::decode')).toEqual(['codec']);
    expect(listRustModuleFiles('Decoder::decode')).toEqual([]);
    expect(listRustModuleFiles('Parser.feed')).toEqual([]);
  });

  it('reads the cited file first for a snippet, then where the most probe lines lead', () => {
    const hits = [
      { path: 'b.c', line: 1, text: 'x' },
      { path: 'c.c', line: 1, text: 'x' },
      { path: 'c.c', line: 2, text: 'y' },
    ];
    expect(pickSnippetFiles(hits, 'a.c')).toEqual(['a.c', 'c.c', 'b.c']);
    expect(pickSnippetFiles(hits, null)).toEqual(['c.c', 'b.c']);
    const spread = Array.from({ length: 9 }, (_, index) => ({
      path: `${index}.c`,
      line: 1,
      text: 'x',
    }));
    expect(pickSnippetFiles(spread, null)).toHaveLength(
      evidenceThresholds.maxCandidateFilesPerSnippet,
    );
  });

  it('spells an option as written and as a quoted name', () => {
    expect(spellOption({ kind: 'option', text: '--raw-output', span })).toEqual({
      name: 'raw-output',
      spellings: ['--raw-output', '"raw-output"', "'raw-output'"],
    });
  });

  it('finds the code quoted right after a line reference', () => {
    const line: CodeClaim = {
      kind: 'line',
      text: 'src/a.c:10',
      path: 'src/a.c',
      lines: { start: 10, end: 10 },
      span,
    };
    const quoted: CodeClaim = { ...line, kind: 'snippet', text: 'memcpy(buf, src, n);' };
    const elsewhere: CodeClaim = { ...quoted, lines: { start: 11, end: 11 }, text: 'free(buf);' };
    expect(findQuotedCode(line, [line, elsewhere, quoted])).toBe('memcpy(buf, src, n);');
    expect(findQuotedCode(line, [line, elsewhere])).toBeUndefined();
  });
});

describe('following cited code in the history', () => {
  const symbol: CodeClaim = { kind: 'symbol', text: 'tx_parse', symbol: 'tx_parse', span };

  it('looks for a later change only for a verified proof with a path, at a release', () => {
    const proof = { summary: 'defined', path: 'src/a.c', line: 3 };
    expect(isLaterChangeWanted(verified(symbol, proof), false)).toBe(true);
    expect(isLaterChangeWanted(verified(symbol, proof), true)).toBe(false);
    expect(isLaterChangeWanted(verified(symbol, { summary: 'defined' }), false)).toBe(false);
    expect(isLaterChangeWanted({ claim: symbol, status: 'contradicted', proof }, false)).toBe(
      false,
    );
  });

  it('cites a definition’s whole block, a line claim’s own lines, a snippet’s shown lines', () => {
    const text = 'int x;\nint tx_parse(void)\n{\n    return 0;\n}\nint y;\n';
    expect(locateCitedLines(verified(symbol, { summary: '', path: 'a.c', line: 2 }), text)).toEqual(
      { start: 2, end: 5 },
    );
    const line: CodeClaim = {
      kind: 'line',
      text: 'a.c:4',
      path: 'a.c',
      lines: { start: 4, end: 6 },
      span,
    };
    expect(locateCitedLines(verified(line, { summary: '', path: 'a.c', line: 4 }), null)).toEqual({
      start: 4,
      end: 6,
    });
    const snippet: CodeClaim = { kind: 'snippet', text: 'a\nb', span };
    expect(
      locateCitedLines(
        verified(snippet, { summary: '', path: 'a.c', line: 3, snippet: '{\n    return 0;\n}' }),
        text,
      ),
    ).toEqual({ start: 3, end: 5 });
    expect(locateCitedLines(verified(symbol, { summary: '', path: 'a.c', line: 2 }), null)).toEqual(
      {
        start: 2,
        end: 2,
      },
    );
    expect(locateCitedLines(verified(symbol, { summary: '' }), text)).toBeNull();
  });
});

describe('summarizeCheckedRevision', () => {
  it('marks HEAD as the default and says why it was checked', () => {
    expect(
      summarizeCheckedRevision(
        { kind: 'head', requested: null, commit },
        { requested: null, resolved: 'HEAD', tagConvention: null },
      ),
    ).toEqual({
      requested: null,
      resolved: 'HEAD',
      commit,
      isDefault: true,
      note: 'the report names no version; checked HEAD (a1b2c3d4e5f6)',
    });
  });

  it('flags the nearest older release and a version newer than every tag, in a stable key order', () => {
    const revision = summarizeCheckedRevision(
      {
        kind: 'nearest-older',
        requested: '2.5.0',
        tag: 'v2.4.1',
        commit,
        pattern: 'v{1}.{2}.{3}',
        isNewerThanEveryTag: true,
      },
      { requested: '2.5.0', resolved: 'v2.4.1', tagConvention: 'v{1}.{2}.{3}' },
    );
    expect(Object.keys(revision)).toEqual([
      'requested',
      'resolved',
      'commit',
      'isDefault',
      'note',
      'tagConvention',
      'isNearestOlder',
      'isNewerThanEveryTag',
    ]);
    expect(revision).toMatchObject({
      isDefault: false,
      isNearestOlder: true,
      isNewerThanEveryTag: true,
    });
    expect(revision.note).toContain('checked the nearest older release v2.4.1');
  });
});
