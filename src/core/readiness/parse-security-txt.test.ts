import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSecurityTxt } from './parse-security-txt.js';

describe('parseSecurityTxt', () => {
  it('reads fields case-insensitively with their lines, skipping comments and blanks', () => {
    const reading = parseSecurityTxt(
      '# hello\n\nCONTACT: mailto:a@b.example\nExpires:2027-01-01T00:00:00Z\nnot a field\n',
    );
    expect(reading.fields).toEqual([
      { name: 'contact', value: 'mailto:a@b.example', line: 3 },
      { name: 'expires', value: '2027-01-01T00:00:00Z', line: 4 },
    ]);
    expect(reading.problems).toEqual([
      { line: 5, message: 'line 5 is neither a field ("Name: value"), a comment nor blank' },
    ]);
  });

  it('reads the body of a cleartext-signed file and ignores the armour and signature', () => {
    const text = [
      '-----BEGIN PGP SIGNED MESSAGE-----',
      'Hash: SHA256',
      '',
      'Contact: mailto:a@b.example',
      '- -Dash-escaped: value',
      '-----BEGIN PGP SIGNATURE-----',
      '',
      'iQIzBAEB',
      '-----END PGP SIGNATURE-----',
    ].join('\n');
    const reading = parseSecurityTxt(text);
    expect(reading.isSigned).toBe(true);
    expect(reading.fields.map((field) => field.name)).toEqual(['contact', '-dash-escaped']);
    expect(reading.problems).toEqual([]);
  });

  it('never throws, and every field or problem points at a real line', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), (text) => {
        const reading = parseSecurityTxt(text);
        const lineCount = text.split(/\r?\n/).length;
        for (const item of [...reading.fields, ...reading.problems])
          expect(item.line).toBeLessThanOrEqual(lineCount);
      }),
    );
  });
});
