import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findNearMissName,
  listIdentifiers,
  measureEditDistance,
  pickNearMissProbes,
} from './find-near-miss-name.js';

describe('findNearMissName', () => {
  it('finds the real name a typo stands for', () => {
    const names = ['XML_ParseBuffer', 'XML_Parse', 'XML_GetBuffer'];
    expect(findNearMissName('XML_ParseBufer', names)).toBe('XML_ParseBuffer');
    expect(findNearMissName('XML_PraseBuffer', names)).toBe('XML_ParseBuffer');
    expect(findNearMissName('xml_parsebuffer', names)).toBe('XML_ParseBuffer');
    expect(findNearMissName('XML_SecureParse', names)).toBeNull();
    expect(findNearMissName('XML_Parse', names)).toBeNull();
  });

  it('allows one edit for short names', () => {
    expect(findNearMissName('jv_pars', ['jv_parse'])).toBe('jv_parse');
    expect(findNearMissName('jv_prs', ['jv_parse'])).toBeNull();
  });
});

describe('measureEditDistance', () => {
  it('counts a transposition as one edit', () => {
    expect(measureEditDistance('abcd', 'abdc', 3)).toBe(1);
    expect(measureEditDistance('kitten', 'sitting', 5)).toBe(3);
    expect(measureEditDistance('kitten', 'sitting', 1)).toBe(2);
  });

  it('is symmetric and zero only for equal strings (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const distance = measureEditDistance(a, b, 24);
        expect(distance).toBe(measureEditDistance(b, a, 24));
        expect(distance === 0).toBe(a === b);
      }),
    );
  });
});

describe('probes and candidates', () => {
  it('searches for the parts of a name and lists identifiers of a similar length', () => {
    expect(pickNearMissProbes('XML_ParseBufer')).toEqual(['Parse', 'Bufer']);
    expect(pickNearMissProbes('jv_pars')).toEqual(['pars']);
    expect(pickNearMissProbes('jv_setpaht')).toEqual(['setp', 'paht']);
    expect(pickNearMissProbes('Authorizaton')).toEqual(['Author', 'izaton']);
    expect([...listIdentifiers(['  XML_ParseBuffer(parser, s, len);'], 'XML_ParseBufer')]).toEqual([
      'XML_ParseBuffer',
    ]);
  });
});
