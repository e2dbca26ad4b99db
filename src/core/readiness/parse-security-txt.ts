// Reads a security.txt file (RFC 9116): fields with their lines, syntax problems, and the body of
// an OpenPGP cleartext-signed file. Field names are case-insensitive.

import { splitLines } from './scan-lines.js';

export interface SecurityTxtField {
  /** Lower-case field name. */
  name: string;
  value: string;
  line: number;
}

export interface SecurityTxtReading {
  fields: SecurityTxtField[];
  problems: { line: number; message: string }[];
  isSigned: boolean;
}

export const securityTxtLocations = [
  '.well-known/security.txt',
  'public/.well-known/security.txt',
  'static/.well-known/security.txt',
  'docs/.well-known/security.txt',
  'security.txt',
];

const fieldPattern = /^([A-Za-z0-9-]{1,64}):[ \t]*(.*)$/;

export function parseSecurityTxt(text: string): SecurityTxtReading {
  const lines = splitLines(text);
  const fields: SecurityTxtField[] = [];
  const problems: { line: number; message: string }[] = [];
  const isSigned = lines[0]?.trim() === '-----BEGIN PGP SIGNED MESSAGE-----';
  // A signed file: armour header lines ("Hash: SHA256") up to a blank line, the body, then the
  // signature block, which readers ignore.
  let part: 'header' | 'body' | 'signature' = isSigned ? 'header' : 'body';
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (part === 'header') {
      if (raw.trim() === '') part = 'body';
      return;
    }
    if (part === 'signature') return;
    if (isSigned && raw.startsWith('-----BEGIN PGP SIGNATURE-----')) {
      part = 'signature';
      return;
    }
    const content = isSigned && raw.startsWith('- ') ? raw.slice(2) : raw;
    if (content.trim() === '' || content.startsWith('#')) return;
    const match = fieldPattern.exec(content.trimEnd());
    if (match === null) {
      problems.push({
        line,
        message: `line ${line} is neither a field ("Name: value"), a comment nor blank`,
      });
      return;
    }
    fields.push({ name: (match[1] ?? '').toLowerCase(), value: (match[2] ?? '').trim(), line });
  });
  return { fields, problems, isSigned };
}
