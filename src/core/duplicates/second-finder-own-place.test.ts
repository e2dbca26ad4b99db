// What makes a report a second finder without a place of its own (rule 3h), and the rules and
// guards around it: the language's standard library, a sign-off and an advisory export's own
// draft id are no place; methods called on the product that no one else names are one; a
// cluster's second finder belongs to its original; a second finder in another language whose
// title names the other title's function (rule 3p); code points and scratch paths (rule 3n).
import { describe, expect, it } from 'vitest';
import type { DuplicateDocument } from '../model/duplicate.js';
import { buildTestDuplicateDocument as doc } from '../../../test/support/build-test-duplicate-document.js';
import { findStrongMatches } from '../../../test/support/find-strong-matches.js';
import { analyzeDuplicateDocument, dropSignOff } from './analyze-duplicate-document.js';
import { createDuplicateIndex } from './create-duplicate-index.js';
import { findTechnicalTokens } from './find-technical-tokens.js';
import { keepClustersApart } from './keep-clusters-apart.js';
import type { DuplicateCandidate } from '../model/duplicate.js';

const pkg = (versions: string[]) => [{ ecosystem: 'Maven', name: 'tagsoup', versions }];

const original = doc('original', {
  title: 'CPU exhaustion in formatting element reconstruction',
  text: [
    'Parsing 2,000 unclosed formatting tags followed by 40,000 short text runs separated by block',
    'tags takes 48 seconds in tagsoup 1.23.1. TreeBuilder.reconstructFormatting() in',
    'src/main/java/org/tagsoup/parser/TreeBuilder.java re-creates every unclosed formatting',
    'element for each text run, so the cost is text runs times formatting entries. A crawler or',
    'a link-preview service stalls on one such page; a watchdog has to kill the worker thread.',
  ].join(' '),
  packages: pkg(['1.23.1']),
  paths: ['src/main/java/org/tagsoup/parser/TreeBuilder.java'],
  functions: ['TreeBuilder.reconstructFormatting'],
});

const otherBug = doc('other', {
  title: 'Open redirect in the link rewriter',
  text: 'LinkRewriter.rewrite() in src/main/java/org/tagsoup/safety/LinkRewriter.java keeps a protocol-relative href on tagsoup 1.23.1.',
  packages: pkg(['1.23.1']),
  paths: ['src/main/java/org/tagsoup/safety/LinkRewriter.java'],
  functions: ['LinkRewriter.rewrite'],
});

const secondFinderText = [
  'Hi, our crawler (tagsoup 1.23.1) got stuck for minutes on one spam page that opens unclosed',
  'formatting tags a couple of thousand times and then has tens of thousands of short text runs,',
  'each in its own block. The worker thread sat at 100% CPU until our watchdog killed it; a',
  'thread dump shows the parser re-creating the formatting tags for every text run. Generator:',
  '',
  '    StringBuilder sb = new StringBuilder();',
  '    long t = System.nanoTime();',
  '    Tagsoup.parse(sb.toString());',
  '',
  'Best regards,',
  'Priya',
  'CrawlWorks',
].join('\n');

const secondFinder = doc('second', {
  title: 'parse() takes minutes on a small spam page',
  text: secondFinderText,
  packages: pkg(['1.23.1']),
  functions: ['StringBuilder', 'System.nanoTime', 'sb.toString'],
});

const byFinderWords = (line: string): boolean => line.startsWith('one report cites no code;');

function queryTop(indexed: readonly DuplicateDocument[], query: DuplicateDocument) {
  const index = createDuplicateIndex();
  for (const document of indexed) index.add(document);
  return index.query(query, { limit: 3 })[0];
}

