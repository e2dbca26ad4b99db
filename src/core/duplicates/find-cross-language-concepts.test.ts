import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DuplicateDocument } from '../model/duplicate.js';
import { buildTestDuplicateDocument as doc } from '../../../test/support/build-test-duplicate-document.js';
import { findStrongMatches } from '../../../test/support/find-strong-matches.js';
import { findConcreteAnchors, findCrossLanguageConcepts } from './find-cross-language-concepts.js';

describe('findCrossLanguageConcepts', () => {
  it('maps German, French and Spanish spellings onto one English concept', () => {
    expect(findCrossLanguageConcepts('Heap-Überlauf beim Schreiben', '')).toEqual(
      expect.arrayContaining(['heap overflow', 'write']),
    );
    expect(findCrossLanguageConcepts('', 'un débordement de tas via le chemin')).toEqual(
      expect.arrayContaining(['heap overflow', 'path']),
    );
    expect(
      findCrossLanguageConcepts('', 'se puede eludir la ruta con una barra invertida'),
    ).toEqual(expect.arrayContaining(['bypass', 'path', 'backslash']));
    expect(findCrossLanguageConcepts('', 'Chunk-Größen mit Unterstrich')).toEqual(
      expect.arrayContaining(['chunk size', 'underscore']),
    );
  });

  it('maps the words of a padding oracle, a password limit and a slow pattern across languages', () => {
    expect(
      findCrossLanguageConcepts(
        'oracle de padding',
        'déchiffrer le texte clair octet par octet ; vérification en temps constant',
      ),
    ).toEqual(
      expect.arrayContaining([
        'padding',
        'oracle',
        'decrypt',
        'plaintext',
        'byte',
        'constant time',
      ]),
    );
    expect(
      findCrossLanguageConcepts(
        'límite de intentos',
        'fuerza bruta de contraseñas; nunca corta la conexión',
      ),
    ).toEqual(
      expect.arrayContaining(['limit', 'attempts', 'brute force', 'disconnect', 'connection']),
    );
    expect(
      findCrossLanguageConcepts(
        'Déni de service par expression régulière',
        'mots entre apostrophes séparés par des espaces',
      ),
    ).toEqual(expect.arrayContaining(['regular expression', 'quote', 'whitespace']));
    expect(
      findCrossLanguageConcepts('', 'Die Zeit wächst mit dem Quadrat der Zahl im Absatz'),
    ).toEqual(expect.arrayContaining(['quadratic', 'paragraph']));
    expect(findCrossLanguageConcepts('', 'einige hundert Objektbezeichner (OIDs)')).toEqual([
      'object identifier',
    ]);
  });

  it('finds nothing in words that name no concept', () => {
    expect(findCrossLanguageConcepts('Hallo zusammen', 'Viele Grüße')).toEqual([]);
  });
});

describe('findConcreteAnchors', () => {
  it('keeps protocol elements, headers, directives, encodings and literals', () => {
    const anchors = findConcreteAnchors(
      'Zu viele EDNS-Optionen',
      "NSID und OPT; try_files {path}; GET /a%5cb; 'POST / HTTP/1.1\\r\\nTransfer-Encoding: chunked' mit 1_0; heap-buffer-overflow, WRITE of size 2",
    );
    expect(anchors).toEqual(
      expect.arrayContaining([
        'EDNS',
        'NSID',
        'OPT',
        'try_files',
        '%5C',
        'transfer-encoding:',
        '1_0',
      ]),
    );
  });

  it('leaves out acronyms and headers every report has', () => {
    expect(findConcreteAnchors('HTTP DNS CVE', 'Content-Type: text/html\nHost: a')).toEqual([]);
    // A sanitizer's kind and access are shared by distinct bugs of one C project (rule 3l reads them).
    expect(
      findConcreteAnchors('', 'heap-buffer-overflow, WRITE of size 2 at 0x602000001234'),
    ).toEqual([]);
  });

  // Two reports of different bugs in one parser name its folder and file alike (puma, tune).
  it('takes no directive from a folder or file stem', () => {
    const anchors = findConcreteAnchors(
      '',
      'El parser de ext/puma_http11/http11_parser.rl y http11_parser.java.rl acepta LF; try_files sigue.',
    );
    expect(anchors).toContain('try_files');
    expect(anchors).not.toContain('puma_http11');
    expect(anchors).not.toContain('http11_parser');
  });

  it('is total and bounded on any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ maxLength: 2000 }), (title, text) => {
        const anchors = findConcreteAnchors(title, text);
        const concepts = findCrossLanguageConcepts(title, text);
        expect(anchors.length).toBeLessThanOrEqual(300);
        expect(new Set(anchors).size).toBe(anchors.length);
        expect(new Set(concepts).size).toBe(concepts.length);
      }),
    );
  });

  it('does not change with text after the anchors it already holds repeated', () => {
    fc.assert(
      fc.property(fc.constantFrom('NSID', 'try_files', '%5C', '1_0'), (anchor) => {
        const once = findConcreteAnchors('', `a ${anchor} b`);
        const twice = findConcreteAnchors('', `a ${anchor} b ${anchor}`);
        expect(twice).toEqual(once);
      }),
    );
  });
});

