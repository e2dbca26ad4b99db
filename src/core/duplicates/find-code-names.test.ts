import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCodeNames } from './find-code-names.js';

describe('findCodeNames', () => {
  it('finds the functions and files an advisory names in prose', () => {
    const found = findCodeNames(
      'tinyhttpd: heap overflow in http_read_chunked on oversized chunk sizes. dtdCopy in lib/xmlparse.c and ' +
        'XML_ParseBuffer() call Parser::reset and QuerySet.annotate(); see xmltok.c. JavaScript, GitHub and e.g. are prose.',
    );
    expect(found.functions).toEqual(
      expect.arrayContaining([
        'http_read_chunked',
        'dtdCopy',
        'XML_ParseBuffer',
        'Parser::reset',
        'QuerySet.annotate',
      ]),
    );
    expect(found.functions).not.toEqual(expect.arrayContaining(['JavaScript']));
    expect(found.functions).not.toContain('GitHub');
    expect(found.paths).toEqual(['lib/xmlparse.c', 'xmltok.c']);
  });

  it('reads a runtime named like a file as no file', () => {
    expect(
      findCodeNames('Tested on Node.js 22 with a Vue.js front end; see lib/app.js').paths,
    ).toEqual(['lib/app.js']);
  });

  it('never throws and keeps its lists bounded', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 5000 }), (text) => {
        const found = findCodeNames(text);
        expect(found.functions.length).toBeLessThanOrEqual(50);
        expect(found.paths.length).toBeLessThanOrEqual(50);
      }),
    );
  });
});
