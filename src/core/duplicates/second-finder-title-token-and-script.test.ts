import { describe, expect, it } from 'vitest';
import type { DuplicateDocument } from '../model/duplicate.js';
import { buildTestDuplicateDocument as doc } from '../../../test/support/build-test-duplicate-document.js';
import { findStrongMatches } from '../../../test/support/find-strong-matches.js';
import { findConcreteAnchors, findCrossLanguageConcepts } from './find-cross-language-concepts.js';
import { guessProseLanguage } from './guess-prose-language.js';

const pkg = (versions: string[]) => [{ ecosystem: 'npm', name: 'tinytoken', versions }];

// Background: other bugs of the same product, so the package alone decides nothing.
const background: DuplicateDocument[] = [
  doc('bg-1', {
    title: 'Signing with an empty secret is allowed',
    text: 'sign() accepts an empty string as the secret in tinytoken 4.1.0 and produces a token anyone can forge.',
    packages: pkg(['4.1.0']),
  }),
  doc('bg-2', {
    title: 'decode() returns the payload of a malformed token',
    text: 'A token with three dots is decoded without an error in tinytoken 4.0.2.',
    packages: pkg(['4.0.2']),
  }),
];

describe('a title that names its own option', () => {
  const maxAge = doc('max-age', {
    title: 'verify() with `maxAge` never rejects a token whose iat is 0',
    text: 'In tinytoken 4.2.0 verify() checks maxAge by calling timespan(options.maxAge, payload.iat). The helper in lib/timespan.js replaces an iat of 0 with the current time, so the deadline is always now plus maxAge and the token is accepted forever. The check is in verify.js; verify() then never throws TokenExpiredError for such a token.',
    packages: pkg(['4.2.0']),
    functions: ['verify', 'timespan'],
    paths: ['verify.js', 'lib/timespan.js'],
  });
  // The same entry point and file, another option: two bugs. Rule 3b (the titled verify(), text
  // 0.3 and more) and rule 3g matched them until the title's own option was read.
  const clockTolerance = doc('clock-tolerance', {
    title: 'tinytoken 4.2.0: a string clockTolerance turns off the exp and nbf checks',
    text: 'verify() in verify.js adds options.clockTolerance to payload.exp without checking its type, so a string concatenates and the expired token is accepted: verify() never throws TokenExpiredError. With the number 30 the same call throws as expected. The deadline computed by verify() is then far in the future and the token is accepted forever on tinytoken 4.2.0.',
    packages: pkg(['4.2.0']),
    functions: ['verify'],
    paths: ['verify.js'],
  });
  // A second finder who calls the option by what it does names no token in the title.
  const secondFinder = doc('second-finder', {
    title: 'verify() accepts a token forever when its issued-at time is zero',
    text: 'With tinytoken 4.2.0, verify() with a maxAge of 30 days accepts a token whose iat is 0: the deadline computed for it is always now plus the maximum age, so the token is accepted forever. verify.js never throws TokenExpiredError for it.',
    packages: pkg(['4.2.0']),
    functions: ['verify'],
    paths: ['verify.js'],
  });

  it('keeps apart two reports through one function whose titles name different options', () => {
    expect(findStrongMatches([maxAge, ...background], clockTolerance)).toEqual([]);
  });

  it('still matches a second finder whose title names no option of its own', () => {
    expect(findStrongMatches([maxAge, ...background], secondFinder)).toEqual(['max-age']);
  });
});

const xmlPkg = (versions: string[]) => [{ ecosystem: 'RubyGems', name: 'tinyxml', versions }];

