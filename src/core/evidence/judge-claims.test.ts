// The evidence verdicts and their wording, decided without a repository.
import { describe, expect, it } from 'vitest';
import type { CodeClaim } from '../model/evidence.js';
import {
  judgeFoundFolder,
  judgeLineClaim,
  judgeMissingPath,
  judgeSnippetClaim,
} from './judge-code-claim.js';
import {
  judgeExternalClaim,
  judgeOptionClaim,
  judgeSymbolClaim,
  orderSymbolFiles,
  unprefixConstant,
} from './judge-symbol-claim.js';
import { addFixedIn, addLaterChange, describeCheckedRevision } from './describe-revision-check.js';
import { compareLineClaim } from './match-snippet.js';

const span = { start: 0, end: 1, line: 1 };
const commit = {
  id: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
  subject: 'Reject long sizes',
  date: '2026-03-01T00:00:00Z',
};

describe('unprefixConstant', () => {
  it('drops the protocol prefix of an upper-case constant whose rest keeps two words', () => {
    expect(unprefixConstant('SSH_FXP_NAME')).toBe('FXP_NAME');
    expect(unprefixConstant('SSH_MSG_EXT_INFO')).toBe('MSG_EXT_INFO');
    expect(unprefixConstant('FOO_NAME')).toBeNull();
    expect(unprefixConstant('parse_header')).toBeNull();
    expect(unprefixConstant('SSH_FXP_')).toBeNull();
  });
});

describe('judgeSymbolClaim', () => {
  it('leaves a protocol constant unverifiable when the project spells it without its prefix', () => {
    const constant: CodeClaim = { kind: 'symbol', text: 'SSH_FXP_NAME', span };
    const judged = judgeSymbolClaim(constant, {
      label: 'v2.24.0',
      fileCount: 0,
      unprefixed: {
        name: 'FXP_NAME',
        path: 'asyncssh/constants.py',
        line: 40,
        text: 'FXP_NAME = 104',
      },
    });
    expect(judged.status).toBe('unverifiable');
    expect(judged.proof.summary).toBe(
      'SSH_FXP_NAME is not spelled so at v2.24.0, but FXP_NAME (the same constant without its prefix?) is used at asyncssh/constants.py:40',
    );
  });

  const claim: CodeClaim = { kind: 'symbol', text: 'parse_heade()', symbol: 'parse_heade', span };

  it('says did you mean when the name is one typo from a real one', () => {
    expect(
      judgeSymbolClaim(claim, { label: 'v2.4.1', fileCount: 0, didYouMean: 'parse_header' }),
    ).toEqual({
      claim,
      status: 'contradicted',
      proof: {
        summary:
          'parse_heade is neither defined nor mentioned anywhere at v2.4.1; did you mean parse_header?',
        didYouMean: 'parse_header',
      },
    });
  });

  it('does not call a name invented when the history has it (a wrong version)', () => {
    const result = judgeSymbolClaim(claim, { label: 'v2.4.1', fileCount: 0, foundAt: 'v2.3.0' });
    expect(result.status).toBe('unverifiable');
    expect(result.proof.summary).toBe(
      'parse_heade is not in the code at v2.4.1, but v2.3.0 has it: the report may name the wrong version',
    );
  });

  it('takes a used constant as real, a used function as maybe a library one, docs as neither', () => {
    const mention = { path: 'lib/expat.h', line: 129, text: '  XML_ERROR_INVALID_ARGUMENT,' };
    const constant: CodeClaim = {
      ...claim,
      text: 'XML_TRUE',
      symbol: 'XML_TRUE',
      symbolKind: 'constant',
    };
    expect(judgeSymbolClaim(constant, { label: 'HEAD', fileCount: 1, mention }).status).toBe(
      'verified',
    );
    expect(judgeSymbolClaim(claim, { label: 'HEAD', fileCount: 1, mention }).status).toBe(
      'unverifiable',
    );
    const inDocs = { path: 'expat/Changes', line: 3, text: 'parse_heade' };
    expect(
      judgeSymbolClaim(claim, { label: 'HEAD', fileCount: 1, definition: inDocs }).proof.summary,
    ).toContain('only named in documentation');
    expect(orderSymbolFiles(['expat/Changes', 'README.md', 'lib/xmlparse.c'])).toEqual([
      'lib/xmlparse.c',
      'expat/Changes',
      'README.md',
    ]);
  });

  it('words options and names of other projects', () => {
    const option: CodeClaim = { kind: 'option', text: '--sqe', span };
    expect(judgeOptionClaim(option, { label: 'jq-1.7.1', didYouMean: 'seq' }).proof).toEqual({
      summary: 'no option --sqe anywhere at jq-1.7.1; did you mean --seq?',
      didYouMean: '--seq',
    });
    const memcpy: CodeClaim = {
      kind: 'symbol',
      text: 'memcpy',
      symbol: 'memcpy',
      externalTo: 'the C library',
      span,
    };
    expect(judgeExternalClaim(memcpy)).toMatchObject({
      status: 'external',
      proof: { summary: 'memcpy belongs to the C library, not to this repository; not counted' },
    });
  });
});

