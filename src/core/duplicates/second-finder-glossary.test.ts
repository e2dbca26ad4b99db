// A second finder's words across languages (the concept glossary of rule 3m in Italian and
// Portuguese too, and the vocabulary of images, links and sanitizers), the payload a second finder
// writes (HTML character references as crafted literals), and a second finder who calls the
// product's public API by a snake_case name others name too (rule 3h).
import { describe, expect, it } from 'vitest';
import { buildTestDuplicateDocument as doc } from '../../../test/support/build-test-duplicate-document.js';
import { findStrongMatches } from '../../../test/support/find-strong-matches.js';
import { analyzeDuplicateDocument } from './analyze-duplicate-document.js';
import { findConcreteAnchors, findCrossLanguageConcepts } from './find-cross-language-concepts.js';

describe('the concept glossary', () => {
  it('reads a German report of an image grid read past its tile list', () => {
    expect(
      findCrossLanguageConcepts(
        'Lesezugriff außerhalb der Grenzen bei Grid-Bildern',
        'ein Grid-Bild, das mehr Kacheln angibt, als referenziert werden; mit einem Release-Build',
      ),
    ).toEqual(
      expect.arrayContaining(['tile', 'grid', 'read', 'out-of-bounds read', 'release build']),
    );
  });

  it('reads Italian, Portuguese, French and Spanish words of a sanitizer bypass', () => {
    expect(
      findCrossLanguageConcepts('', 'è possibile aggirare il sanificatore con un collegamento'),
    ).toEqual(expect.arrayContaining(['bypass', 'sanitizer', 'link']));
    expect(
      findCrossLanguageConcepts('', 'contornar a higienização: o navegador executa ao clicar'),
    ).toEqual(expect.arrayContaining(['bypass', 'sanitizer', 'browser', 'click']));
    expect(
      findCrossLanguageConcepts(
        '',
        "l'attribut href d'un élément externe, téléversé sur le même site",
      ),
    ).toEqual(
      expect.arrayContaining(['attribute', 'element', 'external', 'upload', 'same origin']),
    );
    expect(
      findCrossLanguageConcepts('', 'Evasión del saneamiento: XSS almacenado con salto de línea'),
    ).toEqual(expect.arrayContaining(['bypass', 'sanitizer', 'stored', 'newline']));
  });
});

describe('character references as anchors', () => {
  it('reads them as the character they encode, keeping a missing semicolon', () => {
    const anchors = findConcreteAnchors(
      '',
      'javascript&#x3A;alert(1), java&#0000058;x, javascript&#58alert(1), java&Tab;script, &amp; &lt;',
    );
    expect(anchors).toEqual(expect.arrayContaining(['&#58;', '&#58', '&tab;']));
    expect(anchors).not.toContain('&amp;');
    expect(anchors).not.toContain('&lt;');
  });

  it('takes no anchor from a conversion every Ruby object has', () => {
    expect(findConcreteAnchors('', 'frag.scrub!(:strip).to_s')).toEqual([]);
  });
});

const pkg = [{ ecosystem: '', name: 'scrubby', versions: ['3.1.1'] }];

const semicolonless = doc('semicolonless', {
  title: 'scrubby 3.1.1: numeric character reference without semicolon bypasses allowed_uri?',
  text: [
    'Scrubby::Scrub.allowed_uri? in lib/scrubby/scrub.rb decodes the attribute with CGI.unescapeHTML',
    'before checking the scheme. CGI.unescapeHTML only decodes numeric references that end in ";".',
    'The HTML tokenizer in browsers also decodes "&#58" and "&#x3a" without the semicolon (a parse',
    'error, but decoded). So <a href="javascript&#58alert(1)">x</a> reaches the check as is.',
    'URI_PROTOCOL_REGEX needs a ":" and finds none, and the value is accepted as a relative',
    "reference. Steps: ruby -rscrubby -e 'p Scrubby::Scrub.allowed_uri?(%q(javascript&#58alert(1)))'",
    'prints true. Our Markdown renderer writes the accepted destination into the href unchanged;',
    'clicking runs the script. Same for &#0000058 and &#x3A. Impact: stored XSS, one click.',
  ].join('\n'),
  packages: pkg,
  paths: ['lib/scrubby/scrub.rb'],
});

const tabReferences = doc('tab-references', {
  title: '`&Tab;` / `&NewLine;` named references split `javascript:` past `allowed_uri?`',
  text: [
    'CGI.unescapeHTML decodes only a handful of named references. The HTML5 named references',
    '`&Tab;` and `&NewLine;` stay as they are, so Scrubby::Scrub.allowed_uri? in',
    'lib/scrubby/scrub.rb checks java&tab;script:alert(1) and allows it with strict_uri_mode on.',
    'Steps: puts Scrubby::Scrub.allowed_uri?(v) for each value prints true; clicking runs it.',
  ].join('\n'),
  packages: pkg,
  paths: ['lib/scrubby/scrub.rb'],
});

const exportText = (extra: string): string =>
  [
    'Links whose href is written as `javascript&#x3a;...` are removed correctly, but the same link',
    'written without the final semicolon (`javascript&#x3aalert(1)` or `javascript&#58alert(1)`) is',
    'accepted by Scrubby::Scrub.allowed_uri?, which our link validator calls on user-supplied URLs.',
    'Browsers decode the numeric reference anyway and run the script when the link is clicked.',
    `Found while fuzzing our comment renderer with payload lists.${extra} Environment: scrubby 3.1.1.`,
    "Steps: call Scrubby::Scrub.allowed_uri?('javascript&#x3aalert(document.cookie)'), which",
    'returns true; put the value into an href of a rendered page and click the link.',
  ].join(' ');

describe('a second finder who calls the product by a name others use (rule 3h)', () => {
  it('reads the snake_case methods a text calls', () => {
    const analysis = analyzeDuplicateDocument(
      doc('x', { text: "Scrubby::Scrub.allowed_uri?('a') with strict_uri_mode" }),
    );
    expect(analysis.snakeNames).toEqual(['allowed_uri', 'strict_uri_mode']);
    expect(analysis.calledSnakeMethods).toEqual(['allowed_uri']);
  });

  it('is still a second finder who cites no code', () => {
    const secondFinder = doc('export', {
      title: 'Sanitizer bypass in scrubby with semicolon-less numeric colon reference',
      text: exportText(''),
      packages: pkg,
    });
    expect(findStrongMatches([semicolonless, tabReferences], secondFinder)).toEqual([
      'semicolonless',
    ]);
  });

  // A setting it names (`strict_uri_mode`) is a place of its own, even one another report names.
  it('points at code when it names a snake_case name it does not call', () => {
    const withSetting = doc('export', {
      title: 'Sanitizer bypass in scrubby with semicolon-less numeric colon reference',
      text: exportText(' It happens only with strict_uri_mode on.'),
      packages: pkg,
    });
    expect(findStrongMatches([semicolonless, tabReferences], withSetting)).toEqual([]);
  });
});
