// Properties of the e-mail encoding the style generator uses, checked by decoding with
// postal-mime (the MIME parser Thresher's mail intake uses): any text survives quoted-printable
// with lines of at most 76 characters, and any subject survives RFC 2047 encoded words.

import fc from 'fast-check';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import {
  encodeHeaderWords,
  encodeQuotedPrintable,
  formatAddress,
  formatRfc5322Date,
} from './encode-mime.js';

function buildMessage(subject: string, body: string): string {
  return [
    `From: ${formatAddress('Zoë Ångström', 'zoe@example.org')}`,
    `Subject: ${encodeHeaderWords(subject)}`,
    `Date: ${formatRfc5322Date('2024-02-29T23:59:58Z')}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    encodeQuotedPrintable(body),
  ].join('\r\n');
}

const lineText = fc.string({ unit: 'grapheme', maxLength: 300 }).map((text) =>
  // Bare CRs become line breaks in the encoding; NULs are not text.
  text.replace(/[\r\0]/g, ''),
);

describe('quoted-printable and encoded words', () => {
  it('decode back to the same body, with no encoded line over 76 characters', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(lineText, { minLength: 1, maxLength: 5 }), async (lines) => {
        const body = lines.join('\n');
        const encoded = encodeQuotedPrintable(body);
        expect(encoded.split('\r\n').every((line) => line.length <= 76)).toBe(true);
        const email = await PostalMime.parse(buildMessage('subject', body));
        // Blank lines at the very end of a message carry nothing; mail parsers drop them.
        const decoded = (email.text ?? '').replace(/\r\n/g, '\n').replace(/\n+$/, '');
        expect(decoded).toBe(body.replace(/\n+$/, ''));
      }),
      { numRuns: 200 },
    );
  });

  it('decode back to the same subject', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .string({ unit: 'grapheme', minLength: 1, maxLength: 120 })
          .map((text) =>
            Array.from(text, (character) => (/[\p{Cc}\s]/u.test(character) ? ' ' : character))
              .join('')
              .replace(/ +/g, ' ')
              .trim(),
          )
          .filter((text) => text !== ''),
        async (subject) => {
          const email = await PostalMime.parse(buildMessage(subject, 'body'));
          expect(email.subject).toBe(subject);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps the display name and the address apart', async () => {
    const email = await PostalMime.parse(buildMessage('s', 'b'));
    expect(email.from).toMatchObject({ name: 'Zoë Ångström', address: 'zoe@example.org' });
    expect(email.date).toBe('2024-02-29T23:59:58.000Z');
  });

  it('escapes "=" and trailing whitespace, and breaks long lines softly', () => {
    expect(encodeQuotedPrintable('a=b \nc\t')).toBe('a=3Db=20\r\nc=09');
    const long = encodeQuotedPrintable('x'.repeat(200));
    expect(long.split('\r\n').map((line) => line.length)).toEqual([76, 76, 50]);
    expect(long.replace(/=\r\n/g, '')).toBe('x'.repeat(200));
  });
});