describe('judgeLineClaim and judgeMissingPath', () => {
  const file = 'int a;\nint b;\nint c;\n';
  const line = (start: number, end = start) =>
    ({
      kind: 'line',
      text: `src/x.c:${start}`,
      path: 'src/x.c',
      lines: { start, end },
      span,
    }) as const;

  it('contradicts a line past the end of the file at that revision', () => {
    const result = judgeLineClaim(
      line(40),
      'src/x.c',
      'v1.0',
      compareLineClaim(file, { start: 40, end: 40 }),
      false,
    );
    expect(result).toMatchObject({
      status: 'contradicted',
      proof: { summary: 'src/x.c has only 3 lines at v1.0; line 40 does not exist' },
    });
    const range = judgeLineClaim(
      line(2, 9),
      'src/x.c',
      'v1.0',
      compareLineClaim(file, { start: 2, end: 9 }),
      false,
    );
    expect(range.proof.summary).toBe('src/x.c has only 3 lines at v1.0; line 9 does not exist');
  });

  it('verifies a line that holds the quoted code, without its semicolon', () => {
    const result = judgeLineClaim(
      line(2),
      'src/x.c',
      'v1.0',
      compareLineClaim(file, { start: 2, end: 2 }, 'int b'),
      true,
    );
    expect(result.status).toBe('verified');
  });

  it('does not hold a path without a file extension that never existed against the report', () => {
    const found = { closestPath: null, lastChange: null, isShallow: false };
    for (const text of ['python/object/apply', 'data-x/onmouseover', 'text/html']) {
      const claim: CodeClaim = { kind: 'file', text, path: text, span, role: 'location' };
      const result = judgeMissingPath(claim, text, '6.0.2', found);
      expect(result.status, text).toBe('unverifiable');
      expect(result.proof.summary).toBe(
        `${text} is neither a file nor a folder of the repository at 6.0.2, and has no file extension (a tag, payload or route?)`,
      );
    }
    const source: CodeClaim = { kind: 'file', text: 'src/a.py', path: 'src/a.py', span };
    expect(judgeMissingPath(source, 'src/a.py', '6.0.2', found).status).toBe('contradicted');
    // One the history held, or a shallow clone that may have cut it, is still checked as a path.
    const gone: CodeClaim = { kind: 'file', text: 'lib/old', path: 'lib/old', span };
    expect(judgeMissingPath(gone, 'lib/old', 'HEAD', { ...found, isShallow: true }).status).toBe(
      'contradicted',
    );
  });

  it("does not hold a bare configuration or data file against the report: the user's own", () => {
    const found = { closestPath: null, lastChange: null, isShallow: false };
    for (const text of ['config.json', 'log4j2.xml', 'settings.yaml']) {
      const claim: CodeClaim = { kind: 'file', text, path: text, span, role: 'location' };
      const result = judgeMissingPath(claim, text, 'v1.5.1', found);
      expect(result.status, text).toBe('unverifiable');
      expect(result.proof.summary).toContain("the user's own file");
    }
    // A source file with no folder in the vulnerable location, and a data file with one, are checked.
    for (const text of ['hooks.c', 'conf/config.json']) {
      const claim: CodeClaim = { kind: 'file', text, path: text, span, role: 'location' };
      expect(judgeMissingPath(claim, text, 'v1.5.1', found).status, text).toBe('contradicted');
    }
  });

  it("does not hold a file of the reporter's own machine against the report", () => {
    const cited = '/srv/shop/app/routes.py';
    const claim: CodeClaim = { kind: 'line', text: cited, path: cited, span, role: 'location' };
    const found = { closestPath: 'tests/routing.py', lastChange: null, isShallow: false };
    const outside = judgeMissingPath(claim, cited, '26.0.0', { ...found, isOutsideCheckout: true });
    expect(outside.status).toBe('unverifiable');
    expect(outside.proof.summary).toBe(
      "/srv/shop/app/routes.py is outside the repository (no folder of it is the repository's at 26.0.0): a file of the reporter's own machine or application?",
    );
    // A path into the project's folders is still checked.
    expect(judgeMissingPath(claim, cited, '26.0.0', found).status).toBe('contradicted');
  });

  it('does not hold a file against the report when history held it elsewhere', () => {
    const claim: CodeClaim = {
      kind: 'file',
      text: 'src/old.c',
      path: 'src/old.c',
      span,
      role: 'location',
    };
    const found = { closestPath: 'src/new.c', lastChange: commit, isShallow: false };
    expect(judgeMissingPath(claim, 'src/old.c', 'v2.0', found)).toEqual({
      claim,
      status: 'unverifiable',
      proof: {
        summary:
          'src/old.c does not exist at v2.0, but the repository held it elsewhere in history (last touched in a1b2c3d4e5f6 "Reject long sizes"); the report may name another version',
        closestPath: 'src/new.c',
        commit,
      },
    });
    // Never held anywhere: invented.
    expect(judgeMissingPath(claim, 'src/old.c', 'v2.0', { ...found, lastChange: null })).toEqual({
      claim,
      status: 'contradicted',
      proof: {
        summary:
          'src/old.c does not exist at v2.0; closest real path: src/new.c; it never existed in the repository history',
        closestPath: 'src/new.c',
      },
    });
  });

  it("does not hold a page of the reporter's own site against the report", () => {
    const cited = 'templates/profile.html';
    const claim: CodeClaim = { kind: 'file', text: cited, path: cited, span, role: 'location' };
    const found = { closestPath: null, lastChange: null, isShallow: false };
    const page = judgeMissingPath(claim, cited, '3.1.6', { ...found, isApplicationPage: true });
    expect(page.status).toBe('unverifiable');
    expect(page.proof.summary).toBe(
      "templates/profile.html is a page or template in no folder of the repository at 3.1.6: the reporter's own site or application?",
    );
    expect(judgeMissingPath(claim, cited, '3.1.6', found).status).toBe('contradicted');
  });

  it('does not hold against the report a file of an application generated from the project', () => {
    const cited = 'config/runtime.exs';
    const claim: CodeClaim = { kind: 'file', text: cited, path: cited, span };
    const found = { closestPath: null, lastChange: null, isShallow: false };
    const template = 'installer/templates/app/config/runtime.exs.eex';
    const generated = judgeMissingPath(claim, cited, 'v1.8', {
      ...found,
      generatorTemplate: template,
    });
    expect(generated.status).toBe('unverifiable');
    expect(generated.proof.summary).toContain(`ships it as a template (${template})`);
    expect(judgeMissingPath(claim, cited, 'v1.8', found).status).toBe('contradicted');
  });

  it('does not hold a file against the report when HEAD has it (a wrong version)', () => {
    const claim: CodeClaim = {
      kind: 'file',
      text: 'src/b.py',
      path: 'src/b.py',
      span,
      role: 'location',
    };
    const found = { closestPath: null, lastChange: null, isShallow: false };
    const atHead = judgeMissingPath(claim, 'src/b.py', '6.0.2', {
      ...found,
      pathAtHead: 'src/b.py',
    });
    expect(atHead.status).toBe('unverifiable');
    expect(atHead.proof.summary).toBe(
      'src/b.py does not exist at 6.0.2, but HEAD has src/b.py (the report may name the wrong version)',
    );
    expect(
      judgeMissingPath(claim, 'src/b.py', '6.0.2', { ...found, pathAtHead: null }).status,
    ).toBe('contradicted');
  });

  it('verifies a cited folder of the tree', () => {
    const folder: CodeClaim = {
      kind: 'file',
      text: 'contrib/gregbook',
      path: 'contrib/gregbook',
      span,
    };
    expect(judgeFoundFolder(folder, 'contrib/gregbook', 'HEAD')).toEqual({
      claim: folder,
      status: 'verified',
      proof: { summary: 'contrib/gregbook is a folder of the repository at HEAD' },
    });
  });

  it('takes an unknown bare file name said in passing for the reporter’s own, but not in the location', () => {
    const bare: CodeClaim = { kind: 'file', text: 'poc_input.xml', path: 'poc_input.xml', span };
    const found = { closestPath: null, lastChange: null, isShallow: false };
    expect(judgeMissingPath(bare, 'poc_input.xml', 'HEAD', found).status).toBe('unverifiable');
    // In the location a bare source file is checked (a bare data file is the user's, above).
    const bareSource: CodeClaim = { kind: 'file', text: 'xmlsecure.c', path: 'xmlsecure.c', span };
    expect(
      judgeMissingPath({ ...bareSource, role: 'location' }, 'xmlsecure.c', 'HEAD', found).status,
    ).toBe('contradicted');
    const nested: CodeClaim = {
      kind: 'file',
      text: 'lib/xmlsecure.c',
      path: 'lib/xmlsecure.c',
      span,
    };
    expect(judgeMissingPath(nested, 'lib/xmlsecure.c', 'HEAD', found).proof.summary).toBe(
      'lib/xmlsecure.c does not exist at HEAD; it never existed in the repository history',
    );
  });
});

