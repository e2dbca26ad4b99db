import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CheckedClaim } from '../model/evidence.js';
import { judgeOtherProductNames } from './judge-other-product-names.js';

const contradicted = (
  kind: CheckedClaim['claim']['kind'],
  text: string,
  start: number,
  extra: Partial<CheckedClaim['claim']> = {},
): CheckedClaim => ({
  claim: { kind, text, span: { start, end: start + text.length, line: 1 }, ...extra },
  status: 'contradicted',
  proof: { summary: `${text} does not exist` },
});

const isOwnName = (name: string): boolean => ['mistune', 'libvips'].includes(name.toLowerCase());

describe('judgeOtherProductNames', () => {
  it('reads a path inside a product the report names with a version as that product’s', () => {
    const body =
      'Affected: mistune 3.2.0 as used by nbconvert 7.16. The renderer in ' +
      '`nbconvert/filters/markdown_mistune.py` passes raw HTML; `src/mistune/invented.py` too.';
    const theirs = 'nbconvert/filters/markdown_mistune.py';
    const ours = 'src/mistune/invented.py';
    const [other, own] = judgeOtherProductNames(
      [
        contradicted('file', theirs, body.indexOf(theirs), { path: theirs }),
        contradicted('file', ours, body.indexOf(ours), { path: ours }),
      ],
      body,
      isOwnName,
    );
    expect(other!.status).toBe('unverifiable');
    expect(other!.proof.summary).toContain('nbconvert is a product the report names');
    // A folder named after the project itself is still the project's claim.
    expect(own!.status).toBe('contradicted');
  });

  it('reads a pinned package (`name==1.2.3`, `name@1.2.3`) as a product too', () => {
    const body = 'pip install django-bleach==0.6.1, then look at django_bleach/forms.py.';
    const path = 'django_bleach/forms.py';
    const [judged] = judgeOtherProductNames(
      [contradicted('file', path, body.indexOf(path), { path })],
      body,
      isOwnName,
    );
    expect(judged!.status).toBe('unverifiable');
  });

  it('reads a name the report gives to another product by a possessive', () => {
    const body =
      "libvips should refuse such images, like Pillow's MAX_IMAGE_PIXELS, or libvips's vips_invented().";
    const [given, own] = judgeOtherProductNames(
      [
        contradicted('symbol', 'MAX_IMAGE_PIXELS', body.indexOf('MAX_IMAGE_PIXELS')),
        contradicted('symbol', 'vips_invented', body.indexOf('vips_invented')),
      ],
      body,
      isOwnName,
    );
    expect(given!.status).toBe('unverifiable');
    expect(given!.proof.summary).toContain('to Pillow, another product');
    expect(own!.status).toBe('contradicted');
  });

  it("leaves names with no product beside them, and a person's possessive, contradicted", () => {
    const body = "The attacker's payload reaches parse_invented() in lib/invented.c.";
    const judged = judgeOtherProductNames(
      [
        contradicted('symbol', 'parse_invented', body.indexOf('parse_invented')),
        contradicted('file', 'lib/invented.c', body.indexOf('lib/invented.c'), {
          path: 'lib/invented.c',
        }),
      ],
      body,
      isOwnName,
    );
    expect(judged.map((entry) => entry.status)).toEqual(['contradicted', 'contradicted']);
  });

  it('never throws and never turns a claim into anything but unverifiable', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 40 }), (body, path) => {
        const judged = judgeOtherProductNames(
          [contradicted('file', path, 0, { path }), contradicted('symbol', path, 0)],
          body,
          () => false,
        );
        for (const entry of judged)
          expect(['contradicted', 'unverifiable']).toContain(entry.status);
      }),
    );
  });
});