describe('a second finder without a place of its own (rule 3h)', () => {
  it('reads the standard library of a proof of concept and a signature as no place', () => {
    const analysis = analyzeDuplicateDocument(secondFinder);
    expect([...analysis.languageNames].sort()).toEqual([
      'nanotime',
      'sb.tostring',
      'stringbuilder',
      'system.nanotime',
      'tostring',
    ]);
    expect(analysis.classNames).not.toContain('crawlworks');
    const top = queryTop([original, otherBug], secondFinder);
    expect(top?.id).toBe('original');
    expect(top?.isStrong).toBe(true);
    expect(top?.evidence.some(byFinderWords)).toBe(true);
  });

  it('reads a runtime exception the proof of concept got back as no class of the product', () => {
    const withException = doc('exception', {
      ...secondFinder,
      id: 'exception',
      text: secondFinderText.replace(
        'The worker thread sat',
        'Appending one closing tag gives a SyntaxError instead. The worker thread sat',
      ),
    });
    expect(analyzeDuplicateDocument(withException).classNames).not.toContain('syntaxerror');
    const top = queryTop([original, otherBug], withException);
    expect(top?.id).toBe('original');
    expect(top?.evidence.some(byFinderWords)).toBe(true);
  });

  it('counts methods called on the product that no other report names as a place of its own', () => {
    const ownConfiguration = doc('config', {
      ...secondFinder,
      id: 'config',
      text: secondFinderText.replace(
        '    Tagsoup.parse(sb.toString());',
        '    Tagsoup.parse(sb.toString(), Settings.relaxed()\n        .addFormattingTags("font")\n        .keepUnclosedTags(true));',
      ),
    });
    expect(analyzeDuplicateDocument(ownConfiguration).calledMethods).toContain('addformattingtags');
    expect(queryTop([original, otherBug], ownConfiguration)?.evidence.some(byFinderWords)).toBe(
      false,
    );
    // One such call may be the entry point the finder reached the bug through.
    const entryPoint = doc('entry', {
      ...secondFinder,
      id: 'entry',
      text: secondFinderText.replace('Tagsoup.parse(sb', 'Tagsoup.parseFragment(sb'),
    });
    expect(queryTop([original, otherBug], entryPoint)?.evidence.some(byFinderWords)).toBe(true);
  });

  it('reads an advisory export known by its own draft GHSA id as citing nothing, a CVE as citing', () => {
    const draft = doc('draft', { ...secondFinder, id: 'draft', aliases: ['GHSA-8w3v-fj6m-2pqc'] });
    expect(queryTop([original, otherBug], draft)?.isStrong).toBe(true);
    const citing = doc('citing', {
      ...secondFinder,
      id: 'citing',
      text: `${secondFinderText}\nThis looks like CVE-2021-37714 again.`,
    });
    expect(queryTop([original, otherBug], citing)?.evidence.some(byFinderWords)).toBe(false);
  });
});

function candidate(id: string, fields: Partial<DuplicateCandidate> = {}): DuplicateCandidate {
  return { id, kind: 'report', title: id, score: 0.5, isStrong: false, evidence: [], ...fields };
}

describe("a cluster's second finder belongs to its original", () => {
  it('demotes a match resting on a second finder only when the query does not match its original', () => {
    const secondOf01 = candidate('03', { score: 0.95, isStrong: true, isByFinderWordsOnly: true });
    const [demoted] = keepClustersApart([secondOf01, candidate('02')], (id) =>
      id === '03' ? '02' : null,
    );
    expect(demoted?.isStrong).toBe(false);
    expect(demoted?.evidence).toContain(
      'shares only the words of a second finder of 02, which this report does not match',
    );
    const firstToo = candidate('02', { score: 0.93, isStrong: true });
    expect(keepClustersApart([secondOf01, firstToo], (id) => (id === '03' ? '02' : null))).toEqual([
      secondOf01,
      firstToo,
    ]);
    // A match by any other rule, or a second finder that is no one's duplicate, is kept.
    const byCode = candidate('03', { score: 0.95, isStrong: true });
    expect(keepClustersApart([byCode], (id) => (id === '03' ? '02' : null))).toEqual([byCode]);
    expect(keepClustersApart([secondOf01], () => null)).toEqual([secondOf01]);
  });
});

