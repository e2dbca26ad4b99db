import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createSupportFolderTest,
  helperFolderKinds,
  notProductFolderKinds,
} from './support-folders.js';

const isNotProduct = createSupportFolderTest(notProductFolderKinds);
const isHelper = createSupportFolderTest(helperFolderKinds);

describe('support folder names', () => {
  it.each(['test', 'Tests', 'testsuite', 'regression', 'spec', 'fuzzers', 'oss-fuzz', 'demos'])(
    '%s is a support folder of both kinds',
    (segment) => {
      expect(isNotProduct(segment)).toBe(true);
      expect(isHelper(segment)).toBe(true);
    },
  );

  it('counts docs as not the product but not as helper code in a trace', () => {
    expect(isNotProduct('docs')).toBe(true);
    expect(isHelper('docs')).toBe(false);
  });

  it('counts bundled programs and contrib as helper code but not as outside the product', () => {
    for (const segment of ['programs', 'contrib']) {
      expect(isHelper(segment)).toBe(true);
      expect(isNotProduct(segment)).toBe(false);
    }
  });

  it.each(['src', 'lib', 'testdata', 'attest', 'examples.py', 'latest', ''])(
    '%j is no support folder',
    (segment) => {
      expect(isNotProduct(segment)).toBe(false);
      expect(isHelper(segment)).toBe(false);
    },
  );

  it('reads a whole segment, never a part of one', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,6}$/), (affix) => {
        expect(isHelper(`${affix}tests`)).toBe(false);
        expect(isNotProduct(`${affix}examples`)).toBe(false);
      }),
    );
  });
});