describe('a second finder writing in a CJK script', () => {
  const original = doc('pi', {
    title: 'Unterminated processing instruction with many tabs makes parsing quadratic',
    text: 'In tinyxml 3.3.2 BaseParser#process_instruction in lib/tinyxml/parsers/baseparser.rb matches the instruction end against the rest of the buffer. When the instruction is never closed and the name is followed by many tabs, the parser takes quadratic time and then raises TinyXML::ParseException ("Invalid processing instruction node"). Doubling the input multiplies the time by four.',
    packages: xmlPkg(['3.3.2']),
    functions: ['BaseParser#process_instruction'],
    paths: ['lib/tinyxml/parsers/baseparser.rb'],
  });
  const otherBug = doc('entities', {
    title: 'Entity expansion limits are not applied by the SAX2 parser',
    text: 'In tinyxml 3.3.2 the SAX2 parser expands nested internal entities without counting them, so a billion laughs document exhausts memory. TinyXML::Document.new raises "entity expansion has grown too large" on the same file.',
    packages: xmlPkg(['3.3.2']),
    functions: ['SAX2Parser#parse'],
    paths: ['lib/tinyxml/parsers/sax2parser.rb'],
  });
  const japanese = doc('ja', {
    title: '閉じられていない処理命令でパースが極端に遅くなる',
    text: 'tinyxml 3.3.2 で、`<?` の後に名前と大量の空白文字(タブや改行)が続き、`?>` で閉じられていない XML を渡すと、処理に数秒から数分かかります。最終的には TinyXML::ParseException(Invalid processing instruction node)になりますが、それまで CPU を使い続けます。空白を 2 倍にすると約 4 倍の時間になります。サービス拒否につながると考えます。',
    packages: xmlPkg(['3.3.2']),
  });

  it('reads Japanese, Chinese and Korean prose by its script', () => {
    expect(guessProseLanguage(japanese.text)).toBe('ja');
    expect(
      guessProseLanguage(
        '在版本 3.3.2 中，解析器处理未闭合的处理指令时会消耗大量时间，导致拒绝服务。攻击者只需发送一个很小的文档即可让工作进程长时间占用处理器。',
      ),
    ).toBe('zh');
    expect(
      guessProseLanguage(
        '버전 3.3.2 에서 닫히지 않은 처리 명령이 있는 문서를 파싱하면 매우 오랜 시간이 걸립니다. 공격자는 작은 문서로 작업자를 오랫동안 점유할 수 있습니다.',
      ),
    ).toBe('ko');
    // An English report quoting a few characters of another script stays English.
    expect(
      guessProseLanguage(
        'The parser accepts the title 処理命令 and then the value is written to the log, which is the problem with this release of the product when it runs.',
      ),
    ).not.toBe('ja');
  });

  // Rule 3q: without it the Japanese report shares no concept the vocabulary reads, and the
  // Latin words it carries are too few for the text rules.
  it('matches a Japanese report by the printed message and the class it quotes', () => {
    expect(findStrongMatches([original, otherBug], japanese)).toEqual(['pi']);
  });

  it('does not match a Japanese report whose message is another bug’s', () => {
    const otherMessage = doc('ja-2', {
      ...japanese,
      text: japanese.text.replace(
        'Invalid processing instruction node',
        'entity expansion has grown too large',
      ),
    });
    expect(findStrongMatches([original], otherMessage)).toEqual([]);
  });
});

const tlsPkg = (versions: string[]) => [{ ecosystem: '', name: 'tinytls', versions }];