describe('a second finder in another language whose title names the same function (rule 3p)', () => {
  const cleaner = doc('cleaner', {
    title:
      'Cleaner keeps a `javascript:` link when `keepRelativeLinks(true)` is set (control prefix)',
    text: [
      'With Allowlist.basic().keepRelativeLinks(true), an href whose value starts with an ASCII',
      'control character followed by javascript: survives Sanitizer.clean() in tagsoup 1.23.1.',
      'The protocol check runs on the value returned by absUrl(), which resolves the control',
      'character into a relative path under the base URI, so isSafeProtocol() accepts it; then',
      'createSafeElement() writes the original attribute value because relative links are kept.',
      'Browsers strip leading control characters, so the cleaned link runs script when clicked.',
    ].join(' '),
    packages: pkg(['1.23.1']),
    functions: ['keepRelativeLinks', 'Sanitizer.clean', 'absUrl'],
  });
  const spanishTitle =
    'Enlaces `javascript:` que sobreviven a la limpieza con `keepRelativeLinks(true)` (control)';
  const spanish = doc('es', {
    title: spanishTitle,
    text: [
      'En nuestro foro limpiamos el HTML de los mensajes con una de las listas incluidas y',
      'activamos la opción para que los enlaces relativos entre los hilos sigan funcionando. Un',
      'enlace cuyo destino empieza por un carácter invisible seguido de javascript: pasa el filtro',
      'tal cual con la versión 1.23.1, y el navegador lo ejecuta al hacer clic en el mensaje. Lo',
      'hemos comprobado con Allowlist.basicWithImages().keepRelativeLinks(true) en dos servidores.',
    ].join(' '),
    packages: pkg(['1.23.1']),
    functions: ['keepRelativeLinks', 'Allowlist.basicWithImages'],
  });

  it('matches on the titled function and the distinctive title words, on one release', () => {
    expect(findStrongMatches([cleaner, otherBug], spanish)).toEqual(['cleaner']);
    expect(queryTop([cleaner, otherBug], spanish)?.evidence.join('\n')).toContain(
      'a second finder in another language: both titles name the function',
    );
  });

  it('does not match on another release, or when the titles agree on little else', () => {
    const otherRelease = doc('es-old', {
      ...spanish,
      id: 'es-old',
      text: spanish.text.replace('1.23.1', '1.20.0'),
      packages: pkg(['1.20.0']),
    });
    expect(findStrongMatches([cleaner, otherBug], otherRelease)).toEqual([]);
    const otherTitle = doc('es-other', {
      ...spanish,
      id: 'es-other',
      title: 'Rendimiento muy lento de `keepRelativeLinks(true)` con documentos grandes',
    });
    // The title no longer agrees, so rule 3p does not hold; the body still tells the cleaner's
    // bug word for word, which the learned pair model (rule 3r) may read as one bug.
    const evidence = queryTop([cleaner, otherBug], otherTitle)?.evidence.join('\n') ?? '';
    expect(evidence).not.toContain('both titles name the function');
  });
});

describe('code points and scratch paths as technical tokens (rule 3n)', () => {
  it('reads a code point as a literal and no scratch path as an endpoint', () => {
    const tokens = findTechnicalTokens(
      'U+2029 in a file name',
      'writes /tmp/proof and /dev/null, calls /api/render/preview',
    );
    expect(tokens).toContain('u+2029');
    expect(tokens).toContain('/api/render/preview');
    expect(tokens.some((token) => token.startsWith('/tmp') || token.startsWith('/dev'))).toBe(
      false,
    );
  });
});

describe('dropSignOff', () => {
  it('cuts a closing formula and the lines after it, only at the end of a text', () => {
    expect(dropSignOff('Body text.\n\nBest regards,\nPriya\nCrawlWorks')).toBe('Body text.\n\n');
    expect(dropSignOff('Body.\nSaludos,\nRodrigo')).toBe('Body.\n');
    const long = `Thanks for the quick answer.\n${'line\n'.repeat(10)}End.`;
    expect(dropSignOff(long)).toBe(long);
  });
});
