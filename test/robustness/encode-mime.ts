// The MIME pieces the e-mail style needs, written out so the generator stays pure: a
// quoted-printable body (RFC 2045 section 6.7), an encoded-word Subject (RFC 2047) and an
// RFC 5322 date.

const maxEncodedLineLength = 76;
const utf8 = new TextEncoder();

/**
 * Encodes text as quoted-printable with CRLF line breaks. Every encoded line is at most 76
 * characters: longer lines end in a soft break (`=` CRLF) that never splits an `=XX` escape or a
 * character's bytes, and a space or tab before a hard break is escaped so no trailing whitespace
 * is lost in transit.
 */
export function encodeQuotedPrintable(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return lines.map(encodeQuotedPrintableLine).join('\r\n');
}

function encodeQuotedPrintableLine(line: string): string {
  const tokens: string[] = [];
  const characters = Array.from(line);
  characters.forEach((character, index) => {
    const isLast = index === characters.length - 1;
    tokens.push(encodeCharacter(character, isLast));
  });
  const encoded: string[] = [];
  let current = '';
  for (const token of tokens) {
    // Keep room for the soft break's `=`.
    if (current.length + token.length > maxEncodedLineLength - 1) {
      encoded.push(`${current}=`);
      current = '';
    }
    current += token;
  }
  encoded.push(current);
  return encoded.join('\r\n');
}

function encodeCharacter(character: string, isLineEnd: boolean): string {
  const code = character.codePointAt(0) ?? 0;
  if ((code === 0x20 || code === 0x09) && !isLineEnd) return character;
  if (code >= 33 && code <= 126 && code !== 61) return character;
  return Array.from(utf8.encode(character), (byte) => `=${hexByte(byte)}`).join('');
}

function hexByte(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}

/**
 * A header value as RFC 2047 encoded words (`=?UTF-8?B?...?=`) when it holds anything but
 * printable ASCII; each word stays within 75 characters and never splits a character.
 */
export function encodeHeaderWords(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return value;
  const words: string[] = [];
  let bytes: number[] = [];
  const flush = (): void => {
    if (bytes.length === 0) return;
    words.push(`=?UTF-8?B?${btoa(String.fromCharCode(...bytes))}?=`);
    bytes = [];
  };
  for (const character of value) {
    const encoded = Array.from(utf8.encode(character));
    // 45 bytes become 60 base64 characters: with `=?UTF-8?B?` and `?=` the word stays at 72.
    if (bytes.length + encoded.length > 45) flush();
    bytes.push(...encoded);
  }
  flush();
  return words.join('\r\n ');
}

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Mon, 10 Jun 2024 09:30:00 +0000` for an ISO date or date-time (read as UTC). */
export function formatRfc5322Date(iso: string): string {
  const date = new Date(/T/.test(iso) ? iso : `${iso}T09:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new Error(`not an ISO date: ${iso}`);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${weekdays[date.getUTCDay()]}, ${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

/** An address header value: the display name as encoded words when needed, then `<address>`. */
export function formatAddress(name: string, address: string): string {
  if (name === '') return address;
  const displayName = /^[\w .'-]*$/.test(name) ? name : encodeHeaderWords(name);
  return `${displayName} <${address}>`;
}
