import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DuplicateDocument } from '../model/duplicate.js';
import { createDuplicateIndex } from './create-duplicate-index.js';
import {
  findContrastStatements,
  isContrastSentence,
  splitSentences,
} from './find-contrast-statements.js';
import { scoreDuplicateSignals, type DuplicateSignals } from './score-duplicate-signals.js';
import { buildTestDuplicateDocument as doc } from '../../../test/support/build-test-duplicate-document.js';

describe('isContrastSentence', () => {
  it.each([
    'this is not cve-2024-1234, which was fixed in 2.1',
    'unlike the earlier drain issue in foo(), this happens in bar()',
    'it takes a different path from drain_conn()',
    'drain_conn() was already fixed in 2.1; this one still reproduces on the fixed version',
    'this is related to but distinct from the earlier report',
    'this is a second, separate use-after-free',
    "ce n'est pas la même faille que cve-2024-1234",
    'contrairement à la faille précédente dans foo()',
    'anders als der frühere fehler in foo() ist das ein anderer codepfad',
    'das ist nicht dasselbe wie cve-2024-1234',
    'no es el mismo fallo que cve-2024-1234, a diferencia de foo()',
    'a differenza del bug precedente in foo(), questo è diverso dal percorso noto',
    'não é o mesmo problema; ao contrário do bug em foo()',
  ])('reads %j as a contrast', (sentence) => {
    expect(isContrastSentence(sentence)).toBe(true);
  });

  it.each([
    'this is the same problem as cve-2024-1234, and i agree with the analysis',
    'foo() does not check the length before copying',
    'it is not fixed in 2.1',
    'the fix for that should cover this too',
    'i reached it from hgetall with a separate client',
  ])('reads %j as no contrast', (sentence) => {
    expect(isContrastSentence(sentence)).toBe(false);
  });
});

describe('findContrastStatements', () => {
  it('keeps the ids and names said only in contrast', () => {
    const found = findContrastStatements(
      'Use-after-free in bar()',
      'This is not CVE-2024-1234 (fixed in 2.1). Unlike the drain issue in drain_conn() in conn.c:88, this happens in bar(). See also CVE-2023-9999.',
    );
    expect(found.contrastedIds).toEqual(['CVE-2024-1234']);
    expect(found.contrastedNames).toContain('drain_conn');
    expect(found.contrastedNames).toContain('conn.c');
    expect(found.contrastedNames).not.toContain('bar');
  });

  it('never takes a name the title or a plain sentence also says', () => {
    const found = findContrastStatements(
      'Overflow in drain_conn()',
      'Unlike CVE-2024-1234, this is in drain_conn(). drain_conn() copies too much. CVE-2024-1234 is cited for reference.',
    );
    expect(found.contrastedNames).not.toContain('drain_conn');
    expect(found.contrastedIds).toEqual([]);
  });

  it('survives hostile input: long runs, no full stops, control characters', () => {
    const long = `unlike ${'a'.repeat(50_000)} ${'not '.repeat(20_000)}\u0000\u202e`;
    const found = findContrastStatements(long, long);
    expect(Array.isArray(found.contrastedNames)).toBe(true);
    expect(splitSentences('a. b; c\n\nd').length).toBe(4);
    expect(splitSentences('unlike the bug that was\nreported for foo(), this is new.').length).toBe(
      1,
    );
  });

  it('never says an id the text does not contain, and never a name of the title', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 400 }), (title, text) => {
        const found = findContrastStatements(title, text);
        const lower = text.toLowerCase();
        for (const id of found.contrastedIds) expect(lower).toContain(id.toLowerCase());
        return true;
      }),
    );
  });
});

const redis = [{ ecosystem: '', name: 'redis', versions: ['7.4.0'] }];
const background = [
  doc('bg-1', { title: 'ACL selector crash', text: 'A malformed selector crashes the server.' }),
  doc('bg-2', { title: 'Protected mode off', text: 'No password and protected mode off.' }),
  doc('bg-3', { title: 'Module reads keys', text: 'A loaded module reads every key.' }),
];

