import { describe, expect, it } from 'vitest';
import { buildTestDuplicateSignals } from '../../../test/support/build-test-duplicate-signals.js';
import { scoreDuplicateSignals, type DuplicateSignals } from './score-duplicate-signals.js';

// A second finder who cites no code, on the first report's package and version; everything else
// neutral. The wording in common is set on both sides alike, so it is the combined text.
function unlocatedPair(pairTerms: number, text: number): DuplicateSignals {
  return buildTestDuplicateSignals({
    pairTermsOfUnlocated: pairTerms,
    samePackage: 'plug',
    packageRarity: 1,
    isPackageMentioned: true,
    sharedVersion: '1.19.2',
    versionRarity: 0.5,
    textByQuery: text,
    textByDocument: text,
  });
}

describe('a second finder who cites no code (rule 3h)', () => {
  it('is strong with enough rare words only the two use and some wording in common', () => {
    expect(scoreDuplicateSignals(unlocatedPair(9, 0.22)).isStrong).toBe(true);
    expect(scoreDuplicateSignals(unlocatedPair(9, 0.17)).isStrong).toBe(false);
    expect(scoreDuplicateSignals(unlocatedPair(5, 0.3)).isStrong).toBe(false);
  });

  it('needs fewer rare words when much more of the wording agrees', () => {
    expect(scoreDuplicateSignals(unlocatedPair(4, 0.34)).isStrong).toBe(true);
    expect(scoreDuplicateSignals(unlocatedPair(6, 0.3)).isStrong).toBe(false);
    expect(scoreDuplicateSignals(unlocatedPair(3, 0.45)).isStrong).toBe(false);
    expect(
      scoreDuplicateSignals({ ...unlocatedPair(4, 0.34), isUnlocatedTitleAsking: true }).isStrong,
    ).toBe(false);
    expect(scoreDuplicateSignals({ ...unlocatedPair(4, 0.34), sharedVersion: null }).isStrong).toBe(
      false,
    );
  });

  it('needs less wording in common when the two share twice as many rare words', () => {
    expect(scoreDuplicateSignals(unlocatedPair(17, 0.17)).isStrong).toBe(true);
    expect(scoreDuplicateSignals(unlocatedPair(17, 0.1)).isStrong).toBe(false);
    expect(
      scoreDuplicateSignals({ ...unlocatedPair(17, 0.17), sharedVersion: null }).isStrong,
    ).toBe(false);
  });
});

describe('a second finder in prose who repeats the first title’s words (rule 3g)', () => {
  // Neither rare pair words nor code: only the titles agree, on the same release.
  const titlePair = (found: number, agreement: number, text: number, withoutCode: boolean) => ({
    ...unlocatedPair(0, text),
    pairTermsOfUnlocated: null,
    titleTermsFound: found,
    titleTermsAgreement: agreement,
    isOneSideWithoutCode: withoutCode,
  });

  it('needs less text in common when one side names no code and many title words agree', () => {
    expect(scoreDuplicateSignals(titlePair(10, 0.9, 0.25, true)).isStrong).toBe(true);
    expect(scoreDuplicateSignals(titlePair(10, 0.9, 0.25, false)).isStrong).toBe(false);
    expect(scoreDuplicateSignals(titlePair(6, 0.9, 0.25, true)).isStrong).toBe(false);
    expect(scoreDuplicateSignals(titlePair(10, 0.9, 0.15, true)).isStrong).toBe(false);
    expect(scoreDuplicateSignals(titlePair(10, 0.9, 0.35, false)).isStrong).toBe(true);
  });
});

describe('a second finder in another language with one untranslatable token (rule 3o)', () => {
  const otherLanguage = (tokens: string[], coverage: number, concepts: number) => ({
    ...unlocatedPair(0, 0.12),
    pairTermsOfUnlocated: null,
    isOtherLanguagePair: true,
    sharedTechnicalTokens: tokens,
    technicalTokenCoverage: coverage,
    sharedConcepts: ['request', 'read', 'request smuggling', 'accept', 'body', 'header'].slice(
      0,
      concepts,
    ),
  });

  it('is strong with the token, most of its tokens, five shared concepts and one release', () => {
    expect(scoreDuplicateSignals(otherLanguage(['+44'], 1, 6)).isStrong).toBe(true);
    expect(scoreDuplicateSignals(otherLanguage(['+44'], 1, 4)).isStrong).toBe(false);
    expect(scoreDuplicateSignals(otherLanguage(['+44'], 0.25, 6)).isStrong).toBe(false);
    expect(scoreDuplicateSignals(otherLanguage([], 0, 6)).isStrong).toBe(false);
    expect(
      scoreDuplicateSignals({ ...otherLanguage(['+44'], 1, 6), sharedVersion: null }).isStrong,
    ).toBe(false);
    expect(
      scoreDuplicateSignals({ ...otherLanguage(['+44'], 1, 6), isOtherLanguagePair: false })
        .isStrong,
    ).toBe(false);
  });
});

