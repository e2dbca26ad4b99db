import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTestDuplicateSignals } from '../../../test/support/build-test-duplicate-signals.js';
import { describePairFeatures, pairFeatureNames } from './describe-pair-features.js';
import { readPairModel } from './duplicate-pair-model.js';
import { duplicatePairWeights } from './duplicate-pair-weights.js';
import { scoreDuplicateSignals, type DuplicateSignals } from './score-duplicate-signals.js';

// Two reports of one package and release whose titles and wording agree a little on everything
// and on nothing enough for a hand-written rule: the second finder the learned model is for.
function secondFinderInOtherWords(): DuplicateSignals {
  return buildTestDuplicateSignals({
    titleTermsFound: 2,
    titleTermsAgreement: 0.6,
    pairTermsOfUnlocated: 7,
    samePackage: 'tinyproxy',
    packageRarity: 1,
    isPackageMentioned: true,
    sharedVersion: '4.2.0',
    versionRarity: 0.8,
    isOneSideWithoutCode: true,
    sharedTechnicalTokens: ['chunk-ext'],
    technicalTokenCoverage: 0.4,
    textByQuery: 0.32,
    textByDocument: 0.25,
    daysApart: 3,
    isBothReports: true,
  });
}

describe('the learned duplicate pair model (rule 3r)', () => {
  it('ships a weight for every feature, under the model version', () => {
    expect(Object.keys(duplicatePairWeights.features).sort()).toEqual([...pairFeatureNames].sort());
    expect(duplicatePairWeights.threshold).toBeGreaterThan(0.5);
    expect(duplicatePairWeights.threshold).toBeLessThan(1);
  });

  it('finds a second finder no rule finds, and says which features decided', () => {
    const pair = secondFinderInOtherWords();
    expect(scoreDuplicateSignals(pair, { withPairModel: false }).isStrong).toBe(false);
    const scored = scoreDuplicateSignals(pair);
    expect(scored.isStrong).toBe(true);
    const line = scored.evidence.find((entry) => entry.startsWith('the learned pair model'));
    expect(line).toMatch(/reads one bug \((\d+%|over 99%): [a-z-]+(, [a-z-]+)*\)/);
    for (const reason of readPairModel(pair, 0.285).reasons) {
      expect(pairFeatureNames).toContain(reason);
    }
  });

  it('never overrides a veto: two bugs, two releases, two packages, a question, an advisory', () => {
    const vetoes: Array<Partial<DuplicateSignals>> = [
      { bugClasses: [['heap overflow'], ['stack exhaustion']] },
      { isCveConflict: true },
      { deniedIds: ['CVE-2024-1234'] },
      { isOnDisjointReleases: true },
      { isPackageConflict: true },
      { isCweConflict: true },
      { isQuestionPair: true },
      { isOtherPanicSite: true },
      { isTitledApart: true },
      { unsharedAnchors: ['%5C'] },
      { contrastedNames: ['parse_header'] },
      { isBothReports: false, isReportOfPublishedAdvisory: true },
    ];
    for (const veto of vetoes) {
      expect(scoreDuplicateSignals({ ...secondFinderInOtherWords(), ...veto }).isStrong).toBe(
        false,
      );
    }
  });

  it('reads every pair as features between 0 and 1, and a probability between 0 and 1', () => {
    fc.assert(
      fc.property(
        fc.nat(40),
        fc.nat(40),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.option(fc.double({ min: 0, max: 1e6, noNaN: true })),
        (titleTerms, pairTerms, text, daysApart) => {
          const pair: DuplicateSignals = {
            ...secondFinderInOtherWords(),
            titleTermsFound: titleTerms,
            pairTermsOfUnlocated: pairTerms,
            textByQuery: text,
            daysApart,
            sharedFunctions: Array.from({ length: titleTerms % 7 }, (_, at) => `f${at}`),
          };
          const features = describePairFeatures(pair, text);
          expect(features).toHaveLength(pairFeatureNames.length);
          for (const value of features) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(1);
          }
          const { probability } = readPairModel(pair, text);
          expect(probability).toBeGreaterThanOrEqual(0);
          expect(probability).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