describe('concepts of certificate checks and markup structure across languages', () => {
  it('reads name constraints, wildcards, chains and nested prefixed attributes in four languages', () => {
    expect(
      findCrossLanguageConcepts(
        'Namensbeschränkungen greifen nicht bei Wildcard-Zertifikaten',
        'Die Zwischen-CA mit erlaubtem Teilbaum; die Kette wird akzeptiert.',
      ),
    ).toEqual(
      expect.arrayContaining([
        'name constraints',
        'wildcard',
        'certificate',
        'intermediate',
        'subtree',
        'certificate chain',
        'accept',
      ]),
    );
    expect(
      findCrossLanguageConcepts(
        '',
        'elementos anidados con dos atributos del mismo nombre local y distinto prefijo; crece con el cuadrado de la profundidad del documento',
      ),
    ).toEqual(
      expect.arrayContaining([
        'element',
        'nested',
        'attribute',
        'local name',
        'prefix',
        'quadratic',
        'depth',
        'document',
      ]),
    );
  });

  it('reads a number with grouped thousands as a size, not an odd literal', () => {
    const anchors = findConcreteAnchors('', 'prof = 15_000; chunk 1_0');
    expect(anchors).toContain('1_0');
    expect(anchors).not.toContain('15_000');
  });

  // Rule 3m with the new concepts: 7 concepts and two anchors (SAN, s_server).
  it('matches a German second finder of a wildcard name-constraints bypass', () => {
    const original = doc('wildcard', {
      title: 'Wildcard SAN bypasses name constraints of an intermediate CA',
      text: 'tinytls 5.9.1: an intermediate CA with a permitted subtree in its name constraints can issue a leaf certificate whose SAN is a wildcard outside that subtree, and the client accepts it. ConfirmNameConstraints() in src/asn.c compares the wildcard as a literal, so in our chain the constraint is skipped. Start a server with openssl s_server and connect with the example client.',
      packages: tlsPkg(['5.9.1']),
      functions: ['ConfirmNameConstraints'],
      paths: ['src/asn.c'],
    });
    const otherBug = doc('ocsp', {
      title: 'OCSP response with a future thisUpdate is accepted',
      text: 'tinytls 5.9.1 accepts an OCSP response whose thisUpdate lies in the future; CheckOcspResponse() in src/ocsp.c never compares it with the clock.',
      packages: tlsPkg(['5.9.1']),
      functions: ['CheckOcspResponse'],
      paths: ['src/ocsp.c'],
    });
    const german = doc('de', {
      title: 'Namensbeschränkungen greifen nicht bei Wildcard-Zertifikaten',
      text: 'Unsere Zwischen-CA hat die Erweiterung nameConstraints mit einem erlaubten Teilbaum. Mit dieser Zwischen-CA haben wir ein Zertifikat mit dem SAN *.bank.example ausgestellt. Ein Client mit tinytls 5.9.1 akzeptiert dieses Zertifikat, obwohl der Name außerhalb des erlaubten Teilbaums liegt. Die Kette haben wir mit openssl erzeugt und den Server mit openssl s_server gestartet. Ohne Wildcard wird die Kette korrekt abgelehnt.',
      packages: tlsPkg(['5.9.1']),
    });
    expect(findStrongMatches([original, otherBug], german)).toEqual(['wildcard']);
  });

  // Rule 3m without an anchor: nine concepts and some wording in common.
  it('matches a Spanish second finder of a quadratic nesting bug that names no anchor', () => {
    const original = doc('nested', {
      title: 'Quadratic time with deeply nested elements that repeat prefixed attributes',
      text: 'Parsing a document with many nested elements, each carrying two attributes with the same local name and different prefixes, takes time quadratic in the nesting depth with TinyXML::Document.new in tinyxml 3.3.2. Attributes#[]= in lib/tinyxml/element.rb looks up the namespace of both, and every lookup walks all ancestors. n = 20_000 takes 47 s. Denial of service of applications that parse untrusted XML.',
      packages: xmlPkg(['3.3.2']),
      functions: ['Attributes#[]='],
      paths: ['lib/tinyxml/element.rb'],
    });
    const spanish = doc('es', {
      title: 'Denegación de servicio en TinyXML con elementos anidados y atributos con prefijo',
      text: 'Con tinyxml 3.3.2, un documento con muchos elementos anidados, cada uno con dos atributos del mismo nombre local pero distinto prefijo, tarda muchísimo en cargarse con TinyXML::Document.new. El tiempo crece con el cuadrado de la profundidad. Con 15_000 niveles tarda unos 27 segundos; sin el segundo atributo, menos de un segundo.',
      packages: xmlPkg(['3.3.2']),
    });
    const sixConcepts = doc('es-2', {
      title: 'Denegación de servicio en TinyXML con elementos anidados',
      text: 'Con tinyxml 3.3.2, un documento con muchos elementos anidados tarda muchísimo en cargarse con TinyXML::Document.new. El tiempo crece con el cuadrado de la profundidad.',
      packages: xmlPkg(['3.3.2']),
    });
    expect(findStrongMatches([original], spanish)).toEqual(['nested']);
    expect(findStrongMatches([original], sixConcepts)).toEqual([]);
  });
});