describe('a function both titles name, on releases the two do not share (rule 3b)', () => {
  // Both titles name `naughtyHref()`, both cite index.js, and the words agree a little: a ReDoS in
  // its comment stripping found on 2.7.0 against a scheme bypass through it found on 2.17.0.
  const titledPair = (disjoint: boolean, found: number, agreement: number) => ({
    ...unlocatedPair(0, 0.35),
    pairTermsOfUnlocated: null,
    sharedTitleFunctions: ['naughtyhref'],
    sharedFunctions: ['naughtyhref'],
    sharedPaths: ['index.js'],
    sharedVersion: disjoint ? null : '2.17',
    isOnDisjointReleases: disjoint,
    titleTermsFound: found,
    titleTermsAgreement: agreement,
  });

  it('is strong on a shared release, or when no versions tell the releases apart', () => {
    expect(scoreDuplicateSignals(titledPair(false, 5, 0.3)).isStrong).toBe(true);
    expect(
      scoreDuplicateSignals({ ...titledPair(false, 5, 0.3), sharedVersion: null }).isStrong,
    ).toBe(true);
  });

  it('is not strong on disjoint releases unless the titles agree as well', () => {
    expect(scoreDuplicateSignals(titledPair(true, 5, 0.3)).isStrong).toBe(false);
    expect(scoreDuplicateSignals(titledPair(true, 12, 0.92)).isStrong).toBe(true);
  });
});

describe('a second finder in another language with many untranslated anchors (rule 3m)', () => {
  const anchorPair = (anchors: number, concepts: number, text: number) => ({
    ...unlocatedPair(0, text),
    pairTermsOfUnlocated: null,
    isOtherLanguagePair: true,
    sharedAnchors: ['DOCTYPE', 'ENTITY', 'SYSTEM', 'XXE'].slice(0, anchors),
    sharedConcepts: ['option', 'default configuration', 'file'].slice(0, concepts),
  });

  it('is strong with four anchors, three concepts and some wording in common', () => {
    expect(scoreDuplicateSignals(anchorPair(4, 3, 0.24)).isStrong).toBe(true);
    expect(scoreDuplicateSignals(anchorPair(3, 3, 0.24)).isStrong).toBe(false);
    expect(scoreDuplicateSignals(anchorPair(4, 2, 0.24)).isStrong).toBe(false);
    expect(scoreDuplicateSignals(anchorPair(4, 3, 0.15)).isStrong).toBe(false);
    expect(scoreDuplicateSignals({ ...anchorPair(4, 3, 0.24), sharedVersion: null }).isStrong).toBe(
      false,
    );
  });
});

describe('a second finder in another language with another payload (rule 3m)', () => {
  const concepts = [
    'write',
    'bypass',
    'accept',
    'encoded',
    'attribute',
    'element',
    'document',
    'reject',
    'hexadecimal',
  ];
  const foreignPair = (sharedAnchors: string[], unsharedAnchors: string[]): DuplicateSignals => ({
    ...unlocatedPair(0, 0.16),
    pairTermsOfUnlocated: null,
    isOtherLanguagePair: true,
    sharedConcepts: concepts,
    sharedAnchors,
    unsharedAnchors,
  });

  it('is strong when the two write the same crafted literal', () => {
    expect(scoreDuplicateSignals(foreignPair(['HTML5', '&tab;'], [])).isStrong).toBe(true);
  });

  // A Spanish `&Tab;` second finder against a report of the semicolon-less `&#58` bypass of the
  // same check: the concepts of one XSS agree, the payloads do not.
  it('is not strong when the second finder writes literals the other never does', () => {
    expect(scoreDuplicateSignals(foreignPair(['HTML5'], ['&tab;', '&newline;'])).isStrong).toBe(
      false,
    );
    expect(scoreDuplicateSignals(foreignPair(['HTML5'], ['strict_mode'])).isStrong).toBe(true);
  });
});