function topMatch(earlier: DuplicateDocument, query: DuplicateDocument) {
  const index = createDuplicateIndex();
  for (const d of [...background, earlier]) index.add(d);
  return index.query(query).find((candidate) => candidate.id === earlier.id);
}

describe('contrast statements in duplicate matching', () => {
  const original = doc('original', {
    title: 'Stack buffer overflow in the Lua `bit.tohex()` function',
    text: 'bit_tohex() negates a negative digit count; `bit.tohex(65535, -2147483648)` writes past buf in deps/lua/src/lua_bit.c on 7.4.0.',
    packages: redis,
    paths: ['deps/lua/src/lua_bit.c'],
    functions: ['bit.tohex', 'bit_tohex'],
  });
  const inPassing = doc('q', {
    title: 'redis-server dies when a script asks for a huge negative hex width',
    text: 'The hex helper of the bundled module keeps writing into a small array on 7.4.0. The code is in lua_bit.c, bit.tohex.',
    packages: redis,
    paths: ['lua_bit.c'],
  });

  it('does not count a titled function and file the other report names only to differ', () => {
    expect(topMatch(original, inPassing)?.isStrong).toBe(true);
    const contrasting = doc('q', {
      ...inPassing,
      text: 'The hex helper of the bundled module keeps writing into a small array on 7.4.0. Unlike the earlier bug in lua_bit.c, bit.tohex, this is a different path.',
    });
    const match = topMatch(original, contrasting);
    expect(match?.isStrong).toBe(false);
    expect(match?.evidence).toContain('contrasts itself with `bit.tohex`');
  });

  it('keeps a report apart from the advisory id it says it is not', () => {
    const published = doc('published', {
      title: 'Use-after-free in `read_answers()`',
      text: 'read_answers() frees the connection while a callback still holds it.',
      aliases: ['CVE-2025-0001'],
      packages: [{ ecosystem: '', name: 'c-lib', versions: ['1.2.0'] }],
      functions: ['read_answers'],
      paths: ['src/lib/read.c'],
    });
    const second = doc('q', {
      title: 'Use-after-free in `read_answers()`',
      text: 'When a server sends a truncated record, read_answers() in src/lib/read.c returns the connection to the pool and the retry path uses it after free. This is not CVE-2025-0001, which was fixed in 1.2.0.',
      packages: [{ ecosystem: '', name: 'c-lib', versions: ['1.2.0'] }],
      functions: ['read_answers'],
      paths: ['src/lib/read.c'],
    });
    const plain = doc('q', { ...second, text: second.text.replace(/ This is not .*$/, '') });
    expect(topMatch(published, plain)?.isStrong).toBe(true);
    const match = topMatch(published, second);
    expect(match?.isStrong).toBe(false);
    expect(match?.evidence).toContain('says it is not CVE-2025-0001');
  });

  it('still matches a near-copy and a second finder who agrees', () => {
    const agreeing = doc('q', {
      ...inPassing,
      text: `${inPassing.text} I think this is the same bug others saw in bit.tohex.`,
    });
    expect(topMatch(original, agreeing)?.isStrong).toBe(true);
    const nearCopy = doc('q', {
      ...original,
      id: 'q',
      text: `${original.text} Not CVE-2024-0001.`,
    });
    expect(topMatch(original, nearCopy)?.isStrong).toBe(true);
  });
});