const pkg = (versions: string[]) => [{ ecosystem: '', name: 'tinyproxy', versions }];

const original = doc('first', {
  title: 'Chunk size with underscores accepted, request smuggling behind a proxy',
  text: [
    'tinyproxy 4.2.0 reads the chunk-size line of a chunked body with a lenient integer parser that',
    'accepts underscores (`1_0` is 16) and a hex prefix. A strict front proxy rejects the line or',
    'reads another length, so the two disagree on where the chunk ends and an attacker can hide a',
    'second request inside the body. Seen with the default `lenient_chunks` setting.',
    '',
    '```',
    "printf 'POST / HTTP/1.1\\r\\nHost: a\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n1_0\\r\\n...' | nc 127.0.0.1 8080",
    '```',
  ].join('\n'),
  packages: pkg(['4.2.0']),
  paths: ['tinyproxy/http/body.py'],
  functions: ['read_chunk_size'],
});

const background: DuplicateDocument[] = [
  doc('bg-2', {
    title: 'Trailer fields kept without limit',
    text: 'tinyproxy 4.2.0 keeps every trailer field after Transfer-Encoding: chunked bodies in memory.',
    packages: pkg(['4.2.0']),
    functions: ['read_trailers'],
  }),
  doc('bg-1', {
    title: 'Header folding accepted, request smuggling behind a proxy',
    text: 'tinyproxy 4.2.0 joins obsolete folded header lines; a front proxy that rejects them reads another request. Transfer-Encoding: chunked is not involved.',
    packages: pkg(['4.2.0']),
    functions: ['parse_headers'],
  }),
];

const germanSecondFinder = (version: string, literal: string, setting: string) =>
  doc('de', {
    title: 'tinyproxy akzeptiert ungültige Chunk-Größen mit Unterstrich',
    text: [
      `Hallo, bei unseren Tests mit tinyproxy ${version} hinter einem Proxy ist uns aufgefallen, dass`,
      `Chunk-Größen wie "${literal}" angenommen werden, obwohl dort nur Hexadezimalziffern stehen dürfen.`,
      'Der Proxy lehnt die Zeile ab oder liest sie anders, und wir konnten eine zweite Anfrage im Body',
      `verstecken, die der Proxy nie gesehen hat. Das ist Request Smuggling (Einstellung ${setting}).`,
      '',
      `  printf 'POST / HTTP/1.1\\r\\nHost: a\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n${literal}\\r\\nhallo\\r\\n0\\r\\n\\r\\n' | nc 127.0.0.1 8080`,
      '',
      'Viele Grüße und danke für die Arbeit an dem Projekt.',
    ].join('\n'),
    packages: pkg([version]),
  });

describe('a second finder in another language who names no function (rule 3m)', () => {
  it('matches on shared concepts and concrete anchors on one version', () => {
    const matches = findStrongMatches(
      [original, ...background],
      germanSecondFinder('4.2.0', '1_0', 'lenient_chunks'),
    );
    expect(matches).toEqual(['first']);
  });

  it('does not match on another version', () => {
    expect(
      findStrongMatches(
        [original, ...background],
        germanSecondFinder('4.1.0', '1_0', 'lenient_chunks'),
      ),
    ).toEqual([]);
  });

  // `Transfer-Encoding:` is in every chunked-body report of the product: not an anchor of this bug.
  it('does not match on the concepts and the product vocabulary alone', () => {
    expect(
      findStrongMatches(
        [original, ...background],
        germanSecondFinder('4.2.0', '0x5', 'strict_mode'),
      ),
    ).toEqual([]);
  });
});
