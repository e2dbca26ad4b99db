// Rule 3b between two reports found on releases they do not share: a function both titles name
// is the component, not the bug, unless the titles agree as well.
import { describe, expect, it } from 'vitest';
import { buildTestDuplicateDocument as doc } from '../../../test/support/build-test-duplicate-document.js';
import { findStrongMatches } from '../../../test/support/find-strong-matches.js';

const pkg = (versions: string[]) => [{ ecosystem: 'npm', name: 'scrubber', versions }];

const bypass = doc('bypass', {
  title: 'javascript: URL passes checkHref() when a letter is a zero-padded numeric reference',
  text: [
    'checkHref() in index.js decides whether an href carries a forbidden scheme by matching the',
    'decoded attribute value. In scrubber 2.17.0 numeric references with leading zeros stay',
    'undecoded, so the expression sees no scheme and the href is kept. Browsers decode them, so',
    'the link runs javascript. Reproduction: scrub an anchor whose href is written with',
    'zero-padded references; the href attribute is still there in the output.',
  ].join(' '),
  packages: pkg(['2.17.0']),
  paths: ['index.js'],
  functions: ['checkHref'],
});

const redosText = [
  'checkHref() in index.js removes HTML comments from the href before checking the scheme with',
  'a lazy regular expression, retried from every comment opener, so an href made of many',
  'openers and no close costs quadratic time. Reproduction: scrub an anchor whose href repeats',
  'the opener 100000 times; on scrubber 2.7.0 it takes over 50 s and blocks the event loop.',
].join(' ');

describe('a function both titles name, on releases the two do not share (rule 3b)', () => {
  it('does not merge two bugs of one function found on other releases', () => {
    const redos = doc('redos', {
      title: 'catastrophic backtracking in the comment stripping of checkHref() (scrubber 2.7.0)',
      text: redosText,
      packages: pkg(['2.7.0']),
      paths: ['index.js'],
      functions: ['checkHref'],
    });
    expect(findStrongMatches([bypass], redos)).toEqual([]);
  });

  it('still merges them when they share the release', () => {
    const redos = doc('redos', {
      title: 'catastrophic backtracking in the comment stripping of checkHref() (scrubber 2.17.0)',
      text: redosText.replace('2.7.0', '2.17.0'),
      packages: pkg(['2.17.0']),
      paths: ['index.js'],
      functions: ['checkHref'],
    });
    expect(findStrongMatches([bypass], redos)).toEqual(['bypass']);
  });
});
