import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckedClaim } from '../model/evidence.js';
import {
  findOtherProductCue,
  findOutsideCodeCue,
  judgeClaimOutsideRepository,
} from './find-outside-code-cue.js';

const cueOf = (body: string, title = 'Report'): string | null =>
  findOutsideCodeCue({ title, body });

describe('findOutsideCodeCue', () => {
  it('reads a plugin, an extension, a fork or another repository as code outside the project', () => {
    expect(cueOf('The flaw is in a third-party plugin for uploads.')).toBe('third-party plugin');
    expect(cueOf('It is in the community auth extension.')).toBe('community auth extension');
    expect(cueOf('The plugin published by Acme mishandles paths.')).toBe('plugin published by');
    expect(cueOf('We run our fork of the server.')).toBe('our fork of');
    expect(cueOf('The handler lives in a separate repository.')).toBe(
      'lives in a separate repository',
    );
    expect(cueOf('The module is not part of the core distribution.')).toBe(
      'not part of the core distribution',
    );
    expect(cueOf('', 'Overflow in third-party module upload-limits')).toBe('third-party module');
  });

  it("reads a vendor's modified copy and a report saying the code is not in the project itself", () => {
    expect(cueOf("The vendor's SDK ships a **modified copy** of the parser.")).toBe(
      'a **modified copy** of',
    );
    expect(cueOf('Their patched copy of the library strcpy()s the name.')).toBe(
      'Their patched copy of',
    );
    expect(cueOf('The code is in the django_bleach module, not in bleach itself.')).toBe(
      'not in bleach itself',
    );
    expect(cueOf('Il codice è nel modulo `forms.py`, non in bleach stesso.')).toBe(
      'non in bleach stesso',
    );
    expect(cueOf('Der Fehler steckt im Plugin, nicht in `core` selbst.')).toBe(
      'nicht in `core` selbst',
    );
    // A copy the report does not call changed, and "in X itself" without a denial, say nothing.
    expect(cueOf('We keep a copy of the server in our monorepo.')).toBeNull();
    expect(cueOf('The overflow is in the parser itself.')).toBeNull();
  });

  it('reads nothing when the report denies it or only shows it in code', () => {
    expect(cueOf('This is not a third-party plugin; it is the core router.')).toBeNull();
    expect(cueOf('The overflow is in the core parser.')).toBeNull();
    expect(cueOf('```\n// a third-party plugin\n```\nThe overflow is in the parser.')).toBeNull();
  });

  it('never throws and returns words of the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (body) => {
        const cue = cueOf(body);
        if (cue !== null) expect(cue.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('findOtherProductCue', () => {
  const ownNames = new Set(['lxml', 'src', 'etree']);
  const productCueOf = (body: string): string | null =>
    findOtherProductCue({ title: 'Report', body }, (name) => ownNames.has(name.toLowerCase()));

  it('reads another product named as where the vulnerable code is', () => {
    expect(
      productCueOf(
        'We link the system libxml2, and the vulnerable\ncode is in libxml2 (the `xmlFoo` function).',
      ),
    ).toBe('vulnerable code is in libxml2');
    expect(
      productCueOf('The fault is inside libde265 (a bogus PPS). Built against libde265 1.0.16.'),
    ).toBe('fault is inside libde265');
    expect(productCueOf('The flaw lives in OpenSSL, which we link (OpenSSL 3.0.2).')).toBe(
      'flaw lives in OpenSSL',
    );
    expect(productCueOf('The bug itself is in `zlib2`. We build with the bundled zlib2.')).toBe(
      'bug itself is in zlib2',
    );
  });

  it('reads nothing for the project itself, a common word, a function or a file', () => {
    expect(productCueOf('The vulnerable code is in lxml, in `iterparse`.')).toBeNull();
    expect(productCueOf('The bug is in the parser.')).toBeNull();
    expect(productCueOf('The bug is in parser code.')).toBeNull();
    expect(productCueOf('The bug is in XML_Parse() when the buffer is short.')).toBeNull();
    expect(productCueOf('The flaw is in Parse(buf) of the reader.')).toBeNull();
    expect(productCueOf('The vulnerable code is in parser.c, line 40.')).toBeNull();
    expect(productCueOf('The vulnerable code is not in libxml2 but here.')).toBeNull();
  });

  it('reads nothing for a name the report never speaks of as a product (an invented class)', () => {
    expect(
      productCueOf('The vulnerability is in TokenValidator, which trusts the header.'),
    ).toBeNull();
    expect(productCueOf('The flaw is in libxml2 handling, we think.')).toBeNull();
  });

  it('never throws and returns words of the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (body) => {
        const cue = findOtherProductCue({ title: '', body }, () => false);
        if (cue !== null) expect(body).toContain(cue.split(' ').at(-1));
      }),
      { numRuns: 300 },
    );
  });
});

describe('judgeClaimOutsideRepository', () => {
  const span = { start: 0, end: 1, line: 1 };
  const contradicted = (kind: CheckedClaim['claim']['kind']): CheckedClaim => ({
    claim: { kind, text: 'x', span },
    status: 'contradicted',
    proof: { summary: 'x does not exist at v1' },
  });

  it('makes a missing name, file, line or snippet unverifiable, with the reason', () => {
    for (const kind of ['symbol', 'file', 'line', 'snippet'] as const) {
      const judged = judgeClaimOutsideRepository(contradicted(kind), 'third-party plugin');
      expect(judged.status).toBe('unverifiable');
      expect(judged.proof.summary).toContain('outside this repository ("third-party plugin")');
    }
  });

  it('leaves a patch, an option and every claim that held alone', () => {
    expect(judgeClaimOutsideRepository(contradicted('patch'), 'fork of').status).toBe(
      'contradicted',
    );
    const verified: CheckedClaim = { ...contradicted('symbol'), status: 'verified' };
    expect(judgeClaimOutsideRepository(verified, 'fork of')).toBe(verified);
  });
});