describe('judgeSnippetClaim', () => {
  const claim: CodeClaim = { kind: 'snippet', text: 'x = y;', span };
  const match = (similarity: number) => ({
    path: 'src/x.c',
    match: { startLine: 3, endLine: 4, similarity, text: 'x = y;' },
  });

  it('verifies from 0.75, calls 0.4-0.75 a resemblance, and below that no such code', () => {
    expect(judgeSnippetClaim(claim, 'v1', match(0.8), true).status).toBe('verified');
    expect(judgeSnippetClaim(claim, 'v1', match(0.5), true).proof.summary).toBe(
      'only resembles src/x.c:3-4 (similarity 0.50)',
    );
    expect(judgeSnippetClaim(claim, 'v1', match(0.2), true).proof.summary).toBe(
      'no such code at v1',
    );
    expect(judgeSnippetClaim(claim, 'v1', null, false).status).toBe('unverifiable');
  });
});

describe('revision wording', () => {
  it('says which revision was checked and why', () => {
    expect(
      describeCheckedRevision({ kind: 'named', candidate: 'R_2_6_2', commit: 'fa75b96546c0aa' }),
    ).toBe('checked R_2_6_2 (fa75b96546c0), the version the report names');
    expect(
      describeCheckedRevision({
        kind: 'nearest-older',
        requested: '2.6.9',
        tag: 'R_2_6_3',
        commit: '88b3ed553d8a00',
        pattern: 'R_{major}_{minor}_{patch}',
        isNewerThanEveryTag: false,
      }),
    ).toBe(
      'the repository has no tag for 2.6.9 (its tags look like R_{major}_{minor}_{patch}); checked the nearest older release R_2_6_3 (88b3ed553d8a) instead',
    );
    expect(
      describeCheckedRevision({ kind: 'head', requested: null, commit: '1185697878a3bb' }),
    ).toBe('the report names no version; checked HEAD (1185697878a3)');
  });

  it('names the commit that changed the cited lines and the release that shipped it', () => {
    const verified = {
      claim: { kind: 'line', text: 'src/x.c:2', span } as CodeClaim,
      status: 'verified' as const,
      proof: { summary: 'src/x.c:2 exists', path: 'src/x.c', line: 2 },
    };
    const later = addLaterChange(verified, 'v2.4.1', commit, true);
    const fixed = addFixedIn(later, 'v2.4.2', commit);
    expect(fixed.proof).toMatchObject({ changedLater: commit, fixedIn: { tag: 'v2.4.2', commit } });
    expect(fixed.proof.summary).toBe(
      'src/x.c:2 exists; the cited lines changed after v2.4.1 in a1b2c3d4e5f6 "Reject long sizes" (may be fixed already); already fixed in v2.4.2: the cited code was changed by a1b2c3d4e5f6 "Reject long sizes"',
    );
  });
});