const names: fc.Arbitrary<string[]> = fc.array(
  fc.constantFrom<string>('foo', 'bar', 'util.c', 'src/util.c'),
  { maxLength: 3 },
);
const ids: fc.Arbitrary<string[]> = fc.array(
  fc.constantFrom<string>('CVE-2024-0001', 'GHSA-2222-3333-4444'),
  { maxLength: 2 },
);
const share = fc.double({ min: 0, max: 1, noNaN: true });
const arbitrarySignals: fc.Arbitrary<DuplicateSignals> = fc.record({
  sharedAliases: ids,
  sharedRelated: ids,
  deniedIds: fc.constant([]),
  contrastedNames: fc.constant([]),
  unnamedTitleTokens: fc.constant([]),
  ownClasses: fc.constant(null),
  sharedTitleFunctions: names,
  titleFunctionsNamed: names,
  isTitledApart: fc.boolean(),
  citedFunctionsNamed: names,
  titleTermsFound: fc.nat(6),
  titleTermsAgreement: share,
  citationTitleTerms: fc.option(fc.record({ found: fc.nat(6), share })),
  pairTermsOfUnlocated: fc.option(fc.nat(12)),
  isUnlocatedTitleAsking: fc.boolean(),
  isQuestionPair: fc.boolean(),
  samePackage: fc.option(fc.constant('redis')),
  relatedPackage: fc.option(fc.constant('redis')),
  packageRarity: share,
  isPackageConflict: fc.boolean(),
  isPackageMentioned: fc.boolean(),
  sharedFixedVersion: fc.option(fc.constant('7.4.1')),
  fixedVersionRarity: share,
  sharedVersion: fc.option(fc.constant('7.4.0')),
  versionRarity: share,
  sharedFunctions: names,
  sharedPaths: names,
  sharedFileNames: names,
  isOneSideWithoutCode: fc.boolean(),
  isOnDisjointReleases: fc.boolean(),
  sharedCwes: fc.array(fc.constant('CWE-121'), { maxLength: 1 }),
  isCweConflict: fc.boolean(),
  bugClasses: fc.constant(null),
  sharedBugClasses: fc.constant([]),
  isOtherLanguagePair: fc.constant(false),
  sharedConcepts: fc.constant([]),
  sharedAnchors: fc.constant([]),
  sharedUntranslatedPhrases: fc.constant([]),
  unsharedAnchors: fc.constant([]),
  sharedTechnicalTokens: fc.constant([]),
  technicalTokenCoverage: fc.constant(0),
  crashConflict: fc.constant(null),
  samePanicSite: fc.constant(null),
  isOtherPanicSite: fc.boolean(),
  sharedRuntimePanics: fc.constant([]),
  sharedSanitizerCrash: fc.constant(null),
  fixBetween: fc.constant(null),
  publishedFixPassed: fc.constant(null),
  isCveConflict: fc.boolean(),
  textByQuery: share,
  textByDocument: share,
  nearCopy: share,
  daysApart: fc.option(fc.double({ min: 0, max: 1000, noNaN: true })),
  fixedVersionOverlap: share,
  isReportOfPublishedAdvisory: fc.boolean(),
  isBothReports: fc.boolean(),
  isVersionBeforeFix: fc.option(fc.boolean()),
  isSameSourceAdvisory: fc.boolean(),
});

describe('contrast never raises a score', () => {
  it('dropping contrasted names and ids and adding a denied id never raises the score or makes a match', () => {
    fc.assert(
      fc.property(arbitrarySignals, names, ids, (signals, contrasted, denied) => {
        const isKept = (name: string) => !contrasted.includes(name);
        const withContrast: DuplicateSignals = {
          ...signals,
          sharedRelated: signals.sharedRelated.filter((id) => !denied.includes(id)),
          deniedIds: denied,
          contrastedNames: contrasted,
          sharedTitleFunctions: signals.sharedTitleFunctions.filter(isKept),
          titleFunctionsNamed: signals.titleFunctionsNamed.filter(isKept),
          citedFunctionsNamed: signals.citedFunctionsNamed.filter(isKept),
          sharedFunctions: signals.sharedFunctions.filter(isKept),
          sharedPaths: signals.sharedPaths.filter(isKept),
          sharedFileNames: signals.sharedFileNames.filter(isKept),
        };
        const before = scoreDuplicateSignals(signals);
        const after = scoreDuplicateSignals(withContrast);
        expect(after.score).toBeLessThanOrEqual(before.score);
        if (after.isStrong) expect(before.isStrong).toBe(true);
      }),
    );
  });
});
