// Two reports that each name a class of the product the other never names put their bugs in their
// own components: a function both titles name (the entry point every proof of concept calls) is
// then not the bug, and the rules that rest on a shared function do not hold.
import { describe, expect, it } from 'vitest';
import { buildTestDuplicateDocument as doc } from '../../../test/support/build-test-duplicate-document.js';
import { findStrongMatches } from '../../../test/support/find-strong-matches.js';

const pkg = (version: string) => [{ ecosystem: 'PyPI', name: 'scrubber', versions: [version] }];

const text = (component: string, tags: string) =>
  [
    `scrub() in scrubber/html_shim.py keeps markup that the browser parses differently: ${component}`,
    `treats the content of ${tags} as text, while every browser builds live elements from it. An`,
    'application that allows these tags and calls scrub() with strip=False stores a payload whose',
    'img element runs its onerror handler when the page is opened. Stored mutation XSS.',
  ].join(' ');

const parserBug = doc('parser', {
  title: 'Mutation XSS in scrub() with raw-text tags and strip=False',
  text: text('`ScrubHTMLParser._parse()`', 'noscript'),
  packages: pkg('3.1.0'),
  paths: ['scrubber/html_shim.py'],
  functions: ['scrub', 'ScrubHTMLParser._parse'],
});

describe('classes of their own (two components of one product)', () => {
  it('keeps apart two reports of one entry point that name different classes', () => {
    const serializerBug = doc('serializer', {
      title: 'Mutation XSS in scrub() with svg and raw-text tags and strip=False',
      text: [
        'ScrubHTMLSerializer in scrubber/html_shim.py leaves escape_rcdata off, so text inside',
        'style is written unescaped; inside svg a browser parses style children as markup. With',
        'strip=False, scrub() writes the escaped img back in clear and its onerror handler runs:',
        'stored mutation XSS on the page.',
      ].join(' '),
      packages: pkg('3.1.1'),
      paths: ['scrubber/html_shim.py'],
      functions: ['scrub'],
    });
    expect(findStrongMatches([parserBug], serializerBug)).toEqual([]);
  });

  it('still matches a report of the same class', () => {
    const sameClass = doc('same', {
      title: 'Mutation XSS in scrub() with noscript raw-text tags and strip=False',
      text: text('`ScrubHTMLParser`', 'noscript'),
      packages: pkg('3.1.1'),
      paths: ['scrubber/html_shim.py'],
      functions: ['scrub'],
    });
    expect(findStrongMatches([parserBug], sameClass)).toEqual(['parser']);
  });
});
